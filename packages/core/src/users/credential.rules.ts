/*
 * Provider credentials (issue 15): state licences, DEA registrations and board certifications,
 * each with a number, an issuing state and an expiry date. Dates are calendar dates
 * (`YYYY-MM-DD`): a licence printed "expires 2027-03-31" is good through that day. "Today" is the
 * UTC date of the directory's clock, so every store, the REST server and the widgets agree on which
 * credential has expired, and tests move time with a manual clock.
 */

/** The kinds of credential a provider may hold. @example "state_licence" */
export const CREDENTIAL_KINDS = ["state_licence", "dea", "board_certification"] as const;
/** A credential kind. @example "dea" */
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** Kinds that are issued by a state, so name one (a DEA registration is per state). @example KINDS_WITH_STATE.has("dea") // true */
export const KINDS_WITH_STATE: ReadonlySet<CredentialKind> = new Set(["state_licence", "dea"]);

/**
 * USPS codes of the states, the District of Columbia and the territories that license
 * practitioners (and where the DEA registers them).
 *
 * @example US_STATE_CODES.includes("CA") // true
 */
// biome-ignore format: one table
export const US_STATE_CODES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
  "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
  "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
  "WV", "WI", "WY", "AS", "GU", "MP", "PR", "VI",
] as const;
/** A US state or territory code. @example "NY" */
export type UsStateCode = (typeof US_STATE_CODES)[number];

/**
 * The shape of a licence or certification number: ASCII letters and digits, with spaces, dots,
 * slashes and hyphens between them — what boards print, and nothing a log or a cell could be
 * spoofed with.
 *
 * @example CREDENTIAL_NUMBER_PATTERN.test("A-123456") // true
 */
export const CREDENTIAL_NUMBER_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9 ./-]*[A-Za-z0-9])?$/;

/** DEA registrant type letters (the first letter of a DEA number). */
const DEA_REGISTRANT_TYPES = "ABCDEFGHJKLMPRSTUX";

/**
 * A DEA registration number: a registrant-type letter, the first letter of the registrant's last
 * name (or 9), six digits and a check digit — the last digit of (d1 + d3 + d5) + 2 × (d2 + d4 + d6).
 *
 * @example isValidDeaNumber("AB1234563") // true
 * @example isValidDeaNumber("AB1234564") // false (check digit)
 */
export function isValidDeaNumber(value: string): boolean {
  const m = /^([A-Z])([A-Z9])(\d{7})$/.exec(value);
  if (!m || !DEA_REGISTRANT_TYPES.includes(m[1] as string)) return false;
  return deaCheckDigit((m[3] as string).slice(0, 6)) === Number((m[3] as string)[6]);
}

function deaCheckDigit(six: string): number {
  const d = Array.from(six, Number) as [number, number, number, number, number, number];
  return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10;
}

/**
 * Completes two letters and six digits into a valid DEA number; for fixtures and demos.
 *
 * @example deaWithCheckDigit("AB", "123456") // "AB1234563"
 */
export function deaWithCheckDigit(letters: string, sixDigits: string): string {
  if (!/^[A-Z][A-Z9]$/.test(letters) || !/^\d{6}$/.test(sixDigits))
    throw new Error("deaWithCheckDigit needs two letters and six digits");
  return `${letters}${sixDigits}${deaCheckDigit(sixDigits)}`;
}

const DAY_MS = 86_400_000;

/**
 * True when `value` is a calendar date `YYYY-MM-DD` that exists, from 0001-01-01 to 9999-12-31 —
 * a date every store holds and compares alike (JavaScript reads 2027-02-30 as 2 March).
 *
 * @example isCalendarDate("2028-02-29") // true
 * @example isCalendarDate("2027-02-29") // false
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value) || value < "0001-01-01") return false;
  const ms = Date.parse(`${value}T00:00:00.000Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

/**
 * The UTC calendar date of an instant in milliseconds (the directory clock's "today").
 *
 * @example utcDate(Date.parse("2026-12-06T23:30:00Z")) // "2026-12-06"
 */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A calendar date `days` later (earlier when negative), clamped to the years 0001–9999 so a far
 * window never leaves the range every store compares alike.
 *
 * @example addDays("2026-12-06", 30) // "2027-01-05"
 */
export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS;
  const clamped = Math.min(
    Math.max(ms, Date.parse("0001-01-01T00:00:00.000Z")),
    Date.parse("9999-12-31T00:00:00.000Z"),
  );
  return utcDate(clamped);
}

/**
 * Days from `today` to `date` (negative when `date` is past).
 *
 * @example daysBetween("2026-12-06", "2027-01-05") // 30
 */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00.000Z`) - Date.parse(`${today}T00:00:00.000Z`)) / DAY_MS);
}

/**
 * How many days ahead a credential counts as expiring: the directory's "Expires in N days" badge
 * and its `expiring` filter. Default of `credentials.expiring()` too.
 *
 * @example CREDENTIAL_WARNING_DAYS // 30
 */
export const CREDENTIAL_WARNING_DAYS = 30;

/** Where a credential stands on a day. @example "expiring" */
export type CredentialStanding = "current" | "expiring" | "expired";

/**
 * Where a credential expiring on `expiresOn` (null: never) stands on `today`: `expired` after its
 * date, `expiring` from `warningDays` before it through the date itself, else `current`.
 *
 * @example credentialStanding("2026-12-20", "2026-12-06") // "expiring"
 * @example credentialStanding("2026-12-05", "2026-12-06") // "expired"
 */
export function credentialStanding(
  expiresOn: string | null,
  today: string,
  warningDays: number = CREDENTIAL_WARNING_DAYS,
): CredentialStanding {
  if (expiresOn === null) return "current";
  if (expiresOn < today) return "expired";
  return expiresOn <= addDays(today, warningDays) ? "expiring" : "current";
}

/**
 * The earliest expiry date among credentials (null when none expires) — what the directory's
 * badge and filter are about, in every store.
 *
 * @example earliestExpiry([{ expiresOn: "2027-01-01" }, { expiresOn: null }, { expiresOn: "2026-12-31" }]) // "2026-12-31"
 */
export function earliestExpiry(
  credentials: readonly { readonly expiresOn: string | null }[] | undefined,
): string | null {
  let earliest: string | null = null;
  for (const c of credentials ?? [])
    if (c.expiresOn !== null && (earliest === null || c.expiresOn < earliest)) earliest = c.expiresOn;
  return earliest;
}
