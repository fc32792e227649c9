import { fail } from "@staffroom/core";
import type { BaseContext } from "./route";

/** Organization-scoped paths start here. @example `${ORG}/users/{userId}` // "/organizations/{orgId}/users/{userId}" */
export const ORG = "/organizations/{orgId}";

/**
 * Hands request input to core as the type its signature names. Core validates every input at run
 * time (strict schemas, R14), so the wire value needs no second check here.
 *
 * @example await c.staff.users.create(input<CreateUserInput>(c.body));
 */
export function input<T>(value: unknown): T {
  return value as T;
}

/**
 * The version `If-Match` named; the dispatcher guarantees it on routes with `ifMatch: true`.
 *
 * @example await c.staff.users.update(id, patch, { version: version(c) });
 */
export function version(c: BaseContext): number {
  if (c.version === undefined) throw fail.preconditionRequired();
  return c.version;
}

/**
 * A path parameter the router matched.
 *
 * @example const id = param(c, "userId");
 */
export function param(c: BaseContext, name: string): string {
  const value = c.params[name];
  if (value === undefined) throw new Error(`route has no {${name}} parameter`);
  return value;
}
