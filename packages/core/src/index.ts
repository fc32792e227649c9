/**
 * `@staffroom/core` for applications: create a directory, act through it, and type, validate and
 * show what it returns. Store authors import `@staffroom/core/store`; tests `@staffroom/core/testing`.
 * Every name here is listed on purpose (no `export *`): adding one is a decision, not an accident.
 * Sorted by module path, so the folder (users/, roles/, audit/ …) groups them by feature.
 *
 * @example
 * import { createDirectory } from "@staffroom/core";
 * import { memoryStore } from "@staffroom/core/memory";
 * const directory = createDirectory({ store: memoryStore() });
 */

export { type AccessSubject, accessSubject, decide } from "./access/access.rules";
export type { AccessTarget, Actor, ActorView } from "./access/access.schema";
export { type ActorFacts, actorFactsOf } from "./access/actor-facts";
export {
  type Catalog,
  type CatalogDefinition,
  type DefaultPermission,
  defaultCatalog,
  defaultModules,
  defineCatalog,
  type PermissionOf,
} from "./access/catalog";
export { MAIN_CONTACT_ONLY_MESSAGE } from "./access/main-contact.rules";
export { ADMIN_SCREENS, type AdminScreen, canOpenScreen } from "./access/screens";
export { type AuditQuery, AuditQuerySchema, type RequestMetadata } from "./audit/audit.schema";
export type { AuditEvent, AuditVerification, FieldChange } from "./audit/audit-event.schema";
export type { PasswordHash } from "./auth/account.schema";
export type {
  AcceptInvitationResult,
  InvitationView,
  OrganizationChoice,
  SessionView,
  SignInResult,
} from "./auth/auth.schema";
export { type ClientSummary, describeClient, describeNetwork } from "./auth/client-summary";
export { passwordLength } from "./auth/password.rules";
export { OWN_SESSION_MESSAGE } from "./auth/session-admin.rules";
export { type SessionQuery, SessionQuerySchema } from "./auth/session-admin.schema";
export type { SessionSummary } from "./auth/session-summary.schema";
export { clientThrottleKey } from "./auth/throttle";
export { createDirectory } from "./directory/create-directory";
export type {
  Directory,
  DirectoryOptions,
  DirectoryProvisioning,
  LinkBuilder,
} from "./directory/directory.types";
export type { DirectoryAuth } from "./directory/directory-auth";
export { DEFAULT_POLICY, type DirectoryPolicy } from "./directory/policy";
export type { StaffDirectory } from "./directory/staff-directory";
export { parseInput, unknownFieldIssue } from "./directory/validate";
export { DirectoryError, type DirectoryErrorData, type FieldIssue, fail } from "./errors/directory-error";
export {
  DEFAULT_MESSAGES,
  ERROR_STATUS,
  type ErrorCode,
  RULE_CODES,
  type RuleCode,
} from "./errors/error-codes";
export type { Refusal, Verdict } from "./errors/verdict";
export {
  type Location,
  type LocationInput,
  LocationInputSchema,
  type LocationPatch,
  LocationPatchSchema,
  LocationSchema,
} from "./locations/location.schema";
export type { BootstrapInput, BootstrapResult } from "./organization/bootstrap.schema";
export {
  type Features,
  type Organization,
  type OrganizationInput,
  type OrganizationPatch,
  OrganizationPatchSchema,
  OrganizationSchema,
  SESSION_LIMIT_BOUNDS,
  type Seats,
  type SessionLimits,
} from "./organization/organization.schema";
export type { OrganizationFormOptions } from "./organization/organization-form-options.schema";
export {
  type ProposedSeatLimits,
  type SeatLimitBelowUse,
  seatLimitsBelowUse,
} from "./organization/seat-limits.rules";
export type { SeatUsage } from "./organization/seat-usage.schema";
export { type BackgroundTasks, inProcessTasks } from "./ports/background";
export { type Clock, type ManualClock, manualClock, systemClock } from "./ports/clock";
export { randomToken } from "./ports/crypto";
export type { IdGenerator } from "./ports/ids";
export {
  type Mailer,
  type MailMessage,
  type MemoryMailer,
  memoryMailer,
  type OutboxEntry,
  tokenFromLink,
} from "./ports/mailer";
export { type PasswordHasher, pbkdf2Hasher } from "./ports/password-hasher";
export { memoryRateLimiter, type RateLimiter } from "./ports/rate-limiter";
export { EmailSchema } from "./primitives/contact.schema";
export { ID_PATTERN, IdSchema, isId } from "./primitives/ids.schema";
export { IsoDateSchema } from "./primitives/instant.schema";
export type { Page } from "./primitives/page.schema";
export { textIssue, textProblem, toPlainText } from "./primitives/text.schema";
export type { VersionOption } from "./primitives/version.schema";
export {
  directoryGroups,
  type GroupMemberFacts,
  isGroupMember,
  joinGroupPatch,
  leaveGroupPatch,
  type MembershipPatch,
  provisionedUserStart,
} from "./provisioning/provisioning.rules";
export {
  type CreatedProvisioningToken,
  type CreateProvisioningTokenInput,
  CreateProvisioningTokenInputSchema,
  type DirectoryGroup,
  type ProvisionedAttributes,
  type ProvisionedAttributesPatch,
  ProvisionedAttributesPatchSchema,
  ProvisionedAttributesSchema,
  type ProvisionedLookup,
  ProvisionedLookupSchema,
  type ProvisioningGroup,
  type ProvisioningGroupInput,
  ProvisioningGroupSchema,
  ProvisioningSecretSchema,
  type ProvisioningSettings,
  type ProvisioningSettingsPatch,
  ProvisioningSettingsPatchSchema,
  ProvisioningSettingsSchema,
  type ProvisioningToken,
  ProvisioningTokenSchema,
} from "./provisioning/provisioning.schema";
export { isProvisioningTokenId } from "./provisioning/token-id";
export type { CatalogView } from "./roles/catalog-view.schema";
export {
  type Role,
  type RoleInput,
  RoleInputSchema,
  type RolePatch,
  RolePatchSchema,
  RoleSchema,
} from "./roles/role.schema";
export type { RoleFormOptions } from "./roles/role-form-options.schema";
export { isAdminPermissionSet } from "./roles/roles.rules";
export { ROLE_TEMPLATES, type RoleTemplate } from "./roles/templates";
export type { DirectoryStore } from "./store/store.port";
export {
  addDays,
  CREDENTIAL_KINDS,
  CREDENTIAL_WARNING_DAYS,
  type CredentialKind,
  type CredentialStanding,
  credentialStanding,
  daysBetween,
  deaWithCheckDigit,
  earliestExpiry,
  isCalendarDate,
  isValidDeaNumber,
  KINDS_WITH_STATE,
  US_STATE_CODES,
  type UsStateCode,
  utcDate,
} from "./users/credential.rules";
export {
  type Credential,
  type CredentialAlert,
  CredentialAlertSchema,
  CredentialSchema,
  CredentialsSchema,
  credentialAlert,
  type ExpiringCredential,
  ExpiringCredentialSchema,
  type ExpiringCredentialsQuery,
  ExpiringCredentialsQuerySchema,
} from "./users/credential.schema";
export { type Invitee, type InviteManyInput, InviteManyInputSchema } from "./users/invite-many.schema";
export { namesFromEmail, parseInvitees } from "./users/invitee-list";
export { isValidNpi, npiWithCheckDigit, SCHEDULING_STEPS, TAXONOMY_PATTERN } from "./users/provider.rules";
export {
  displayName,
  type LocationAccess,
  type User,
  UserSchema,
  type UserStatus,
} from "./users/user.schema";
export type { BulkInput, BulkItem, ResetPasswordInput, UserAction } from "./users/user-actions.schema";
export { mobilePhoneVerdict } from "./users/user-fields.rules";
export type { FieldOption, UserActionOffer, UserFormOptions } from "./users/user-form-options.schema";
export { guessImportMapping, IMPORT_FIELD_HEADERS } from "./users/user-import.mapping";
export {
  IMPORT_FIELDS,
  IMPORT_STATUSES,
  type ImportField,
  type ImportInput,
  type ImportIssue,
  type ImportMapping,
  type ImportReport,
  type ImportRowResult,
  type ImportStatus,
} from "./users/user-import.schema";
export {
  type CreateUserInput,
  CreateUserInputSchema,
  type InviteUserInput,
  InviteUserInputSchema,
  type ProfileInput,
  type UserPatch,
  UserPatchSchema,
} from "./users/user-input.schema";
export {
  type CredentialFilter,
  CredentialFilterSchema,
  type UserQuery,
  UserQuerySchema,
  type UserSortField,
} from "./users/user-query.schema";
export type {
  BulkResult,
  DeleteResult,
  InvitationSummary,
  InviteManyResult,
  InviteResult,
  StatusCounts,
} from "./users/user-results.schema";
export { type UserTarget, userActionOffers } from "./users/users.rules";
