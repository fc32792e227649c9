/**
 * @staffroom/core — the clinical user directory: model, rules, ports and service.
 *
 * @example
 * import { createDirectory } from "@staffroom/core";
 * import { memoryStore } from "@staffroom/core/memory";
 * const directory = createDirectory({ store: memoryStore() });
 */
export * from "./api/auth";
export * from "./api/staff-directory";
export {
  type ChainCursor,
  type ChainLink,
  canonicalJson,
  checkLink,
  GENESIS_HASH,
  hashEvent,
} from "./audit/chain";
export * from "./audit/personal";
export * from "./errors/directory-error";
export * from "./errors/error-codes";
export * from "./list/user-query.schema";
export * from "./model/account.schema";
export * from "./model/audit.schema";
export * from "./model/common.schema";
export * from "./model/invitation.schema";
export * from "./model/location.schema";
export * from "./model/organization.schema";
export * from "./model/role.schema";
export * from "./model/user.schema";
export * from "./passwords/password-policy";
export * from "./permissions/access.rules";
export * from "./permissions/catalog";
export * from "./permissions/main-contact.rules";
export * from "./permissions/templates";
export * from "./permissions/user-actions.rules";
export * from "./ports/background";
export * from "./ports/clock";
export { randomToken, sha256Hex } from "./ports/crypto";
export * from "./ports/ids";
export * from "./ports/mailer";
export * from "./ports/password-hasher";
export * from "./ports/rate-limiter";
export * from "./provider/provider.rules";
export { clientThrottleKey, type ThrottledAction } from "./service/auth/throttle";
export { DEFAULT_PROVIDER_TYPES } from "./service/bootstrap";
export { createDirectory } from "./service/create-directory";
export * from "./service/directory.types";
export { fieldIssues, parseInput, type RawIssue, unknownFieldIssue } from "./service/validate";
export * from "./store/cursor";
export * from "./store/records";
export * from "./store/store.port";
