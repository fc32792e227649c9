import type { User } from "../users/user.schema";

/**
 * An organization the signed-in person belongs to (for the switcher).
 *
 * @example { organizationId: "org_…", name: "Harbor Urgent Care", userId: "usr_…", current: true }
 */
export interface OrganizationChoice {
  readonly organizationId: string;
  readonly name: string;
  readonly userId: string;
  readonly current: boolean;
}

/**
 * A resolved session: who is signed in, where, until when.
 *
 * @example { organizationId: "org_…", userId: "usr_…", user, organizationName: "Harbor Urgent Care",
 *   mustChangePassword: false, createdAt: "…", idleExpiresAt: "…", expiresAt: "…" }
 */
export interface SessionView {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly userId: string;
  readonly user: User;
  /** While true the session can do nothing but `changePassword` (R16, W5). */
  readonly mustChangePassword: boolean;
  readonly createdAt: string;
  /** When the session ends unless used again (idle timeout). */
  readonly idleExpiresAt: string;
  /** When the session ends whatever happens (absolute lifetime). */
  readonly expiresAt: string;
}

/**
 * A new session: the opaque token (shown once; only its SHA-256 is stored) and its view.
 *
 * @example const { token, session, organizations } = await directory.auth.signIn({ email, password });
 */
export interface SignInResult {
  readonly token: string;
  readonly session: SessionView;
  readonly organizations: readonly OrganizationChoice[];
}

/**
 * What the accept-invitation page shows for a token.
 *
 * @example { organizationName: "Harbor Urgent Care", email: "sam@harbor.example", givenName: "Sam",
 *   familyName: "Lee", invitedBy: "Olive Owner", existingAccount: false, expiresAt: "…" }
 */
export interface InvitationView {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly email: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly invitedBy: string | null;
  /** True when the email already has an account: accepting just joins, no new password. */
  readonly existingAccount: boolean;
  readonly expiresAt: string;
}

/**
 * The outcome of accepting an invitation.
 *
 * @example { outcome: "joined", organizationId: "org_…", organizationName: "Harbor Urgent Care", email: "sam@harbor.example", userId: "usr_…" }
 */
export interface AcceptInvitationResult {
  /** `activated`: a new account set its password; `joined`: an existing account joined another organization. */
  readonly outcome: "activated" | "joined";
  readonly organizationId: string;
  readonly organizationName: string;
  readonly email: string;
  readonly userId: string;
}
