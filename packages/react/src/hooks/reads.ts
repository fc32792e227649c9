import type {
  ActorView,
  AuditEvent,
  AuditQuery,
  CatalogView,
  InvitationSummary,
  Location,
  Organization,
  OrganizationFormOptions,
  Page,
  Role,
  RoleFormOptions,
  SeatUsage,
  StatusCounts,
  User,
  UserFormOptions,
  UserQuery,
} from "@staffroom/core";
import { useDirectory } from "../provider/context";
import { type QueryResult, type UseQueryOptions, useQuery } from "../query/use-query";
import { queryKeys } from "./keys";

/**
 * The signed-in actor: user, role, permissions. Loading it is what lets `can()` and
 * `users.actions()` answer, so the permission hooks call it for you.
 *
 * @example const me = useMe(); me.data?.user.displayName
 */
export function useMe(): QueryResult<ActorView> {
  const directory = useDirectory();
  return useQuery(queryKeys.me, () => directory.me());
}

/**
 * A page of users (server-side search, filters, sort and cursor).
 *
 * @example const page = useUsers({ status: "active", search }, { keepPrevious: true });
 */
export function useUsers(query: UserQuery = {}, options?: UseQueryOptions): QueryResult<Page<User>> {
  const directory = useDirectory();
  return useQuery(queryKeys.users.list(query), () => directory.users.list(query), options);
}

/**
 * Counts per status tab for a search and filters.
 *
 * @example const counts = useUserCounts({ search }); counts.data?.pending
 */
export function useUserCounts(
  query: Omit<UserQuery, "status" | "sort" | "direction" | "limit" | "cursor"> = {},
  options?: UseQueryOptions,
): QueryResult<StatusCounts> {
  const directory = useDirectory();
  return useQuery(queryKeys.users.counts(query), () => directory.users.counts(query), options);
}

/**
 * One user by id.
 *
 * @example const user = useUser(id); user.data?.version
 */
export function useUser(id: string | null | undefined): QueryResult<User> {
  const directory = useDirectory();
  return useQuery(queryKeys.users.detail(id ?? ""), () => directory.users.get(id ?? ""), { enabled: !!id });
}

/**
 * The live invitation of a pending user.
 *
 * @example const invitation = useInvitation(user.id); invitation.data?.expired
 */
export function useInvitation(id: string | null | undefined): QueryResult<InvitationSummary | null> {
  const directory = useDirectory();
  return useQuery(queryKeys.users.invitation(id ?? ""), () => directory.users.invitation(id ?? ""), {
    enabled: !!id,
  });
}

/**
 * Every role with its screens and user count.
 *
 * @example const roles = useRoles(); roles.data?.map((r) => r.name)
 */
export function useRoles(): QueryResult<Role[]> {
  const directory = useDirectory();
  return useQuery(queryKeys.roles.list, () => directory.roles.list());
}

/**
 * The permission catalog and role templates.
 *
 * @example const catalog = useRoleCatalog(); catalog.data?.modules
 */
export function useRoleCatalog(): QueryResult<CatalogView> {
  const directory = useDirectory();
  return useQuery(queryKeys.roles.catalog, () => directory.roles.catalog());
}

/**
 * The locations the actor may see, archived last.
 *
 * @example const locations = useLocations();
 */
export function useLocations(): QueryResult<Location[]> {
  const directory = useDirectory();
  return useQuery(queryKeys.locations.list, () => directory.locations.list());
}

/**
 * The organization: name, features, seats, licence and provider types.
 *
 * @example const org = useOrganization(); org.data?.features.mobileApp
 */
export function useOrganization(): QueryResult<Organization> {
  const directory = useDirectory();
  return useQuery(queryKeys.organization.get, () => directory.organization.get());
}

/**
 * Seat usage (named, practitioners, licences).
 *
 * @example const usage = useSeatUsage(); usage.data?.named.used
 */
export function useSeatUsage(): QueryResult<SeatUsage> {
  const directory = useDirectory();
  return useQuery(queryKeys.organization.usage, () => directory.organization.usage());
}

/**
 * A page of audit events, newest first.
 *
 * @example const events = useAuditEvents({ action: "user.disabled" });
 */
export function useAuditEvents(
  query: AuditQuery = {},
  options?: UseQueryOptions,
): QueryResult<Page<AuditEvent>> {
  const directory = useDirectory();
  return useQuery(queryKeys.audit.list(query), () => directory.audit.list(query), options);
}

/**
 * Core's user form options (`users.formOptions`): for the user `id`, or for a new user (`null`) —
 * every role, location, primary location and flag with its verdict. `enabled` false waits.
 *
 * @example const options = useUserFormOptions(user.id); options.data?.organizationWide.allowed
 */
export function useUserFormOptions(id: string | null, enabled = true): QueryResult<UserFormOptions> {
  const directory = useDirectory();
  return useQuery(
    queryKeys.formOptions.user(id),
    () => (id === null ? directory.users.formOptions() : directory.users.formOptions(id)),
    { enabled },
  );
}

/**
 * Core's roles editor options (`roles.formOptions`): for the role `id`, or a new role (`null`) —
 * rename, delete, whether its permissions may change, each toggle and template with its verdict.
 *
 * @example const options = useRoleFormOptions(role.id); options.data?.permissions.allowed
 */
export function useRoleFormOptions(id: string | null, enabled = true): QueryResult<RoleFormOptions> {
  const directory = useDirectory();
  return useQuery(
    queryKeys.formOptions.role(id),
    () => (id === null ? directory.roles.formOptions() : directory.roles.formOptions(id)),
    { enabled },
  );
}

/**
 * Core's organization settings options (`organization.formOptions`): update, hand-over, removing
 * each licence type, each with its verdict.
 *
 * @example const options = useOrganizationFormOptions(); options.data?.handOver.allowed
 */
export function useOrganizationFormOptions(): QueryResult<OrganizationFormOptions> {
  const directory = useDirectory();
  return useQuery(queryKeys.formOptions.organization, () => directory.organization.formOptions());
}
