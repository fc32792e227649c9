import * as z from "zod/mini";
import { IdSchema } from "../primitives/ids.schema";
import { IsoDateSchema } from "../primitives/instant.schema";
import { text } from "../primitives/text.schema";

/**
 * Optional features an organization may have (W11). Fields that depend on a feature cannot be set
 * while the organization lacks it (R10).
 *
 * @example { mobileApp: true, providerDirectory: true, caseManagement: false, diary: true }
 */
export const FeaturesSchema = z.strictObject({
  mobileApp: z.boolean(),
  providerDirectory: z.boolean(),
  caseManagement: z.boolean(),
  diary: z.boolean(),
});
/**
 * Feature switches of an organization.
 *
 * @example { mobileApp: true, providerDirectory: true, caseManagement: false, diary: true }
 */
export type Features = z.infer<typeof FeaturesSchema>;

const seatCount = z.nullable(z.int().check(z.gte(0, "Seats cannot be negative."), z.lte(1_000_000)));

/**
 * A licence type an organization pays for per user (for example "cxm" or "mobile"), with its seats.
 * `seats: null` means unlimited.
 *
 * @example { key: "mobile", label: "Mobile app", seats: 20 }
 */
export const LicenceTypeSchema = z.strictObject({
  key: z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,31}$/, "Use lowercase letters, digits, - or _.")),
  label: text(60, "Label"),
  seats: seatCount,
});
/** A licence type and its seat count. */
export type LicenceType = z.infer<typeof LicenceTypeSchema>;

/**
 * Seats (R9). `named`: active + pending users; `concurrent`: signed-in sessions; `practitioners`:
 * users flagged practitioner. `null` means unlimited.
 *
 * @example { named: 50, concurrent: 20, practitioners: 10 }
 */
export const SeatsSchema = z.strictObject({
  named: seatCount,
  concurrent: seatCount,
  practitioners: seatCount,
});
/** Seat limits of an organization. @example { named: 60, concurrent: 40, practitioners: null } */
export type Seats = z.infer<typeof SeatsSchema>;

/**
 * The bounds of an organization's session limits (W13): an idle limit shorter than 5 minutes signs
 * clinicians out in the middle of a note; one longer than 4 hours defeats automatic log-off; a
 * session lives 1 to 24 hours (a long shift), and never less than its idle limit.
 *
 * @example SESSION_LIMIT_BOUNDS.idleMinutes.max // 240
 */
export const SESSION_LIMIT_BOUNDS = {
  idleMinutes: { min: 5, max: 240 },
  lifetimeHours: { min: 1, max: 24 },
} as const;

const { idleMinutes: IDLE, lifetimeHours: LIFETIME } = SESSION_LIMIT_BOUNDS;

/**
 * When an organization's sessions end (W13): after `idleMinutes` without a request, and
 * `lifetimeHours` after sign-in whatever happens. Both are whole numbers inside
 * {@link SESSION_LIMIT_BOUNDS}; the idle limit is no longer than the lifetime (the service checks
 * the pair, since a patch may change one).
 *
 * @example { idleMinutes: 15, lifetimeHours: 12 }
 */
export const SessionLimitsSchema = z.strictObject({
  idleMinutes: z
    .int("Enter a whole number of minutes.")
    .check(
      z.gte(IDLE.min, `Sessions may idle at least ${IDLE.min} minutes.`),
      z.lte(IDLE.max, `Sessions may idle at most ${IDLE.max} minutes.`),
    ),
  lifetimeHours: z
    .int("Enter a whole number of hours.")
    .check(
      z.gte(LIFETIME.min, `A session lasts at least ${LIFETIME.min} hour.`),
      z.lte(LIFETIME.max, `A session lasts at most ${LIFETIME.max} hours.`),
    ),
});
/** An organization's session limits. @example { idleMinutes: 15, lifetimeHours: 12 } */
export type SessionLimits = z.infer<typeof SessionLimitsSchema>;

/**
 * A tenant: a practice, client or institution.
 *
 * @example
 * { id: "org_…", name: "Harbor Urgent Care", features: {...}, seats: {...}, licenceTypes: [],
 *   providerTypes: ["MD", "RN"], sessionLimits: { idleMinutes: 15, lifetimeHours: 12 },
 *   mainContactUserId: "usr_…", version: 3, createdAt: "…", updatedAt: "…" }
 */
export const OrganizationSchema = z.strictObject({
  id: IdSchema,
  name: text(120, "Name"),
  features: FeaturesSchema,
  seats: SeatsSchema,
  licenceTypes: z.array(LicenceTypeSchema),
  providerTypes: z.array(text(40, "Provider type")),
  sessionLimits: SessionLimitsSchema,
  mainContactUserId: z.nullable(IdSchema),
  version: z.int(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
/**
 * An organization as stored and returned.
 *
 * @example const { features, seats, mainContactUserId } = await admin.organization.get();
 */
export type Organization = z.infer<typeof OrganizationSchema>;

/** Defaults for a new organization: no optional features, unlimited seats. */
export const DEFAULT_FEATURES: Features = {
  mobileApp: false,
  providerDirectory: false,
  caseManagement: false,
  diary: false,
};

/**
 * What `bootstrap` and `organization.update` accept. Unknown fields are rejected (R14).
 *
 * @example { name: "Harbor Urgent Care", features: { diary: true } }
 */
export const OrganizationInputSchema = z.strictObject({
  name: text(120, "Name"),
  features: z.optional(z.partial(FeaturesSchema)),
  seats: z.optional(z.partial(SeatsSchema)),
  licenceTypes: z.optional(z.array(LicenceTypeSchema).check(z.maxLength(20))),
  providerTypes: z.optional(z.array(text(40, "Provider type")).check(z.maxLength(50))),
  sessionLimits: z.optional(z.partial(SessionLimitsSchema)),
});
/** Input to create an organization. @example { name: "Harbor Urgent Care", features: { mobileApp: true } } */
export type OrganizationInput = z.input<typeof OrganizationInputSchema>;

/**
 * Patch for `organization.update`; `mainContactUserId` hands the main-contact role over (R7).
 *
 * @example { seats: { named: 60 }, sessionLimits: { idleMinutes: 10 }, mainContactUserId: "usr_…" }
 */
export const OrganizationPatchSchema = z.strictObject({
  name: z.optional(text(120, "Name")),
  features: z.optional(z.partial(FeaturesSchema)),
  seats: z.optional(z.partial(SeatsSchema)),
  licenceTypes: z.optional(z.array(LicenceTypeSchema).check(z.maxLength(20))),
  providerTypes: z.optional(z.array(text(40, "Provider type")).check(z.maxLength(50))),
  sessionLimits: z.optional(z.partial(SessionLimitsSchema)),
  mainContactUserId: z.optional(IdSchema),
});
/** Patch for an organization. @example { seats: { named: 60 } } */
export type OrganizationPatch = z.input<typeof OrganizationPatchSchema>;

/** Provider types offered until an organization sets its own. */
export const DEFAULT_PROVIDER_TYPES = ["MD", "DO", "NP", "PA", "RN", "LPN", "PT", "OT", "MA", "SW"];
