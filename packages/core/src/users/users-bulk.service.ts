import type { ActorSession } from "../directory/runner";
import { checkId } from "../directory/validate";
import { DirectoryError, fail } from "../errors/directory-error";
import type { User } from "./user.schema";
import type { BulkInput, BulkResult } from "./user-actions.schema";
import { deleteUser, disableUser, restoreUser } from "./users-lifecycle.service";
import { getUser } from "./users-read.service";
import { updateUser } from "./users-update.service";

function parseBulk(input: unknown, max: number): BulkInput {
  const value = input as { action?: unknown; ids?: unknown; roleId?: unknown } | null;
  if (!value || typeof value !== "object") throw fail.field([], "invalid_type", "Expected a bulk action.");
  const allowed = value.action === "setRole" ? ["action", "ids", "roleId"] : ["action", "ids"];
  const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
  if (unknown.length) {
    throw fail.validation(
      unknown.map((k) => ({
        path: [k],
        code: "unknown_field",
        message: `"${k}" is not a field that can be set here.`,
      })),
    );
  }
  if (!["disable", "restore", "delete", "setRole"].includes(value.action as string)) {
    throw fail.field(["action"], "invalid_action", "Choose disable, restore, delete or setRole.");
  }
  if (
    !Array.isArray(value.ids) ||
    value.ids.length === 0 ||
    value.ids.length > max ||
    !value.ids.every((id) => typeof id === "string")
  ) {
    throw fail.field(["ids"], "invalid_ids", `Choose between 1 and ${max} users.`);
  }
  const ids = [...new Set(value.ids as string[])];
  if (value.action === "setRole") {
    if (typeof value.roleId !== "string") throw fail.field(["roleId"], "required", "Choose a role.");
    return { action: "setRole", ids, roleId: value.roleId };
  }
  return { action: value.action as "disable" | "restore" | "delete", ids };
}

/** W12: applies one action to many users, each in its own transaction, with a result per row. */
export async function bulkUsers(s: ActorSession, raw: unknown): Promise<BulkResult> {
  const input = parseBulk(raw, s.ctx.policy.bulkMaxIds);
  const results: BulkResult["results"][number][] = [];
  for (const id of input.ids) {
    try {
      let user: User | null = null;
      if (input.action === "disable") user = await disableUser(s, id);
      else if (input.action === "restore") user = await restoreUser(s, id);
      else if (input.action === "delete") await deleteUser(s, checkId(id));
      else if (input.action === "setRole") {
        const current = await getUser(s, id);
        user = await updateUser(s, id, { roleId: input.roleId }, { version: current.version });
      }
      results.push({ id, ok: true, user });
    } catch (error) {
      if (!(error instanceof DirectoryError)) throw error;
      results.push({ id, ok: false, error: error.toJSON() });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}
