import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldIssue } from "@staffroom/core";
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type * as z from "zod/mini";

/** A flat list of `{ path, message }` from react-hook-form's nested errors. */
export function flattenErrors(
  errors: FieldErrors,
  prefix: string[] = [],
): { path: string[]; message: string; type: string }[] {
  const out: { path: string[]; message: string; type: string }[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object") continue;
    const v = value as Record<string, unknown>;
    if (typeof v.message === "string" && typeof v.type === "string")
      out.push({ path: [...prefix, key], message: v.message, type: v.type });
    else out.push(...flattenErrors(v as FieldErrors, [...prefix, key]));
  }
  return out;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] ?? path] = value;
}

/**
 * A react-hook-form resolver that validates with one of core's zod/mini schemas through
 * `zodResolver`: the form values are first turned into the API input (`toInput`), and each issue's
 * input path is mapped back to the form field that shows it (`fieldOf`). Core words its schema's
 * messages in English; `issueText` (the provider's `messages.errors.issue`) puts each in the host's
 * language, and undefined keeps core's. Default: core's words.
 *
 * @example resolver: coreResolver(CreateUserInputSchema, toCreateInput, fieldOfUserPath, undefined, m.errors.issue)
 */
export function coreResolver<V extends FieldValues, I>(
  schema: z.ZodMiniType,
  toInput: (values: V) => I,
  fieldOf: (path: readonly (string | number)[]) => string,
  extra?: (values: V) => Record<string, string>,
  issueText?: (issue: FieldIssue) => string | undefined,
): Resolver<V> {
  const inner = zodResolver(schema as never);
  return async (values, context, options) => {
    const result = await inner(toInput(values) as never, context, { ...options, names: undefined } as never);
    const errors: Record<string, unknown> = {};
    for (const e of flattenErrors(result.errors as FieldErrors)) {
      const name = fieldOf(e.path);
      const message = issueText?.({ path: e.path, code: e.type, message: e.message }) ?? e.message;
      setPath(errors, name, { type: "validate", message });
    }
    for (const [name, message] of Object.entries(extra?.(values) ?? {})) {
      setPath(errors, name, { type: "validate", message });
    }
    return Object.keys(errors).length
      ? { values: {}, errors: errors as FieldErrors<V> }
      : { values, errors: {} };
  };
}
