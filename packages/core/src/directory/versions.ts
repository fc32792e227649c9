import type * as z from "zod/mini";
import { fail } from "../errors/directory-error";
import { VERSION_MESSAGE, VersionSchema } from "../primitives/version.schema";
import { fieldIssues, type RawIssue } from "./validate";

/**
 * R12 in one place. Every write names the version it read (`requireVersion`, or `parseVersioned`
 * for an input that carries versions itself, as `users.bulk` does); a missing one is refused with
 * `precondition_required` before anything is read, on every backend. The version is then checked
 * twice: against the record as loaded (`expectVersion`, before any rule runs, so a stale form hears
 * "stale" first), and at the store's compare-and-set (`orStale`), which catches a writer that
 * committed in between.
 */

/**
 * R12: the version a write is based on. `precondition_required` when absent; `validation` on
 * `version` (code `invalid_version`, as REST answers a malformed `If-Match`) when not a whole number.
 *
 * @example const version = requireVersion(options); // options = { version: 3 }
 */
export function requireVersion(options: unknown): number {
  const v =
    typeof options === "object" && options !== null ? (options as { version?: unknown }).version : undefined;
  if (v === undefined) throw fail.preconditionRequired();
  const parsed = VersionSchema.safeParse(v);
  if (!parsed.success) throw fail.field(["version"], "invalid_version", VERSION_MESSAGE);
  return parsed.data;
}

const missingVersion = (issue: RawIssue): boolean =>
  issue.code === "invalid_type" &&
  issue.input === undefined &&
  issue.path[issue.path.length - 1] === "version";

/**
 * Parses an input whose items carry the versions they were read at (`users.bulk`): a missing
 * `version` anywhere is `precondition_required` (R12, nothing runs), any other problem the usual
 * `validation` with field issues.
 *
 * @example const input = parseVersioned(BulkInputSchema, raw);
 */
export function parseVersioned<S extends z.ZodMiniType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data as z.infer<S>;
  const issues = result.error.issues as readonly RawIssue[];
  if (issues.some(missingVersion)) throw fail.preconditionRequired();
  throw fail.validation(fieldIssues(issues));
}

/**
 * R12: `stale` when the record is no longer at the version the caller read.
 *
 * @example expectVersion(target.user, version);
 */
export function expectVersion(current: { readonly version: number }, expected: number): void {
  if (current.version !== expected) throw fail.stale();
}

/**
 * R12 at the write: a store's compare-and-set (`update*`, `deleteRole`) answers false when another
 * writer got there first; that is `stale`, and the unit's transaction rolls back.
 *
 * @example await orStale(unit.tx.updateUser(next, before.version));
 */
export async function orStale(written: Promise<boolean>): Promise<void> {
  if (!(await written)) throw fail.stale();
}
