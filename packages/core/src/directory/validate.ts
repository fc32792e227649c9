import type * as z from "zod/mini";
import { type RequestMetadata, RequestMetadataSchema } from "../audit/audit.schema";
import { type FieldIssue, fail } from "../errors/directory-error";
import { isId } from "../primitives/ids.schema";
import { toPlainText } from "../primitives/text.schema";

/** A zod issue, as much of it as the mapping reads. */
export interface RawIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  readonly input?: unknown;
  /** A custom check's parameters; `params.code` names the issue (see `plainTextCheck`). */
  readonly params?: { readonly code?: unknown };
}

const toPath = (path: readonly PropertyKey[]): (string | number)[] =>
  path.map((p) => (typeof p === "number" ? p : String(p)));

/**
 * The one issue of an unknown field (R14). The message quotes the key cleaned by `toPlainText` (a
 * key is caller text; the path keeps it as given).
 *
 * @example unknownFieldIssue(["profile"], "nickname") // { path: ["profile", "nickname"], code: "unknown_field", … }
 */
export const unknownFieldIssue = (path: readonly (string | number)[], key: string): FieldIssue => ({
  path: [...path, key],
  code: "unknown_field",
  message: `"${toPlainText(key)}" is not a field that can be set here.`,
});

/**
 * Turns zod issues into field issues whose paths map onto form fields; unknown keys get one issue
 * each (R14), missing fields `required`.
 *
 * @example fieldIssues(schema.safeParse(input, { reportInput: true }).error?.issues ?? [])
 */
export function fieldIssues(issues: readonly RawIssue[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const path = toPath(issue.path);
    if (issue.code === "unrecognized_keys" && issue.keys) {
      for (const key of issue.keys) out.push(unknownFieldIssue(path, key));
    } else if (issue.code === "invalid_type" && issue.input === undefined) {
      out.push({ path, code: "required", message: "This field is required." });
    } else if (issue.code === "custom" && typeof issue.params?.code === "string") {
      out.push({ path, code: issue.params.code, message: issue.message });
    } else {
      out.push({ path, code: issue.code, message: issue.message });
    }
  }
  return out;
}

/**
 * Parses input with a schema; an invalid input becomes a `validation` DirectoryError listing every
 * field issue, and nothing downstream runs.
 *
 * @example const input = parseInput(CreateUserInputSchema, raw);
 */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data as z.infer<S>;
  throw fail.validation(fieldIssues(result.error.issues as readonly RawIssue[]));
}

/** Rejects an id that is not shaped like one, as `not_found` (a malformed id names nothing). */
export function checkId(id: unknown): string {
  if (!isId(id)) throw fail.notFound();
  return id;
}

/**
 * The request metadata an integrator passes with an actor or an auth call, checked like any input
 * (single-line text, bounded), since it lands in the audit trail of every store: a bad value is a
 * `validation` error under `["metadata", field]`. The REST server never trips this: it cleans the
 * header values it reads (`toPlainText`).
 *
 * @example const metadata = checkMetadata(input.metadata); // undefined when absent
 */
export function checkMetadata(metadata: unknown): RequestMetadata | undefined {
  if (metadata === undefined) return undefined;
  const result = RequestMetadataSchema.safeParse(metadata, { reportInput: true });
  if (result.success) return result.data;
  throw fail.validation(
    fieldIssues(result.error.issues as readonly RawIssue[]).map((issue) => ({
      ...issue,
      path: ["metadata", ...issue.path],
    })),
  );
}
