import * as z from "zod/mini";
import { optionalText, text } from "../primitives/text.schema";
import {
  CREDENTIAL_KINDS,
  CREDENTIAL_NUMBER_PATTERN,
  credentialStanding,
  daysBetween,
  earliestExpiry,
  isCalendarDate,
  isValidDeaNumber,
  KINDS_WITH_STATE,
  US_STATE_CODES,
} from "./credential.rules";

/** A calendar date `YYYY-MM-DD` that exists (years 0001–9999). @example "2027-03-31" */
export const CalendarDateSchema = z.string().check(
  z.refine(isCalendarDate, {
    message: "Not a date (YYYY-MM-DD) that exists between the years 0001 and 9999.",
    params: { code: "invalid_date" },
  }),
);

const USPS = new Set<string>(US_STATE_CODES);

/** A US state or territory code, upper-cased. @example "CA" */
export const UsStateSchema = z.string().check(
  z.trim(),
  z.toUpperCase(),
  z.refine((s) => USPS.has(s), {
    message: "Not a US state or territory code.",
    params: { code: "invalid_state" },
  }),
);

/**
 * One credential of a provider: a state licence, a DEA registration or a board certification, its
 * number, issuing state (required for a licence and a DEA registration), issuer (a board's name)
 * and expiry date (null: does not expire). A DEA number is upper-cased and its check digit checked.
 *
 * @example { kind: "state_licence", number: "A123456", state: "CA", issuer: "Medical Board of California", expiresOn: "2027-03-31" }
 * @example { kind: "dea", number: "AB1234563", state: "CA", issuer: null, expiresOn: "2027-06-30" }
 */
export const CredentialSchema = z
  .strictObject({
    kind: z.enum(CREDENTIAL_KINDS),
    number: text(40, "Number"),
    state: z.nullable(UsStateSchema),
    issuer: optionalText(120, "Issuer"),
    expiresOn: z.nullable(CalendarDateSchema),
  })
  .check(
    z.overwrite((c) => (c.kind === "dea" ? { ...c, number: c.number.toUpperCase() } : c)),
    z.check((payload) => {
      const c = payload.value;
      const bad = (path: string, code: string, message: string) =>
        payload.issues.push({ code: "custom", input: c, path: [path], message, params: { code } });
      if (c.kind === "dea") {
        if (!isValidDeaNumber(c.number))
          bad(
            "number",
            "invalid_dea",
            "A DEA number is two letters and seven digits with a valid check digit.",
          );
      } else if (!CREDENTIAL_NUMBER_PATTERN.test(c.number)) {
        bad(
          "number",
          "invalid_format",
          "Use letters and digits (spaces, dots, slashes and hyphens between them).",
        );
      }
      if (c.state === null && KINDS_WITH_STATE.has(c.kind))
        bad("state", "required", "Choose the state that issued it.");
    }),
  );
/** A provider credential. @example { kind: "dea", number: "AB1234563", state: "CA", issuer: null, expiresOn: "2027-06-30" } */
export type Credential = z.infer<typeof CredentialSchema>;

/** The identity of a credential: one kind, state and number is held once. */
const credentialKey = (c: Credential): string =>
  `${c.kind}\u0000${c.state ?? ""}\u0000${c.number.toUpperCase()}`;

/**
 * A provider's credentials, at most 20, none twice (same kind, state and number).
 *
 * @example CredentialsSchema.parse([{ kind: "board_certification", number: "123456", state: null, issuer: "ABFM", expiresOn: null }])
 */
export const CredentialsSchema = z.array(CredentialSchema).check(
  z.maxLength(20, "At most 20 credentials."),
  z.check((payload) => {
    const seen = new Set<string>();
    payload.value.forEach((c, i) => {
      const key = credentialKey(c);
      if (seen.has(key))
        payload.issues.push({
          code: "custom",
          input: c,
          path: [i, "number"],
          message: "This credential is listed twice.",
          params: { code: "duplicate" },
        });
      seen.add(key);
    });
  }),
);

/**
 * What the directory shows beside a provider whose earliest credential expiry is near or past, as
 * of the directory clock's UTC date: `expired` (days < 0: that many days ago) or `expiring` (within
 * {@link CREDENTIAL_WARNING_DAYS}; days 0 is today). Null on every other user.
 *
 * @example { standing: "expiring", expiresOn: "2026-12-20", days: 14 }
 */
export const CredentialAlertSchema = z.strictObject({
  standing: z.enum(["expiring", "expired"]),
  expiresOn: CalendarDateSchema,
  days: z.int(),
});
/** A credential alert. @example { standing: "expired", expiresOn: "2026-11-30", days: -6 } */
export type CredentialAlert = z.infer<typeof CredentialAlertSchema>;

/**
 * The alert of a provider's credentials on `today` (null when none has expired or expires within
 * {@link CREDENTIAL_WARNING_DAYS}). The directory's badge and its `credentials` filter both read
 * the earliest expiry, so a row shown under "Expired" always carries the Expired badge.
 *
 * @example credentialAlert([{ expiresOn: "2026-12-20" }], "2026-12-06") // { standing: "expiring", expiresOn: "2026-12-20", days: 14 }
 */
export function credentialAlert(
  credentials: readonly { readonly expiresOn: string | null }[] | undefined,
  today: string,
): CredentialAlert | null {
  const expiresOn = earliestExpiry(credentials);
  const standing = credentialStanding(expiresOn, today);
  if (expiresOn === null || standing === "current") return null;
  return { standing, expiresOn, days: daysBetween(today, expiresOn) };
}

/**
 * Query of `credentials.expiring` (issue 15): credentials expiring within `withinDays` of the
 * directory clock's UTC date (default 30, at most 3650), and those already expired unless
 * `includeExpired` is false (default true).
 *
 * @example { withinDays: 60 }
 * @example { withinDays: 0, includeExpired: true } // what has expired or expires today
 */
export const ExpiringCredentialsQuerySchema = z.strictObject({
  withinDays: z.optional(
    z.int().check(z.gte(0, "At least 0 days."), z.lte(3650, "At most 3650 days (ten years).")),
  ),
  includeExpired: z.optional(z.boolean()),
});
/** A query of expiring credentials. @example { withinDays: 30 } */
export type ExpiringCredentialsQuery = z.input<typeof ExpiringCredentialsQuerySchema>;

/**
 * One credential that has expired or is expiring, with its holder: `days` from the directory
 * clock's date to `credential.expiresOn` (negative: expired that many days ago), `index` its place
 * in the holder's `provider.credentials`.
 *
 * @example { userId: "usr_…", displayName: "Ana Lopez MD", email: "ana@clinic.example", status: "active",
 *   primaryLocationId: "loc_…", index: 0, standing: "expiring", days: 14,
 *   credential: { kind: "dea", number: "AB1234563", state: "CA", issuer: null, expiresOn: "2026-12-20" } }
 */
export const ExpiringCredentialSchema = z.strictObject({
  userId: z.string(),
  displayName: z.string(),
  email: z.string(),
  status: z.enum(["pending", "active", "disabled"]),
  primaryLocationId: z.string(),
  index: z.int(),
  credential: CredentialSchema,
  standing: z.enum(["expiring", "expired"]),
  days: z.int(),
});
/** An expiring or expired credential and its holder. */
export type ExpiringCredential = z.infer<typeof ExpiringCredentialSchema>;
