import type {
  Location,
  LocationInput,
  LocationPatch,
  Organization,
  OrganizationPatch,
  Role,
  RoleInput,
  RolePatch,
} from "@staffroom/core";
import { useDirectory } from "../provider/context";
import { type MutationResult, useMutation } from "../query/use-mutation";
import { queryKeys } from "./keys";

/** Puts the server's copy of a record in place of the cached one with the same id. */
function replaceById<T extends { readonly id: string }>(draft: T[], saved: T): void {
  const at = draft.findIndex((item) => item.id === saved.id);
  if (at >= 0) draft[at] = saved;
}

const ROLE_INVALIDATES = [
  queryKeys.roles.all,
  queryKeys.me,
  queryKeys.users.all,
  queryKeys.audit.all,
  queryKeys.formOptions.all,
] as const;

/**
 * W7: creates a role from a template or explicit permissions.
 *
 * @example const create = useCreateRole(); await create.mutate({ name: "Night Nurse", template: "provider" });
 */
export function useCreateRole(): MutationResult<RoleInput, Role> {
  const directory = useDirectory();
  return useMutation({
    mutate: (input) => directory.roles.create(input),
    // The new role shows (and can be selected) before the list refetches.
    onSuccess: (cache, role) =>
      void cache.update<Role[]>(queryKeys.roles.list, (draft) => {
        if (!draft.some((r) => r.id === role.id)) draft.push(role);
      }),
    invalidates: ROLE_INVALIDATES,
  });
}

/** Variables of {@link useUpdateRole}. */
export interface UpdateRoleVariables {
  readonly id: string;
  readonly patch: RolePatch;
  readonly version: number;
}

/**
 * W7: renames a role or changes its permissions; the change shows at once and rolls back on failure.
 *
 * @example const update = useUpdateRole(); await update.mutate({ id, patch: { permissions }, version });
 */
export function useUpdateRole(): MutationResult<UpdateRoleVariables, Role> {
  const directory = useDirectory();
  return useMutation({
    mutate: ({ id, patch, version }) => directory.roles.update(id, patch, { version }),
    optimistic: (cache, { id, patch }) =>
      cache.update<Role[]>(queryKeys.roles.list, (draft) => {
        const role = draft.find((r) => r.id === id);
        if (!role) return;
        if (patch.name !== undefined) role.name = patch.name;
        if (patch.description !== undefined) role.description = patch.description;
        if (patch.permissions !== undefined) role.permissions = [...patch.permissions];
      }),
    // The server's answer (new version, screens) replaces the guess at once, so a next write names
    // the current version even before the list refetches (R12).
    onSuccess: (cache, saved) =>
      void cache.update<Role[]>(queryKeys.roles.list, (draft) => replaceById(draft, saved)),
    invalidates: ROLE_INVALIDATES,
  });
}

/**
 * W7: deletes an unused role.
 *
 * @example const remove = useDeleteRole(); await remove.mutate(role);
 */
export function useDeleteRole(): MutationResult<Pick<Role, "id" | "version">, void> {
  const directory = useDirectory();
  return useMutation({
    mutate: (role) => directory.roles.delete(role.id, { version: role.version }),
    optimistic: (cache, role) =>
      cache.update<Role[]>(queryKeys.roles.list, (draft) => {
        const at = draft.findIndex((r) => r.id === role.id);
        if (at >= 0) draft.splice(at, 1);
      }),
    invalidates: ROLE_INVALIDATES,
  });
}

const LOCATION_INVALIDATES = [
  queryKeys.locations.all,
  queryKeys.users.all,
  queryKeys.audit.all,
  queryKeys.formOptions.all,
] as const;

/**
 * W8: creates a location.
 *
 * @example const create = useCreateLocation(); await create.mutate({ name: "Mission Bay", group: "North" });
 */
export function useCreateLocation(): MutationResult<LocationInput, Location> {
  const directory = useDirectory();
  return useMutation({
    mutate: (input) => directory.locations.create(input),
    invalidates: LOCATION_INVALIDATES,
  });
}

/** Variables of {@link useUpdateLocation}. */
export interface UpdateLocationVariables {
  readonly id: string;
  readonly patch: LocationPatch;
  readonly version: number;
}

/**
 * W8: renames or regroups a location.
 *
 * @example const update = useUpdateLocation(); await update.mutate({ id, patch: { name }, version });
 */
export function useUpdateLocation(): MutationResult<UpdateLocationVariables, Location> {
  const directory = useDirectory();
  return useMutation({
    mutate: ({ id, patch, version }) => directory.locations.update(id, patch, { version }),
    optimistic: (cache, { id, patch }) =>
      cache.update<Location[]>(queryKeys.locations.list, (draft) => {
        const loc = draft.find((l) => l.id === id);
        if (!loc) return;
        if (patch.name !== undefined) loc.name = patch.name;
        if (patch.group !== undefined) loc.group = patch.group;
      }),
    onSuccess: (cache, saved) =>
      void cache.update<Location[]>(queryKeys.locations.list, (draft) => replaceById(draft, saved)),
    invalidates: LOCATION_INVALIDATES,
  });
}

/**
 * W8: archives a location.
 *
 * @example const archive = useArchiveLocation(); await archive.mutate(location);
 */
export function useArchiveLocation(): MutationResult<Pick<Location, "id" | "version">, Location> {
  const directory = useDirectory();
  return useMutation({
    mutate: (loc) => directory.locations.archive(loc.id, { version: loc.version }),
    onSuccess: (cache, saved) =>
      void cache.update<Location[]>(queryKeys.locations.list, (draft) => replaceById(draft, saved)),
    invalidates: LOCATION_INVALIDATES,
  });
}

/** Variables of {@link useUpdateOrganization}. */
export interface UpdateOrganizationVariables {
  readonly patch: OrganizationPatch;
  readonly version: number;
}

/**
 * W11: updates features, seats, licence and provider types, or hands over the main contact.
 *
 * @example const update = useUpdateOrganization(); await update.mutate({ patch: { features: { diary: true } }, version });
 */
export function useUpdateOrganization(): MutationResult<UpdateOrganizationVariables, Organization> {
  const directory = useDirectory();
  return useMutation({
    mutate: ({ patch, version }) => directory.organization.update(patch, { version }),
    onSuccess: (cache, org) => cache.set(queryKeys.organization.get, org),
    invalidates: [
      queryKeys.organization.all,
      queryKeys.me,
      queryKeys.users.all,
      queryKeys.audit.all,
      queryKeys.formOptions.all,
    ],
  });
}
