import type { Actor } from "../access/access.schema";
import type { RequestMetadata } from "../audit/audit.schema";
import type {
  AcceptInvitationInput,
  AcceptInvitationResult,
  ChangePasswordInput,
  CompletePasswordResetInput,
  InvitationView,
  OrganizationChoice,
  PasswordResetRequestInput,
  SessionView,
  SignInInput,
  SignInResult,
  SwitchOrganizationInput,
} from "../auth/auth.schema";

/**
 * The account side of the directory (W3, W13): `directory.auth`. Pure and store-backed: any number
 * of servers sharing one store behave as one. Every method rejects with a `DirectoryError`.
 *
 * @example
 * const { token } = await directory.auth.signIn({ email, password });
 * const actor = await directory.auth.authorize(token);
 * const me = directory.forActor(actor);
 */
export interface DirectoryAuth {
  /**
   * Signs in. The same `unauthenticated` answer for an unknown email, a wrong password, a locked
   * account and a disabled user (R17). With several organizations, `organizationId` chooses one
   * (default: the most recently used). Refuses with `rule`/`concurrent_seat_limit` when the
   * organization's concurrent seats are all in use (R9).
   */
  signIn(input: SignInInput): Promise<SignInResult>;
  /** Ends a session. Idempotent: an unknown token is not an error. */
  signOut(token: string): Promise<void>;
  /** Resolves a session and touches its idle timer; `unauthenticated` when missing, expired or its user can no longer act. */
  session(token: string): Promise<SessionView>;
  /**
   * Resolves a session to the {@link Actor} for `directory.forActor`, refusing with
   * `rule`/`must_change_password` while the password must change. Servers call this per request.
   */
  authorize(token: string, metadata?: RequestMetadata): Promise<Actor>;
  /** The organizations this session's person may switch to. */
  organizations(token: string): Promise<OrganizationChoice[]>;
  /** Ends this session and opens one in another organization of the same person. */
  switchOrganization(input: SwitchOrganizationInput): Promise<SignInResult>;
  /**
   * Changes the signed-in person's password (the forced change too). Other sessions of the account
   * end; this one stays and its `mustChangePassword` clears.
   */
  changePassword(input: ChangePasswordInput): Promise<SessionView>;
  /**
   * Emails a single-use reset link when the email has an account. Answers identically either way,
   * is rate-limited per account (silently) and never locks anything.
   */
  requestPasswordReset(input: PasswordResetRequestInput): Promise<void>;
  /** Sets a new password with a reset token; ends every session; does not sign in. */
  completePasswordReset(input: CompletePasswordResetInput): Promise<void>;
  /** What the accept page shows; `not_found` for an unknown, used, revoked or expired token. */
  invitation(token: string): Promise<InvitationView>;
  /**
   * Accepts an invitation: a new account must set `password`; an existing account just joins.
   * The token dies on use; of two concurrent accepts exactly one succeeds.
   */
  acceptInvitation(input: AcceptInvitationInput): Promise<AcceptInvitationResult>;
}
