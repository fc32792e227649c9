/**
 * `@staffroom/core/store` for store authors: the `DirectoryStore` port and its records, the cursor
 * codec every store pages with, the audit chain and personal-part helpers, the rate-limiter port, and
 * `storeWorld` to run core's conformance and property suites (`@staffroom/core/testing`) on a store.
 * Applications import `@staffroom/core`.
 *
 * @example
 * import type { DirectoryStore, StoreTransaction, UserRecord } from "@staffroom/core/store";
 * import { decodeUserCursor, encodeUserCursor, userQueryFingerprint } from "@staffroom/core/store";
 */

export type {
  AuditChainedEvent,
  AuditDraft,
  AuditPersonalPart,
  AuditPersonalRef,
  AuditPersonalValues,
  LegacyAuditEvent,
} from "../audit/audit.schema";
export {
  type ChainCursor,
  type ChainLink,
  canonicalJson,
  checkLink,
  GENESIS_HASH,
  hashEvent,
} from "../audit/chain";
export {
  actorSubject,
  CHAINED_PERSON_CHANGES,
  checkPersonalParts,
  erasedSubject,
  joinAuditEvent,
  PERSON_TARGET_TYPES,
  personalDigest,
  randomSalt,
  type SplitAuditEvent,
  sealAuditEvent,
  splitAuditEvent,
  targetSubject,
  type UnsealedAuditEvent,
} from "../audit/personal";
export { sha256Hex } from "../ports/crypto";
export type { RateLimiter, RateLimitHit, RateLimitRule } from "../ports/rate-limiter";
export { type MemoryWorldOptions, type StoreWorld, storeWorld } from "../testing/memory-world";
export {
  auditQueryFingerprint,
  decodeAuditCursor,
  decodeSessionCursor,
  decodeUserCursor,
  encodeAuditCursor,
  encodeSessionCursor,
  encodeUserCursor,
  invalidCursor,
  type SessionAnchor,
  sessionQueryFingerprint,
  type UserAnchor,
  userQueryFingerprint,
} from "./cursor";
export type {
  AccountRecord,
  AuditPersonalRecord,
  AuditRecord,
  CredentialExpiryRange,
  InvitationRecord,
  LocationRecord,
  OrganizationRecord,
  ProvisionedUserRecord,
  ProvisioningSettingsRecord,
  ProvisioningTokenRecord,
  RoleRecord,
  SecretTokenRecord,
  SessionRecord,
  StoreAuditQuery,
  StorePage,
  StoreSessionQuery,
  StoreUserCount,
  StoreUserQuery,
  UserRecord,
} from "./records";
export type { DirectoryStore, StoreTransaction, TransactionOptions } from "./store.port";
