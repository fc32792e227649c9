import type { User } from "@staffroom/core";
import type { ReactNode } from "react";
import { useInvitation } from "../../hooks/reads";
import { useMessages, useStaffroom } from "../../provider/context";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { formatDate } from "../../ui/format";
import type { ActionOffer } from "./user-actions";

// The Pending tab's invitation facts, each from core's invitation summary (`users.invitation`):
// when it expires (core says whether it has: `expired`) and how many times it was sent. The query
// is shared per user, so the two cells of a row ask once.

/**
 * When the pending user's invitation expires, with an "Expired" badge once core says it has.
 *
 * @example <InvitationExpiresCell user={pendingUser} locale="en-US" />
 */
export function InvitationExpiresCell({
  user,
  locale,
}: {
  readonly user: User;
  readonly locale: string;
}): ReactNode {
  const m = useMessages();
  const invitation = useInvitation(user.id).data;
  if (!invitation) return "—";
  return (
    <span>
      {formatDate(invitation.expiresAt, locale, "—")}
      {invitation.expired ? (
        <>
          {" "}
          <Badge tone="danger">{m.directory.invitationExpired}</Badge>
        </>
      ) : null}
    </span>
  );
}

/**
 * How many times the invitation was sent (the first mail and each resend).
 *
 * @example <InvitationSentCell user={pendingUser} />
 */
export function InvitationSentCell({ user }: { readonly user: User }): ReactNode {
  const { locale } = useStaffroom();
  const invitation = useInvitation(user.id).data;
  return invitation ? invitation.sentCount.toLocaleString(locale) : "—";
}

/**
 * "Resend" in the row itself, when core offers it (refused: disabled, its reason as the button's
 * description).
 *
 * @example <ResendCell user={pendingUser} offer={{ action: "resendInvitation" }} onResend={resend} />
 */
export function ResendCell({
  user,
  offer,
  onResend,
}: {
  readonly user: User;
  readonly offer: ActionOffer | undefined;
  readonly onResend: () => void;
}): ReactNode {
  const m = useMessages();
  if (!offer) return null;
  return (
    <Button
      size="sm"
      aria-label={m.directory.resendTo(user.displayName)}
      disabled={offer.refused !== undefined}
      title={offer.refused ?? m.directory.resendTo(user.displayName)}
      onClick={onResend}
    >
      {m.directory.resend}
    </Button>
  );
}
