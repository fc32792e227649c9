import type { ActorSession } from "../directory/runner";
import { checkId } from "../directory/validate";
import { parseVersioned } from "../directory/versions";
import { DirectoryError, fail } from "../errors/directory-error";
import type { User } from "./user.schema";
import { BulkInputSchema, type BulkItem } from "./user-actions.schema";
import type { BulkResult } from "./user-results.schema";
import { deleteUser, disableUser, restoreUser } from "./users-lifecycle.service";
import { updateUser } from "./users-update.service";

/**
 * W12: applies one action to many users, each in its own transaction, with a result per row. Every
 * row is written only at the version it names (R12): a stale row fails alone with `stale`; a row
 * without a version refuses the whole call (`precondition_required`) before anything is written.
 */
export async function bulkUsers(s: ActorSession, raw: unknown): Promise<BulkResult> {
  const input = parseVersioned(BulkInputSchema, raw);
  const max = s.ctx.policy.bulkMaxIds;
  if (input.items.length === 0 || input.items.length > max) {
    throw fail.field(["items"], "invalid_items", `Choose between 1 and ${max} users.`);
  }
  // A repeated id counts once, at the first version named for it.
  const items = new Map<string, BulkItem>();
  for (const item of input.items) if (!items.has(item.id)) items.set(item.id, item);
  const results: BulkResult["results"] = [];
  for (const { id, version } of items.values()) {
    try {
      let user: User | null = null;
      if (input.action === "disable") user = await disableUser(s, id, { version });
      else if (input.action === "restore") user = await restoreUser(s, id, { version });
      else if (input.action === "delete") await deleteUser(s, checkId(id), { version });
      else if (input.action === "setRole")
        user = await updateUser(s, id, { roleId: input.roleId }, { version });
      results.push({ id, ok: true, user });
    } catch (error) {
      if (!(error instanceof DirectoryError)) throw error;
      results.push({ id, ok: false, error: error.toJSON() });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}
