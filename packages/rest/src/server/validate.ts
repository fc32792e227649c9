import { type FieldIssue, fail } from "@staffroom/core";
import type * as z from "zod/mini";

interface RawIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  readonly input?: unknown;
}

/** The one message of an unknown field, as core words it (R14). @example unknownFieldIssue(["profile"], "nickname") // { path: ["profile", "nickname"], code: "unknown_field", … } */
export const unknownFieldIssue = (path: readonly (string | number)[], key: string): FieldIssue => ({
  path: [...path, key],
  code: "unknown_field",
  message: `"${key}" is not a field that can be set here.`,
});

function toIssues(issues: readonly RawIssue[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
    if (issue.code === "unrecognized_keys" && issue.keys) {
      for (const key of issue.keys) out.push(unknownFieldIssue(path, key));
    } else if (issue.code === "invalid_type" && issue.input === undefined) {
      out.push({ path, code: "required", message: "This field is required." });
    } else {
      out.push({ path, code: issue.code, message: issue.message });
    }
  }
  return out;
}

/**
 * Parses a body with a schema, answering `validation` with field issues shaped as core shapes them
 * (unknown fields one issue each, missing ones `required`).
 *
 * @example const { email, password } = parseBody(SignInBodySchema, c.body);
 */
export function parseBody<S extends z.ZodMiniType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  throw fail.validation(toIssues(result.error.issues as readonly RawIssue[]));
}
