import * as z from "zod/mini";
import { plainTextCheck } from "./text.schema";

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
  plainTextCheck("An email address"),
  z.regex(EMAIL_PATTERN, "Enter an email address like name@clinic.org."),
);

/** A phone number in E.164 form. @example "+14155550123" */
export const PhoneSchema = z.string().check(
  z.overwrite((value) => value.replace(/[\s().-]/g, "")),
  z.regex(/^\+[1-9]\d{6,14}$/, "Enter the number in international form, like +14155550123."),
);
