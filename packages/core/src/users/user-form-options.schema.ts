import * as z from "zod/mini";
import type { Verdict } from "../errors/verdict";
import { VerdictSchema } from "../errors/verdict.schema";
import { IdSchema } from "../primitives/ids.schema";
import { type UserAction, UserActionSchema } from "./user-actions.schema";

/**
 * One choice a form may offer, with the verdict on choosing it: allowed, or refused with the code,
 * rule and message to show beside it.
 *
 * @example { value: "rol_…", label: "Administrator", verdict: { allowed: false, code: "forbidden", message: "You cannot give a role with permissions you do not hold." } }
 */
export const FieldOptionSchema = z.strictObject({
  value: z.string(),
  label: z.string(),
  verdict: VerdictSchema,
});
/** A choice and its verdict. @example const option: FieldOption = { value: "loc_…", label: "Downtown", verdict: { allowed: true } }; */
export interface FieldOption {
  readonly value: string;
  readonly label: string;
  readonly verdict: Verdict;
}

/**
 * One row action on one user and its verdict (`users.actions`, `users.formOptions(id).actions`).
 *
 * @example { action: "disable", verdict: { allowed: false, code: "rule", rule: "self_change", message: "You cannot disable yourself." } }
 */
export const UserActionOfferSchema = z.strictObject({ action: UserActionSchema, verdict: VerdictSchema });
/** A row action and its verdict. @example offers.filter((o) => o.verdict.allowed).map((o) => o.action) */
export interface UserActionOffer {
  readonly action: UserAction;
  readonly verdict: Verdict;
}

/**
 * `users.formOptions(id?)`: what the user form may offer this actor, for this user (`userId`) or a
 * new one (`userId` null) — every choice with the verdict the service would give on saving it.
 * Read from the same verdict functions the service asserts, so an offered choice is saved (but for
 * the count rules: R6 last administrator, R9 seats) and a refused one is refused, with this reason.
 *
 * - `fields`: whether each group of fields may change at all (a user the actor may not manage, or
 *   the actor's own role and locations, are refused with the reason);
 * - `roles`, `locations`, `primaryLocations`, `licences`, `providerTypes`: each choice; a location
 *   may be in the user's access (one the user already has always may); choosing a primary location
 *   adds it to the access, so a primary is offered when it could be;
 * - `organizationWide`: "All locations of the organization";
 * - `flags`, `loginChannels`, `provider`: whether each may be turned on (R10: the organization's
 *   features; mobile login also needs a primary phone, a rule between two fields checked on save);
 * - `password` (existing users): a temporary password, a reset link;
 * - `actions` (existing users): the row actions, knowing the person's other organizations.
 *
 * @example const options = await admin.users.formOptions(user.id); options.organizationWide.allowed
 */
export const UserFormOptionsSchema = z.strictObject({
  userId: z.nullable(IdSchema),
  fields: z.strictObject({
    email: VerdictSchema,
    profile: VerdictSchema,
    role: VerdictSchema,
    access: VerdictSchema,
    primaryLocation: VerdictSchema,
    flags: VerdictSchema,
    loginChannels: VerdictSchema,
    licences: VerdictSchema,
    provider: VerdictSchema,
  }),
  roles: z.array(FieldOptionSchema),
  locations: z.array(FieldOptionSchema),
  organizationWide: VerdictSchema,
  primaryLocations: z.array(FieldOptionSchema),
  flags: z.strictObject({ practitioner: VerdictSchema, diary: VerdictSchema, caseManager: VerdictSchema }),
  loginChannels: z.strictObject({ web: VerdictSchema, mobile: VerdictSchema }),
  licences: z.array(FieldOptionSchema),
  providerTypes: z.array(FieldOptionSchema),
  provider: VerdictSchema,
  password: z.nullable(z.strictObject({ temporary: VerdictSchema, link: VerdictSchema })),
  actions: z.array(UserActionOfferSchema),
});
/** The user form's options (see {@link UserFormOptionsSchema}). @example (await admin.users.formOptions()).roles.filter((r) => r.verdict.allowed) */
export interface UserFormOptions {
  readonly userId: string | null;
  readonly fields: {
    readonly email: Verdict;
    readonly profile: Verdict;
    readonly role: Verdict;
    readonly access: Verdict;
    readonly primaryLocation: Verdict;
    readonly flags: Verdict;
    readonly loginChannels: Verdict;
    readonly licences: Verdict;
    readonly provider: Verdict;
  };
  readonly roles: readonly FieldOption[];
  readonly locations: readonly FieldOption[];
  readonly organizationWide: Verdict;
  readonly primaryLocations: readonly FieldOption[];
  readonly flags: { readonly practitioner: Verdict; readonly diary: Verdict; readonly caseManager: Verdict };
  readonly loginChannels: { readonly web: Verdict; readonly mobile: Verdict };
  readonly licences: readonly FieldOption[];
  readonly providerTypes: readonly FieldOption[];
  readonly provider: Verdict;
  readonly password: { readonly temporary: Verdict; readonly link: Verdict } | null;
  readonly actions: readonly UserActionOffer[];
}
