import type { AuditQuery, SessionQuery, UserQuery } from "@staffroom/core";

/**
 * The query keys of the directory, most general first so that `["users"]` invalidates every user
 * query after a write.
 *
 * @example cache.invalidate(queryKeys.users.all)
 */
export const queryKeys = {
  me: ["me"] as const,
  users: {
    all: ["users"] as const,
    lists: ["users", "list"] as const,
    list: (query: UserQuery) => ["users", "list", query] as const,
    counts: (query: UserQuery) => ["users", "counts", query] as const,
    detail: (id: string) => ["users", "detail", id] as const,
    invitation: (id: string) => ["users", "invitation", id] as const,
  },
  roles: {
    all: ["roles"] as const,
    list: ["roles", "list"] as const,
    catalog: ["roles", "catalog"] as const,
  },
  locations: { all: ["locations"] as const, list: ["locations", "list"] as const },
  organization: {
    all: ["organization"] as const,
    get: ["organization", "get"] as const,
    usage: ["organization", "usage"] as const,
  },
  audit: { all: ["audit"] as const, list: (query: AuditQuery) => ["audit", "list", query] as const },
  sessions: {
    all: ["sessions"] as const,
    lists: ["sessions", "list"] as const,
    list: (query: SessionQuery) => ["sessions", "list", query] as const,
  },
  provisioning: {
    all: ["provisioning"] as const,
    tokens: ["provisioning", "tokens"] as const,
    settings: ["provisioning", "settings"] as const,
    activity: (tokenIds: readonly string[]) => ["provisioning", "activity", tokenIds] as const,
  },
  /** Core's form options: every write may change them (who holds what, seats, the actor). */
  formOptions: {
    all: ["formOptions"] as const,
    user: (id: string | null) => ["formOptions", "user", id ?? ""] as const,
    role: (id: string | null) => ["formOptions", "role", id ?? ""] as const,
    organization: ["formOptions", "organization"] as const,
  },
} as const;

/**
 * What a write to users makes stale: users, role user counts, seat usage, the audit trail, the form
 * options, and the sessions (disabling or deleting someone signs them out).
 */
export const USER_WRITE_INVALIDATES = [
  queryKeys.users.all,
  queryKeys.roles.list,
  queryKeys.organization.usage,
  queryKeys.audit.all,
  queryKeys.formOptions.all,
  queryKeys.sessions.all,
] as const;
