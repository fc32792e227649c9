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

/** Where a UTF-16 unit at or above U+D800 falls in code-point order: surrogates after U+E000–U+FFFF. */
const codePointRank = (unit: number): number => (unit >= 0xe000 ? unit - 0x800 : unit + 0x2000);

/**
 * Code-point comparison of two strings: the order of their UTF-8 bytes, which is what PostgreSQL's
 * "C" collation compares. Plain `<` compares UTF-16 units and puts a character beyond U+FFFF (an
 * emoji: a surrogate pair, D800–DFFF) before one in U+E000–U+FFFF (a fullwidth letter), where
 * PostgreSQL puts it after; the stores must agree on every order.
 *
 * @example compareStrings("a", "b") // -1
 * @example compareStrings("\uFF5A", "😀") // -1 (U+FF5A < U+1F600)
 */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) return codePointRank(x) < codePointRank(y) ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

/**
 * Order of locations and roles: lower-cased name, then id.
 *
 * @example locations.sort(byNameThenId)
 */
export function byNameThenId(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return compareStrings(a.name.toLowerCase(), b.name.toLowerCase()) || compareStrings(a.id, b.id);
}
