/**
 * @staffroom/react — widgets and hooks for clinical user administration over the StaffDirectory API.
 *
 * @example
 * import { StaffroomProvider, UserDirectory } from "@staffroom/react";
 * import "@staffroom/react/styles.css";
 * <StaffroomProvider directory={directory}><UserDirectory /></StaffroomProvider>
 */
export * from "./hooks/admin-mutations";
export { queryKeys } from "./hooks/keys";
export * from "./hooks/permissions";
export * from "./hooks/provisioning-hooks";
export * from "./hooks/reads";
export * from "./hooks/user-mutations";
export { errorMessage } from "./messages/error-message";
export { spanishMessages } from "./messages/es";
export { englishMessages, type MessageOverrides, type Messages, mergeMessages } from "./messages/messages";
export {
  type Density,
  type StaffroomContextValue,
  type Theme,
  useAuth,
  useDirectory,
  useMessages,
  useStaffroom,
} from "./provider/context";
export { StaffroomProvider, type StaffroomProviderProps } from "./provider/StaffroomProvider";
export {
  createQueryCache,
  type QueryCache,
  type QueryCacheOptions,
  type QuerySnapshot,
  type Rollback,
} from "./query/query-cache";
export { hashKey, type QueryKey } from "./query/query-key";
export { type MutationOptions, type MutationResult, useMutation } from "./query/use-mutation";
export { type QueryResult, type UseQueryOptions, useQuery } from "./query/use-query";
export {
  type ConfirmContentProps,
  ConfirmDialog,
  type ConfirmRootProps,
} from "./widgets/confirm-dialog/ConfirmDialog";
export { InviteManyDialog, type InviteManyDialogProps } from "./widgets/invite-user-dialog/InviteManyDialog";
export { InviteUserDialog, type InviteUserDialogProps } from "./widgets/invite-user-dialog/InviteUserDialog";
export type { InviteManyMessages } from "./widgets/invite-user-dialog/invite-many-messages";
export { NoAccess, type NoAccessProps } from "./widgets/no-access/NoAccess";
export {
  ResetPasswordDialog,
  type ResetPasswordDialogProps,
} from "./widgets/reset-password-dialog/ResetPasswordDialog";
export type { DirectoryHeaderProps as UserDirectoryHeaderProps } from "./widgets/user-directory/DirectoryHeader";
export { useUserDirectoryContext } from "./widgets/user-directory/directory-context";
export { UserDirectory, type UserDirectoryProps } from "./widgets/user-directory/UserDirectory";
export type { UserDirectoryRootProps } from "./widgets/user-directory/UserDirectoryRoot";
export {
  NO_FILTERS as NO_DIRECTORY_FILTERS,
  type UserDirectoryFilters,
  type UserDirectoryPage,
  type UserDirectorySelection,
  type UserDirectorySort,
  type UserDirectoryStateOptions,
  type UserDirectoryViewState,
} from "./widgets/user-directory/use-directory-state";
export {
  type PendingBulkAction,
  type PendingUserAction,
  type UserDirectoryApi,
  type UserDirectoryDialogs,
  type UserDirectoryIds,
  type UserDirectoryNotice,
  type UserDirectoryOptions,
  useUserDirectory,
} from "./widgets/user-directory/use-user-directory";
export type { ActionOffer, UserActionSpec } from "./widgets/user-directory/user-actions";
export { UserFormDialog, type UserFormDialogProps } from "./widgets/user-form-dialog/UserFormDialog";

// @exports roles-manager

export * from "./hooks/settings-hooks";
export type { RolesMessages } from "./widgets/roles-manager/messages";
export { PermissionMatrix, type PermissionMatrixProps } from "./widgets/roles-manager/PermissionMatrix";
export { RoleFormDialog, type RoleFormDialogProps } from "./widgets/roles-manager/RoleFormDialog";
export { RolesManager, type RolesManagerProps } from "./widgets/roles-manager/RolesManager";
export type { RoleDraft } from "./widgets/roles-manager/role-draft";

// @exports locations-manager

export {
  LocationFormDialog,
  type LocationFormDialogProps,
} from "./widgets/locations-manager/LocationFormDialog";
export { LocationsManager, type LocationsManagerProps } from "./widgets/locations-manager/LocationsManager";
export { LocationTable, type LocationTableProps } from "./widgets/locations-manager/LocationTable";
export type { LocationsMessages } from "./widgets/locations-manager/messages";
export type { ProvisioningMessages } from "./widgets/provisioning-settings/messages";
export {
  ProvisioningSettings,
  type ProvisioningSettingsProps,
} from "./widgets/provisioning-settings/ProvisioningSettings";

// @exports organization-settings

export {
  MainContactSection,
  type MainContactSectionProps,
} from "./widgets/organization-settings/MainContactSection";
export type { OrganizationSettingsMessages } from "./widgets/organization-settings/messages";
export {
  OrganizationForm,
  type OrganizationFormProps,
} from "./widgets/organization-settings/OrganizationForm";
export {
  OrganizationSettings,
  type OrganizationSettingsProps,
} from "./widgets/organization-settings/OrganizationSettings";
export { SeatMeter, type SeatMeterProps } from "./widgets/organization-settings/SeatMeter";

// @exports sessions-manager

export * from "./hooks/session-hooks";
export {
  ImportUsersDialog,
  type ImportUsersDialogProps,
} from "./widgets/import-users-dialog/ImportUsersDialog";
export type { ImportUsersMessages } from "./widgets/import-users-dialog/messages";
export type { SessionsMessages } from "./widgets/sessions-manager/messages";
export { SessionsManager, type SessionsManagerProps } from "./widgets/sessions-manager/SessionsManager";
export { SessionTable, type SessionTableProps } from "./widgets/sessions-manager/SessionTable";

// @exports credentials

export { CredentialBadge, type CredentialBadgeProps } from "./widgets/credentials/CredentialBadge";
export type { CredentialsMessages } from "./widgets/credentials/messages";
export {
  CredentialFields,
  type CredentialFieldsProps,
} from "./widgets/user-form-dialog/CredentialFields";

// @exports audit-trail

export { type AuditExport, AuditTrail, type AuditTrailProps } from "./widgets/audit-trail/AuditTrail";
export type { AuditFilters } from "./widgets/audit-trail/audit-format";

// @exports organization-switcher

export {
  OrganizationSwitcher,
  type OrganizationSwitcherProps,
} from "./widgets/organization-switcher/OrganizationSwitcher";

// @exports account

export * from "./hooks/account-hooks";
export {
  AcceptInvitation,
  type AcceptInvitationProps,
} from "./widgets/account/AcceptInvitation";
export {
  ChangePasswordForm,
  type ChangePasswordFormProps,
} from "./widgets/account/ChangePasswordForm";
export {
  ForgotPasswordForm,
  type ForgotPasswordFormProps,
} from "./widgets/account/ForgotPasswordForm";
export {
  DEFAULT_PASSWORD_LENGTH,
  type PasswordHint,
  type PasswordLength,
  passwordHint,
} from "./widgets/account/password-hint";
export { ResetPasswordForm, type ResetPasswordFormProps } from "./widgets/account/ResetPasswordForm";
export { SignInForm, type SignInFormProps } from "./widgets/account/SignInForm";
