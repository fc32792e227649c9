import { parseInput } from "@staffroom/core";
import type * as z from "zod/mini";

export { unknownFieldIssue } from "@staffroom/core";

/**
 * Parses a body with a schema, answering `validation` with field issues exactly as core shapes them
 * (core's own mapping: unknown fields one issue each, missing ones `required`).
 *
 * @example const { email, password } = parseBody(SignInBodySchema, c.body);
 */
export function parseBody<S extends z.ZodMiniType>(schema: S, raw: unknown): z.output<S> {
  return parseInput(schema, raw) as z.output<S>;
}
