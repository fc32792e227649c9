/**
 * `@staffroom/core/passwords`: the common-password check for servers (R16).
 *
 * @example
 * import { isCommonPassword } from "@staffroom/core/passwords";
 * const directory = createDirectory({ store, isCommonPassword });
 */
export { COMMON_PASSWORD_COUNT, isCommonPassword } from "./common-passwords";
