import * as z from "zod/mini";

/** 0001-01-01T00:00:00.000Z: PostgreSQL refuses year 0 ("out of range"), so no instant is earlier. */
const FIRST_INSTANT_MS = Date.parse("0001-01-01T00:00:00.000Z");
/** 9999-12-31T23:59:59.999Z: the last instant with a four-digit year, the form every store writes. */
const LAST_INSTANT_MS = Date.parse("9999-12-31T23:59:59.999Z");

/**
 * True when `value` is a UTC instant every store can hold and compare alike: ISO 8601 with a
 * four-digit year from 0001 to 9999 and a calendar date that exists (JavaScript reads 2026-02-31 as
 * 3 March; PostgreSQL refuses it, and refuses year 0 and years past 9999 written with a sign).
 *
 * @example isInstant("2026-11-23T12:00:00.000Z") // true
 * @example isInstant("2026-02-31T00:00:00.000Z") // false
 */
export function isInstant(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?Z$/.exec(value);
  if (!match) return false;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || ms < FIRST_INSTANT_MS || ms > LAST_INSTANT_MS) return false;
  // The calendar date must survive a round trip (no 31 February, no 30 February).
  return new Date(ms).toISOString().slice(0, 10) === `${match[1]}-${match[2]}-${match[3]}`;
}

/**
 * An instant in UTC as an ISO 8601 string, one that every store can hold ({@link isInstant}).
 *
 * @example "2026-11-23T12:00:00.000Z"
 */
export const IsoDateSchema = z.iso
  .datetime({ message: "Not a UTC date-time." })
  .check(z.refine(isInstant, "Not a date that exists between the years 0001 and 9999."));
