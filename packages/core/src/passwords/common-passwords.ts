import { dictionary } from "@zxcvbn-ts/language-common";

/** How many of the most common passwords are refused. @example COMMON_PASSWORD_COUNT // 10000 */
export const COMMON_PASSWORD_COUNT = 10_000;

let common: ReadonlySet<string> | null = null;

/**
 * True when the password is one of the 10 000 most common (R16), from the ranked list maintained by
 * zxcvbn-ts (`@zxcvbn-ts/language-common`, bundled into this entry at build time). Compares the
 * NFKC-normalised, lower-cased password. This entry is for servers: it keeps the list out of
 * browser bundles that only import `@staffroom/core`.
 *
 * @example
 * import { isCommonPassword } from "@staffroom/core/passwords";
 * createDirectory({ store, isCommonPassword });
 * isCommonPassword("password123") // true
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].slice(0, COMMON_PASSWORD_COUNT));
  return common.has(password.normalize("NFKC").toLowerCase());
}
