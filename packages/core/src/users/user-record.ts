import { produce } from "immer";
import type * as z from "zod/mini";
import type { UserRecord } from "../store/records";
import { deriveInitials, type Profile, type UserStatus } from "./user.schema";
import type { CreateUserInputSchema, InviteUserInputSchema, UserPatchSchema } from "./user-input.schema";

type Fields = z.infer<typeof CreateUserInputSchema> | z.infer<typeof InviteUserInputSchema>;

/** A profile from input: initials derived unless set, optional texts as null. */
export function profileFrom(input: Fields["profile"]): Profile {
  const initials = input.initials?.trim();
  return {
    givenName: input.givenName,
    familyName: input.familyName,
    initials: initials ? initials.toLocaleUpperCase() : deriveInitials(input.givenName, input.familyName),
    title: input.title || null,
    jobTitle: input.jobTitle || null,
    primaryPhone: input.primaryPhone ?? null,
    alternatePhone: input.alternatePhone ?? null,
  };
}

/** A new user record from create or invite input. */
export function newUserRecord(
  input: Fields,
  ids: { id: string; organizationId: string; accountId: string },
  status: UserStatus,
  now: string,
  mustChangePassword: boolean,
): UserRecord {
  return {
    ...ids,
    email: input.email,
    status,
    profile: profileFrom(input.profile),
    loginChannels: { web: input.loginChannels?.web ?? true, mobile: input.loginChannels?.mobile ?? false },
    roleId: input.roleId,
    locationAccess: input.locationAccess,
    primaryLocationId: input.primaryLocationId,
    flags: {
      practitioner: input.flags?.practitioner ?? false,
      diary: input.flags?.diary ?? false,
      caseManager: input.flags?.caseManager ?? false,
    },
    provider: input.provider ?? null,
    licences: [...new Set(input.licences ?? [])],
    mustChangePassword,
    lastSignInAt: null,
    invitedAt: status === "pending" ? now : null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Applies a validated patch with immer. Initials follow the names when they were derived and the
 * patch does not set them.
 */
export function applyUserPatch(user: UserRecord, patch: z.infer<typeof UserPatchSchema>): UserRecord {
  return produce(user, (draft) => {
    if (patch.email !== undefined) draft.email = patch.email;
    if (patch.profile) {
      const p = patch.profile;
      const wasDerived =
        user.profile.initials === deriveInitials(user.profile.givenName, user.profile.familyName);
      if (p.givenName !== undefined) draft.profile.givenName = p.givenName;
      if (p.familyName !== undefined) draft.profile.familyName = p.familyName;
      if (p.title !== undefined) draft.profile.title = p.title || null;
      if (p.jobTitle !== undefined) draft.profile.jobTitle = p.jobTitle || null;
      if (p.primaryPhone !== undefined) draft.profile.primaryPhone = p.primaryPhone;
      if (p.alternatePhone !== undefined) draft.profile.alternatePhone = p.alternatePhone;
      const initials = p.initials?.trim();
      if (initials) draft.profile.initials = initials.toLocaleUpperCase();
      else if (p.initials !== undefined || wasDerived) {
        draft.profile.initials = deriveInitials(draft.profile.givenName, draft.profile.familyName);
      }
    }
    if (patch.loginChannels) Object.assign(draft.loginChannels, patch.loginChannels);
    if (patch.roleId !== undefined) draft.roleId = patch.roleId;
    if (patch.locationAccess !== undefined) draft.locationAccess = patch.locationAccess;
    if (patch.primaryLocationId !== undefined) draft.primaryLocationId = patch.primaryLocationId;
    if (patch.flags) Object.assign(draft.flags, patch.flags);
    if (patch.provider !== undefined) draft.provider = patch.provider;
    if (patch.licences !== undefined) draft.licences = [...new Set(patch.licences)];
  });
}

/** Fields whose before/after the audit trail records for user changes (never secrets). */
export const AUDITED_USER_FIELDS = [
  "email",
  "status",
  "profile",
  "loginChannels",
  "roleId",
  "locationAccess",
  "primaryLocationId",
  "flags",
  "provider",
  "licences",
  "mustChangePassword",
] as const;
