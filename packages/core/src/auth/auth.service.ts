import type { ServiceContext } from "../directory/context";
import type { DirectoryAuth } from "../directory/directory-auth";
import { acceptInvitation, invitationView } from "./accept-invitation.service";
import { changePassword, completePasswordReset, requestPasswordReset } from "./passwords.service";
import { authorize, organizations, session, signOut, switchOrganization } from "./sessions.service";
import { signIn } from "./sign-in.service";

/** Builds `directory.auth` over a service context. */
export function createAuth(ctx: ServiceContext): DirectoryAuth {
  return {
    signIn: (input) => signIn(ctx, input),
    signOut: (token) => signOut(ctx, token),
    session: (token) => session(ctx, token),
    authorize: (token, metadata) => authorize(ctx, token, metadata),
    organizations: (token) => organizations(ctx, token),
    switchOrganization: (input) => switchOrganization(ctx, input),
    changePassword: (input) => changePassword(ctx, input),
    requestPasswordReset: (input) => requestPasswordReset(ctx, input),
    completePasswordReset: (input) => completePasswordReset(ctx, input),
    invitation: (token) => invitationView(ctx, token),
    acceptInvitation: (input) => acceptInvitation(ctx, input),
  };
}
