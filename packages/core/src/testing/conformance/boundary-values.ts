/*
 * The hostile strings of the text boundary's conformance tests, and the cursor forgery they use.
 * Kept apart from the tests so each list is read once and the tests stay short.
 */

/** A named hostile string: the middle of a value, so trimming cannot remove it. */
export type Hostile = readonly [name: string, value: string];

/**
 * What no text field may hold: NUL, other C0 controls, DEL, C1 controls, Unicode line breaks and
 * unpaired UTF-16 surrogates (high, low, a reversed pair, a high one cut off at the end).
 *
 * @example for (const [name, bad] of HOSTILE) await expectError(create(`Ann${bad}e`), …)
 */
export const HOSTILE: readonly Hostile[] = [
  ["NUL", "\u0000"],
  ["escape sequence", "\u001b[2J"],
  ["bell", "\u0007"],
  ["line feed", "\n"],
  ["carriage return", "\r"],
  ["tab", "\t"],
  ["DEL", "\u007f"],
  ["C1 next line", "\u0085"],
  ["C1 control sequence introducer", "\u009b"],
  ["line separator", "\u2028"],
  ["lone high surrogate", "\ud800"],
  ["lone low surrogate", "\udc00"],
  ["reversed surrogate pair", "\udc00\ud83d"],
];

/** The hostile strings a multi-line field refuses too (line feed and tab are its own; CR becomes LF). */
export const HOSTILE_MULTILINE: readonly Hostile[] = HOSTILE.filter(
  ([name]) => name !== "line feed" && name !== "tab" && name !== "carriage return",
);

/** A high surrogate with its pair cut off by the end of the value. */
export const CUT_OFF_PAIR = "\ud83d";

/**
 * Well-formed text beyond ASCII that every store must keep exactly: astral characters (emoji, a
 * mathematical letter, a ZWJ sequence) and combining marks that no one may compose behind our back.
 *
 * @example WELL_FORMED.combining // "Zoe\u0308"
 */
export const WELL_FORMED = {
  combining: "Zoe\u0308",
  emoji: "Ng 🌸",
  zwj: "Charge nurse 🧑‍⚕️",
  mathematical: "Sala 𝔸 🌿",
  accentGroup: "Re\u0301gion Nord",
  organization: "Clinique Zoe\u0308 🏥",
  providerType: "Ärztin 🩺",
  bio: "Speaks 日本語 and e\u0301.\n\tPlays the 🎻.",
  role: "Nurse 🩺 e\u0301",
  roleDescription: "Line one 😀\nline\ttwo",
  licenceLabel: "Mobile 📱",
} as const;

function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(cursor: string): string {
  const base64 = cursor.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "===".slice((base64.length + 3) % 4));
  // UTF-8 through percent-escapes, as the codec reads it (core declares no TextDecoder).
  let escaped = "";
  for (let i = 0; i < binary.length; i++) escaped += `%${binary.charCodeAt(i).toString(16).padStart(2, "0")}`;
  return decodeURIComponent(escaped);
}

/**
 * A forgery of a real cursor: its JSON array read, `change` applied, written back the same way
 * (base64url of UTF-8 JSON; JSON escapes unpaired surrogates, so they survive the trip).
 *
 * @example forgeCursor(page.nextCursor, (parts) => parts.with(3, "usr_\u0000"))
 */
export function forgeCursor(
  cursor: string,
  change: (parts: readonly unknown[]) => readonly unknown[],
): string {
  const parts = JSON.parse(fromBase64Url(cursor)) as unknown[];
  return toBase64Url(JSON.stringify(change(parts)));
}

/** A cursor made of raw bytes (invalid UTF-8 and the like). @example rawCursor([0xc3, 0x28]) */
export function rawCursor(bytes: readonly number[]): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/**
 * Instants no store ever writes or can hold: past year 9999 (with and without the sign JavaScript
 * writes), year 0, a 31 February, a non-canonical form, words.
 */
export const FORGED_INSTANTS: readonly string[] = [
  "275760-09-13T00:00:00.000Z",
  "+275760-09-13T00:00:00.000Z",
  "-000001-01-01T00:00:00.000Z",
  "0000-01-01T00:00:00.000Z",
  "2026-02-31T00:00:00.000Z",
  "2026-01-05T09:00:00Z",
  "2026-01-05 09:00:00+00",
  "infinity",
  "yesterday",
  "",
];
