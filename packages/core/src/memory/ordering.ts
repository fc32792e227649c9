const CANONICAL_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * The instant in the canonical `toISOString()` form, so instants compare correctly as strings even
 * when one was written without milliseconds. Unparseable input is returned unchanged.
 *
 * @example canonicalInstant("2026-11-23T12:00:00Z") // "2026-11-23T12:00:00.000Z"
 */
export function canonicalInstant(value: string): string {
  if (CANONICAL_INSTANT.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/**
 * Plain code-unit comparison of two strings (what Postgres calls the "C" collation).
 *
 * @example compareStrings("a", "b") // -1
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Order of locations and roles: lower-cased name, then id.
 *
 * @example locations.sort(byNameThenId)
 */
export function byNameThenId(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return compareStrings(a.name.toLowerCase(), b.name.toLowerCase()) || compareStrings(a.id, b.id);
}
