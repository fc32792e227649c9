import * as z from "zod/mini";
import type { FieldIssue } from "../errors/directory-error";

/*
 * The one boundary for strings. Every schema and every hand parser of core (and of the REST
 * server) checks text through these primitives, so every store receives the same strings and no
 * store can disagree about one:
 * - NUL cannot be stored by PostgreSQL at all (a 500 there, stored by the memory store);
 * - an unpaired UTF-16 surrogate is silently replaced by U+FFFD on its way into PostgreSQL (the
 *   stores then disagree), and can make a UTF-8 encoder throw;
 * - every other control character (C0, DEL, C1) and the Unicode line and paragraph separators only
 *   serve to spoof logs, audit exports and one-line cells.
 * Single-line text refuses all of them; multi-line text (a provider's bio, a role's description)
 * also accepts line feed and tab, and turns CR LF and lone CR into LF (a form post sends CR LF).
 */

/** Whether a text may hold line feeds and tabs. @example "multi-line" */
export type TextKind = "single-line" | "multi-line";

/** The field issue code of a refused string. @example "control_character" */
export type TextIssueCode = "control_character" | "unpaired_surrogate";

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/;
/** With the `u` flag a well-formed pair is one code point, so only unpaired surrogates match. */
const UNPAIRED_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * What is wrong with a string as text of `kind`, or null when nothing is.
 *
 * @example textProblem("a\u0000b") // "control_character"
 * @example textProblem("\ud800") // "unpaired_surrogate"
 * @example textProblem("line one\nline two", "multi-line") // null
 */
export function textProblem(value: string, kind: TextKind = "single-line"): TextIssueCode | null {
  if ((kind === "single-line" ? SINGLE_LINE_FORBIDDEN : MULTI_LINE_FORBIDDEN).test(value))
    return "control_character";
  if (UNPAIRED_SURROGATE.test(value)) return "unpaired_surrogate";
  return null;
}

/**
 * True when `value` is a string that {@link textProblem} finds nothing wrong with.
 *
 * @example isPlainText("Zoë 😀") // true
 * @example isPlainText("a\u0085b") // false (a C1 control)
 */
export function isPlainText(value: unknown, kind: TextKind = "single-line"): value is string {
  return typeof value === "string" && textProblem(value, kind) === null;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const SINGLE_LINE_FORBIDDEN_ALL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]|[\uD800-\uDFFF]/gu;

/**
 * `value` with everything {@link textProblem} refuses in single-line text replaced by U+FFFD — for
 * values a server records but nobody typed (a User-Agent header may carry C1 bytes), where
 * refusing the request would punish the user for their browser.
 *
 * @example toPlainText("Agent\u0085/1.0") // "Agent\uFFFD/1.0"
 */
export function toPlainText(value: string): string {
  return value.replace(SINGLE_LINE_FORBIDDEN_ALL, "\uFFFD");
}

/**
 * The human message of a refused string.
 *
 * @example textProblemMessage("unpaired_surrogate", "Name") // "Name contains an incomplete character."
 */
export function textProblemMessage(code: TextIssueCode, label = "This field"): string {
  return code === "control_character"
    ? `${label} contains a control character or line break.`
    : `${label} contains an incomplete character.`;
}

/**
 * The field issue of a refused string at `path`, or null when the string is fine — for hand parsers
 * that build their own `validation` errors.
 *
 * @example const issue = textIssue(["cursor"], key); if (issue) throw fail.validation([issue]);
 */
export function textIssue(
  path: readonly (string | number)[],
  value: string,
  label = "This field",
  kind: TextKind = "single-line",
): FieldIssue | null {
  const code = textProblem(value, kind);
  return code ? { path: [...path], code, message: textProblemMessage(code, label) } : null;
}

/**
 * A zod check refusing what {@link textProblem} refuses, as one issue with code
 * `control_character` or `unpaired_surrogate` (carried in `params.code`; `fieldIssues` maps it).
 * Default: single-line.
 *
 * @example z.string().check(z.maxLength(200), plainTextCheck("Search"))
 */
export const plainTextCheck = (label = "This field", kind: TextKind = "single-line") =>
  z.check<string>((payload) => {
    const code = textProblem(payload.value, kind);
    if (code === null) return;
    payload.issues.push({
      code: "custom",
      input: payload.value,
      message: textProblemMessage(code, label),
      params: { code },
    });
  });

/**
 * A string taken as given (not trimmed, may be empty) of at most `max` characters, single-line:
 * search terms, filters, request metadata.
 *
 * @example const SearchSchema = plainString(200, "Search");
 */
export const plainString = (max: number, label = "This field") =>
  z.string().check(z.maxLength(max, `${label} has at most ${max} characters.`), plainTextCheck(label));

/** CR LF and lone CR become LF, so a form post and a script store the same text. */
const toLineFeeds = (value: string): string => value.replace(/\r\n?/g, "\n");

/**
 * A required trimmed single-line human text (names, titles) of at most `max` characters.
 *
 * @example text(80, "First name").parse("  Zoë ") // "Zoë"
 */
export const text = (max: number, label = "This field") =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, `${label} is required.`),
      z.maxLength(max, `${label} has at most ${max} characters.`),
      plainTextCheck(label),
    );

/**
 * An optional trimmed single-line human text; null allowed (an empty string stays empty).
 *
 * @example optionalText(80, "Job title").parse(null) // null
 */
export const optionalText = (max: number, label = "This field") =>
  z.nullable(
    z
      .string()
      .check(z.trim(), z.maxLength(max, `${label} has at most ${max} characters.`), plainTextCheck(label)),
  );

/**
 * An optional trimmed multi-line text (a bio, a description): line feeds and tabs allowed, CR LF
 * stored as LF; null allowed.
 *
 * @example optionalMultilineText(2000, "Bio").parse("Family physician.\r\nSpeaks Spanish.") // "Family physician.\nSpeaks Spanish."
 */
export const optionalMultilineText = (max: number, label = "This field") =>
  z.nullable(
    z
      .string()
      .check(
        z.overwrite(toLineFeeds),
        z.trim(),
        z.maxLength(max, `${label} has at most ${max} characters.`),
        plainTextCheck(label, "multi-line"),
      ),
  );

/** Shape of the secret tokens core issues (base64url, 16–256 characters). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,256}$/;

/**
 * True when `value` could be a token core issued (a session, reset or invitation token). Anything
 * else names no token and gets the same answer as an unknown one.
 *
 * @example isTokenText(randomToken()) // true
 */
export function isTokenText(value: unknown): value is string {
  return typeof value === "string" && TOKEN_PATTERN.test(value);
}
