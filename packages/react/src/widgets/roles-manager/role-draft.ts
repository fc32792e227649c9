/**
 * Permission changes staged on one role, not saved yet: the version and permissions they were made
 * on (a save names that version, R12) and the permissions as staged. No rule lives here: whether a
 * switch may move is core's verdict, whether the whole change may be saved is core's answer to the
 * one `roles.update` that saves it.
 *
 * @example const draft: RoleDraft = { version: 3, base: ["calendar.view"], permissions: ["calendar.view", "calendar.create"] };
 */
export interface RoleDraft {
  /** The version the changes were staged on: the save sends it. */
  readonly version: number;
  /** The role's permissions at that version. */
  readonly base: readonly string[];
  /** The permissions as staged. */
  readonly permissions: readonly string[];
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((p) => b.includes(p));

/**
 * The permissions a draft turns on, then those it turns off (relative to its base).
 *
 * @example draftChanges({ version: 1, base: ["a.b"], permissions: ["c.d"] }) // { added: ["c.d"], removed: ["a.b"] }
 */
export function draftChanges(draft: RoleDraft | null): {
  readonly added: readonly string[];
  readonly removed: readonly string[];
} {
  if (!draft) return { added: [], removed: [] };
  return {
    added: draft.permissions.filter((p) => !draft.base.includes(p)),
    removed: draft.base.filter((p) => !draft.permissions.includes(p)),
  };
}

/**
 * The draft after one switch moves: staged on the role as read (its version) when there was none,
 * and gone (null) when every switch is back where the role has it.
 *
 * @example stagePermission(null, role, "billing.view_revenue", true)
 */
export function stagePermission(
  draft: RoleDraft | null,
  role: { readonly version: number; readonly permissions: readonly string[] },
  permission: string,
  allow: boolean,
): RoleDraft | null {
  const start = draft ?? { version: role.version, base: role.permissions, permissions: role.permissions };
  const permissions = allow
    ? [...start.permissions.filter((p) => p !== permission), permission]
    : start.permissions.filter((p) => p !== permission);
  return sameSet(permissions, start.base) ? null : { ...start, permissions };
}

/**
 * The draft moved onto a newer version of the role (Reload after a conflict): the person's changes
 * applied on top of the current permissions, or null when the current permissions already are what
 * they staged.
 *
 * @example rebaseDraft(draft, freshRole)
 */
export function rebaseDraft(
  draft: RoleDraft,
  role: { readonly version: number; readonly permissions: readonly string[] },
): RoleDraft | null {
  const { added, removed } = draftChanges(draft);
  const permissions = [
    ...role.permissions.filter((p) => !removed.includes(p)),
    ...added.filter((p) => !role.permissions.includes(p)),
  ];
  return sameSet(permissions, role.permissions)
    ? null
    : { version: role.version, base: role.permissions, permissions };
}
