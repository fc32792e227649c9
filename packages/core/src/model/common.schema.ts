import * as z from "zod/mini";

/** Kinds of identifier, each with its own prefix so an id names what it points at. */
export const ID_PREFIXES = {
  organization: "org",
  location: "loc",
  user: "usr",
  account: "acc",
  role: "rol",
  invitation: "inv",
  event: "evt",
  session: "ses",
} as const;

/** A kind of identifier. @example "user" */
export type IdKind = keyof typeof ID_PREFIXES;

/** Shape of every id: a three-letter prefix, an underscore, 10–40 lowercase letters or digits. */
export const ID_PATTERN = /^[a-z]{3}_[0-9a-z]{10,40}$/;

/** An identifier. @example "usr_01jd8x3k2m9q4r7t" */
export const IdSchema = z.string().check(z.regex(ID_PATTERN, "Not a valid id."));

/** An instant in UTC as an ISO 8601 string. @example "2026-11-23T12:00:00.000Z" */
export const IsoDateSchema = z.iso.datetime({ message: "Not a UTC date-time." });

/** Email syntax we accept: one @, no spaces, a dotted domain; at most 254 characters (RFC 5321). */
export const EMAIL_PATTERN =
  /^[^\s@"<>()[\],;:\\]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/**
 * R1: an email address, trimmed, NFKC-normalised and lower-cased, so that uniqueness ignores case.
 *
 * @example EmailSchema.parse(" Jane.Smith@Clinic.ORG ") // "jane.smith@clinic.org"
 */
export const EmailSchema = z.string().check(
  z.trim(),
  z.overwrite((value) => value.normalize("NFKC").toLowerCase()),
  z.maxLength(254, "An email address has at most 254 characters."),
  z.regex(EMAIL_PATTERN, "Enter an email address like name@clinic.org."),
);

/** A phone number in E.164 form. @example "+14155550123" */
export const PhoneSchema = z.string().check(
  z.overwrite((value) => value.replace(/[\s().-]/g, "")),
  z.regex(/^\+[1-9]\d{6,14}$/, "Enter the number in international form, like +14155550123."),
);

/**
 * No control characters but tab, line feed and carriage return. NUL cannot be stored by PostgreSQL
 * and the rest only serve to spoof logs and exports, so every free text refuses them up front.
 *
 * @example z.string().check(noControlCharacters("Name"))
 */
export const noControlCharacters = (label = "This field") =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  z.regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, `${label} contains a control character.`);

/** A short trimmed human text (names, titles); `max` characters at most. */
export const text = (max: number, label = "This field") =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, `${label} is required.`),
      z.maxLength(max, `${label} has at most ${max} characters.`),
      noControlCharacters(label),
    );

/** An optional trimmed human text: empty strings become null. */
export const optionalText = (max: number, label = "This field") =>
  z.nullable(
    z
      .string()
      .check(
        z.trim(),
        z.maxLength(max, `${label} has at most ${max} characters.`),
        noControlCharacters(label),
      ),
  );
