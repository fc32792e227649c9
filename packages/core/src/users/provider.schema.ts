import * as z from "zod/mini";
import { IdSchema } from "../primitives/ids.schema";
import { optionalMultilineText, text } from "../primitives/text.schema";
import { CredentialsSchema } from "./credential.schema";
import { isValidNpi, SCHEDULING_STEPS, TAXONOMY_PATTERN } from "./provider.rules";

/** An NPI, Luhn-checked over prefix 80840 (R11). */
export const NpiSchema = z
  .string()
  .check(
    z.trim(),
    z.regex(/^\d{10}$/, "An NPI has 10 digits."),
    z.refine(isValidNpi, "This NPI's check digit is wrong."),
  );

/** A provider type held at some locations (reference 003: several types per user, per organization). */
export const ProviderTypeAssignmentSchema = z.strictObject({
  type: text(40, "Provider type"),
  locationIds: z.array(IdSchema).check(z.maxLength(500)),
});

/** A provider type and where it applies. @example { type: "RN", locationIds: ["loc_…"] } */
export type ProviderTypeAssignment = z.infer<typeof ProviderTypeAssignmentSchema>;

/**
 * Provider profile (W10, R11). `credentials` (issue 15: state licences, DEA registrations, board
 * certifications with their expiry) may be left out: absent means none, as for a profile saved
 * before credentials existed.
 *
 * @example { npi: "1234567893", taxonomyCodes: ["207Q00000X"], bio: "Family physician.",
 *   providerTypes: [{ type: "MD", locationIds: ["loc_…"] }], capacity: 1, schedulingStep: 15,
 *   credentials: [{ kind: "state_licence", number: "A123456", state: "CA", issuer: null, expiresOn: "2027-03-31" }] }
 */
export const ProviderProfileSchema = z.strictObject({
  npi: z.nullable(NpiSchema),
  taxonomyCodes: z
    .array(
      z.string().check(z.trim(), z.toUpperCase(), z.regex(TAXONOMY_PATTERN, "Not a NUCC taxonomy code.")),
    )
    .check(z.maxLength(15)),
  bio: optionalMultilineText(2000, "Bio"),
  providerTypes: z.array(ProviderTypeAssignmentSchema).check(z.maxLength(20)),
  capacity: z.int().check(z.gte(1, "Capacity is at least 1."), z.lte(100, "Capacity is at most 100.")),
  schedulingStep: z.union(
    SCHEDULING_STEPS.map((s) => z.literal(s)) as [z.ZodMiniLiteral<5>, ...z.ZodMiniLiteral<number>[]],
  ),
  credentials: z.optional(CredentialsSchema),
});

/** A provider profile. */
export type ProviderProfile = z.infer<typeof ProviderProfileSchema>;
