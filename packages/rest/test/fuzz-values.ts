import fc from "fast-check";

/** NUL, other C0 controls, DEL, C1 controls, a Unicode line break and unpaired surrogates. */
export const HOSTILE_CHARS: readonly string[] = [
  "\u0000",
  "\u0001",
  "\u001b[2J",
  "\n",
  "\r",
  "\t",
  "\u007f",
  "\u0085",
  "\u009b",
  "\u2028",
  "\ud800",
  "\udc00",
  "\udc00\ud83d",
  "\ud83d",
];

/** Well-formed text beyond ASCII that must pass: emoji, a combining mark, a mathematical letter, a ZWJ sequence. */
export const WELL_FORMED_TEXT: readonly string[] = ["😀", "Zoe\u0308", "𝔸", "🧑‍⚕️"];

/** Dates no store holds, and the forms JavaScript prints for them. */
export const FORGED_DATES: readonly string[] = [
  "275760-09-13T00:00:00.000Z",
  "+275760-09-13T00:00:00.000Z",
  "-000001-01-01T00:00:00.000Z",
  "0000-01-01T00:00:00.000Z",
  "2026-02-31T00:00:00.000Z",
  "9999-12-31T23:59:59.999Z",
  "2026-01-05T09:00:00Z",
];

/**
 * `base` with one hostile string inside it (never at an end, where a trim would drop whitespace).
 *
 * @example withHostile("Harbor") // e.g. "Ha\u0000rbor"
 */
export const withHostile = (base: string): fc.Arbitrary<string> =>
  fc
    .tuple(fc.nat({ max: Math.max(0, base.length - 2) }), fc.constantFrom(...HOSTILE_CHARS))
    .map(([i, bad]) => `${base.slice(0, i + 1)}${bad}${base.slice(i + 1)}`);

function toBase64Url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

/**
 * A forgery of a real cursor (base64url of a JSON array): the part at `keyIndex` replaced by a
 * hostile key, a forged date, a number or a huge sequence; or the part at `idIndex` by a hostile id;
 * or the shape broken — chosen by `seed`. The fingerprint stays, so the forgery reaches the field
 * checks.
 *
 * @example forgedCursor(nextCursor, 2, 3, 7)
 */
export function forgedCursor(cursor: string, keyIndex: number, idIndex: number | null, seed: number): string {
  const parts = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
  const hostile = HOSTILE_CHARS[seed % HOSTILE_CHARS.length] ?? "\u0000";
  const date = FORGED_DATES[seed % FORGED_DATES.length] ?? "";
  const kinds: ((p: unknown[]) => unknown[])[] = [
    (p) => p.with(keyIndex, `${String(p[keyIndex]).slice(0, 3)}${hostile}z`),
    (p) => p.with(keyIndex, date),
    (p) => p.with(keyIndex, [2 ** 31, 2 ** 53, -1, 0, 1.5, 1e308][seed % 6]),
    (p) =>
      idIndex === null ? p.with(keyIndex, `${seed}${hostile}`) : p.with(idIndex, `usr_${hostile}0000000000`),
    (p) => (idIndex === null ? [...p, seed] : p.with(idIndex, `'; DROP TABLE users; --`)),
    (p) => p.slice(0, -1),
  ];
  const kind = kinds[Math.floor(seed / 7) % kinds.length] ?? kinds[0];
  return kind ? toBase64Url(JSON.stringify(kind(parts))) : cursor;
}
