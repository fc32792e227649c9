import type {
  AcceptInvitationResult,
  AuditVerification,
  InvitationView,
  OrganizationChoice,
  SessionView,
  SignInResult,
} from "@staffroom/core";
import { useAuth, useDirectory } from "../provider/context";
import { type MutationResult, useMutation } from "../query/use-mutation";
import { type QueryResult, useQuery } from "../query/use-query";
import { queryKeys } from "./keys";

/**
 * Query keys of the account side. Tokens are part of the key, so a new session (after a switch)
 * reads afresh; they stay in the provider's memory only.
 *
 * @example cache.invalidate(authKeys.all)
 */
export const authKeys = {
  all: ["auth"] as const,
  organizations: (token: string) => ["auth", "organizations", token] as const,
  invitation: (token: string) => ["auth", "invitation", token] as const,
} as const;

/** What an account change makes stale in a provider that also holds a directory. */
const ACCOUNT_INVALIDATES = [queryKeys.users.all, queryKeys.audit.all] as const;

/** Variables of {@link useSignIn}. */
export interface SignInVariables {
  readonly email: string;
  readonly password: string;
  readonly organizationId?: string;
}

/**
 * W13: signs in over `auth.signIn`. Rejects with core's `DirectoryError` (`unauthenticated` for
 * every wrong-credential case, `rule`/`concurrent_seat_limit` when no seat is free).
 *
 * @example const signIn = useSignIn(); const { token, session } = await signIn.mutate({ email, password });
 */
export function useSignIn(): MutationResult<SignInVariables, SignInResult> {
  const auth = useAuth();
  return useMutation({ mutate: (input) => auth.signIn(input), invalidates: [queryKeys.audit.all] });
}

/**
 * The organizations the session's person may switch to (`auth.organizations`). `""` is a session
 * too: with cookie sessions (`restDirectory`) the token lives in an HttpOnly cookie and the client
 * passes `""`; only `null`/`undefined` (signed out) waits.
 *
 * @example const orgs = useOrganizationChoices(token); orgs.data?.find((o) => o.current)?.name
 */
export function useOrganizationChoices(token: string | null | undefined): QueryResult<OrganizationChoice[]> {
  const auth = useAuth();
  return useQuery(authKeys.organizations(token ?? ""), () => auth.organizations(token ?? ""), {
    enabled: token !== null && token !== undefined,
  });
}

/** Variables of {@link useSwitchOrganization}. */
export interface SwitchOrganizationVariables {
  readonly token: string;
  readonly organizationId: string;
}

/**
 * W3: ends the session and opens one in another organization (`auth.switchOrganization`).
 * The old token dies; the host stores the new one.
 *
 * @example const result = await useSwitchOrganization().mutate({ token, organizationId });
 */
export function useSwitchOrganization(): MutationResult<SwitchOrganizationVariables, SignInResult> {
  const auth = useAuth();
  return useMutation({
    mutate: (input) => auth.switchOrganization(input),
    onSuccess: (cache, result) => cache.set(authKeys.organizations(result.token), [...result.organizations]),
  });
}

/**
 * W3: what the accept page shows for an invitation token (`auth.invitation`); its error is
 * `not_found` for an unknown, used, revoked or expired token.
 *
 * @example const invitation = useInvitationByToken(token); invitation.data?.organizationName
 */
export function useInvitationByToken(token: string | null | undefined): QueryResult<InvitationView> {
  const auth = useAuth();
  return useQuery(authKeys.invitation(token ?? ""), () => auth.invitation(token ?? ""), { enabled: !!token });
}

/** Variables of {@link useAcceptInvitation}. */
export interface AcceptInvitationVariables {
  readonly token: string;
  /** Required for a new account; omitted when the email already has one. */
  readonly password?: string;
}

/**
 * W3: accepts an invitation — a new account sets its password, an existing one just joins.
 *
 * @example const result = await useAcceptInvitation().mutate({ token, password }); result.outcome
 */
export function useAcceptInvitation(): MutationResult<AcceptInvitationVariables, AcceptInvitationResult> {
  const auth = useAuth();
  return useMutation({ mutate: (input) => auth.acceptInvitation(input), invalidates: ACCOUNT_INVALIDATES });
}

/** Variables of {@link useChangePassword}. */
export interface ChangePasswordVariables {
  readonly token: string;
  readonly currentPassword: string;
  readonly newPassword: string;
}

/**
 * W13: changes the signed-in person's password, the forced change too. Field issues come back on
 * `currentPassword` and `newPassword`.
 *
 * @example const session = await useChangePassword().mutate({ token, currentPassword, newPassword });
 */
export function useChangePassword(): MutationResult<ChangePasswordVariables, SessionView> {
  const auth = useAuth();
  return useMutation({ mutate: (input) => auth.changePassword(input), invalidates: ACCOUNT_INVALIDATES });
}

/**
 * W13: asks for a reset link. Resolves the same way whether or not the email has an account.
 *
 * @example await useRequestPasswordReset().mutate({ email });
 */
export function useRequestPasswordReset(): MutationResult<{ readonly email: string }, void> {
  const auth = useAuth();
  return useMutation({ mutate: (input) => auth.requestPasswordReset(input) });
}

/** Variables of {@link useCompletePasswordReset}. */
export interface CompletePasswordResetVariables {
  readonly token: string;
  readonly password: string;
}

/**
 * W13: sets a new password with a reset token (`not_found` when the link is used or expired).
 *
 * @example await useCompletePasswordReset().mutate({ token, password });
 */
export function useCompletePasswordReset(): MutationResult<CompletePasswordResetVariables, void> {
  const auth = useAuth();
  return useMutation({
    mutate: (input) => auth.completePasswordReset(input),
    invalidates: ACCOUNT_INVALIDATES,
  });
}

/**
 * W14/R18: walks the audit hash chain (`audit.verify`) and reports the first bad event.
 *
 * @example const verify = useVerifyAudit(); const result = await verify.mutate(undefined); result.ok
 */
export function useVerifyAudit(): MutationResult<void, AuditVerification> {
  const directory = useDirectory();
  return useMutation({ mutate: () => directory.audit.verify() });
}
