/**
 * @staffroom/core — the clinical user directory: model, rules, ports and service.
 *
 * @example
 * import { createDirectory } from "@staffroom/core";
 * import { memoryStore } from "@staffroom/core/memory";
 * const directory = createDirectory({ store: memoryStore() });
 */

export * from "./access/access.rules";
export * from "./access/catalog";
export * from "./access/main-contact.rules";
export * from "./audit/audit.schema";
export {
  type ChainCursor,
  type ChainLink,
  canonicalJson,
  checkLink,
  GENESIS_HASH,
  hashEvent,
} from "./audit/chain";
export * from "./audit/personal";
export * from "./auth/account.schema";
export * from "./auth/auth.types";
export * from "./auth/password.rules";
export { clientThrottleKey, type ThrottledAction } from "./auth/throttle";
export { createDirectory } from "./directory/create-directory";
export * from "./directory/directory.types";
export * from "./directory/staff-directory";
export { fieldIssues, parseInput, type RawIssue, unknownFieldIssue } from "./directory/validate";
export * from "./errors/directory-error";
export * from "./errors/error-codes";
export * from "./locations/location.schema";
export { DEFAULT_PROVIDER_TYPES } from "./organization/bootstrap.service";
export * from "./organization/organization.schema";
export * from "./ports/background";
export * from "./ports/clock";
export { randomToken, sha256Hex } from "./ports/crypto";
export * from "./ports/ids";
export * from "./ports/mailer";
export * from "./ports/password-hasher";
export * from "./ports/rate-limiter";
export * from "./primitives/contact.schema";
export * from "./primitives/ids.schema";
export * from "./primitives/instant.schema";
export * from "./primitives/page";
export * from "./primitives/text.schema";
export * from "./roles/role.schema";
export * from "./roles/templates";
export * from "./store/cursor";
export * from "./store/records";
export * from "./store/store.port";
export * from "./users/invitation.schema";
export * from "./users/provider.rules";
export * from "./users/user.schema";
export * from "./users/user-actions.rules";
export * from "./users/user-query.schema";
