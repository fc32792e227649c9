import { fail } from "../errors/directory-error";

/**
 * Names are unique per organization ignoring case: `conflict` on `name` when another live item of
 * the same kind (`except` aside) already uses it.
 *
 * @example ensureUniqueName(await tx.listRoles(orgId), input.name, "role");
 */
export function ensureUniqueName(
  existing: readonly { readonly id: string; readonly name: string; readonly archived?: boolean }[],
  name: string,
  kind: "role" | "location",
  except?: string,
): void {
  const wanted = name.toLowerCase();
  if (existing.some((item) => item.id !== except && !item.archived && item.name.toLowerCase() === wanted)) {
    const message = `A ${kind} with this name exists.`;
    throw fail.conflict(message, [{ path: ["name"], code: "duplicate_name", message }]);
  }
}
