/**
 * `@staffroom/core/schemas`: the zod (zod/mini) schema of every input the directory takes and every
 * value it answers — the one definition of the wire. Core's types are inferred from these
 * (`z.infer`, `z.input`); `@staffroom/rest` parses requests and generates its OpenAPI document from
 * them, and its tests check every response against them. A separate entry so that applications that
 * never check a wire (the widgets) do not ship the response schemas: the root entry exports the
 * types and the input schemas a form validates with.
 *
 * @example
 * import { BulkResultSchema, UserSchema } from "@staffroom/core/schemas";
 * const user = UserSchema.parse(await (await fetch(url)).json());
 */

export { ActorSchema, ActorViewSchema } from "./access/access.schema";
export { AuditQuerySchema, RequestMetadataSchema } from "./audit/audit.schema";
export { AuditEventSchema, AuditVerificationSchema, FieldChangeSchema } from "./audit/audit-event.schema";
export {
  type AcceptInvitationInput,
  AcceptInvitationInputSchema,
  AcceptInvitationResultSchema,
  type ChangePasswordInput,
  ChangePasswordInputSchema,
  type CompletePasswordResetInput,
  CompletePasswordResetInputSchema,
  InvitationViewSchema,
  OrganizationChoiceSchema,
  type PasswordResetRequestInput,
  PasswordResetRequestInputSchema,
  SessionViewSchema,
  type SignInInput,
  SignInInputSchema,
  SignInResultSchema,
  type SwitchOrganizationInput,
  SwitchOrganizationInputSchema,
} from "./auth/auth.schema";
export { SessionQuerySchema } from "./auth/session-admin.schema";
export { SessionSummarySchema } from "./auth/session-summary.schema";
export { DirectoryErrorDataSchema, FieldIssueSchema } from "./errors/error.schema";
export { VerdictSchema } from "./errors/verdict.schema";
export { LocationInputSchema, LocationPatchSchema, LocationSchema } from "./locations/location.schema";
export { BootstrapSchema } from "./organization/bootstrap.schema";
export {
  OrganizationInputSchema,
  OrganizationPatchSchema,
  OrganizationSchema,
  SessionLimitsSchema,
} from "./organization/organization.schema";
export { OrganizationFormOptionsSchema } from "./organization/organization-form-options.schema";
export { SeatUsageSchema } from "./organization/seat-usage.schema";
export { EmailSchema, PhoneSchema } from "./primitives/contact.schema";
export { IdSchema } from "./primitives/ids.schema";
export { IsoDateSchema } from "./primitives/instant.schema";
export { PageSchema } from "./primitives/page.schema";
export { VersionOptionSchema, VersionSchema } from "./primitives/version.schema";
export {
  CreatedProvisioningTokenSchema,
  CreateProvisioningTokenInputSchema,
  DirectoryGroupSchema,
  ProvisionedAttributesPatchSchema,
  ProvisionedAttributesSchema,
  ProvisionedLookupSchema,
  ProvisioningGroupInputSchema,
  ProvisioningGroupSchema,
  ProvisioningSecretSchema,
  ProvisioningSettingsPatchSchema,
  ProvisioningSettingsSchema,
  ProvisioningTokenSchema,
} from "./provisioning/provisioning.schema";
export { CatalogViewSchema } from "./roles/catalog-view.schema";
export { RoleInputSchema, RolePatchSchema, RoleSchema } from "./roles/role.schema";
export { RoleFormOptionsSchema } from "./roles/role-form-options.schema";
export {
  CredentialAlertSchema,
  CredentialSchema,
  CredentialsSchema,
  ExpiringCredentialSchema,
  ExpiringCredentialsQuerySchema,
} from "./users/credential.schema";
export { InviteeSchema, InviteManyInputSchema } from "./users/invite-many.schema";
export { ProviderProfileSchema } from "./users/provider.schema";
export { UserSchema } from "./users/user.schema";
export {
  BulkInputSchema,
  BulkItemSchema,
  ResetPasswordInputSchema,
  UserActionSchema,
} from "./users/user-actions.schema";
export {
  FieldOptionSchema,
  UserActionOfferSchema,
  UserFormOptionsSchema,
} from "./users/user-form-options.schema";
export { ImportInputSchema, ImportReportSchema } from "./users/user-import.schema";
export { CreateUserInputSchema, InviteUserInputSchema, UserPatchSchema } from "./users/user-input.schema";
export { CredentialFilterSchema, UserQuerySchema } from "./users/user-query.schema";
export {
  BulkResultSchema,
  DeleteResultSchema,
  InvitationSummarySchema,
  InviteManyResultSchema,
  InviteResultSchema,
  StatusCountsSchema,
} from "./users/user-results.schema";
