import type { AccessSubject } from "../access/access.rules";
import type { ActorFacts } from "../access/actor-facts";
import { ALLOWED, firstRefusal, refuse, type Verdict } from "../errors/verdict";
import { manageUserVerdict, type UserTarget, usersManagerVerdict } from "../users/users.rules";

/*
 * The verdicts of the Sessions screen (W13). Ending a session signs a person out — a part of
 * disabling them (W6) — so it is a user operation like the others and reads the same verdicts:
 * `users.manage` (R2), inside the actor's locations (R4), on nobody who holds more than the actor
 * (R3), never the main contact by anyone else (R7), and never one's own (sign out instead). The
 * service asserts them; `sessions.list` carries each session's `end` verdict, `canOpenScreen`
 * reads the list's.
 */

/**
 * The message of the refusal to end one's own session: the Sessions list marks them "You" and
 * offers Sign out instead.
 *
 * @example refuse.rule("self_change", OWN_SESSION_MESSAGE)
 */
export const OWN_SESSION_MESSAGE = "You cannot end your own session here. Sign out instead.";

/**
 * R2: the Sessions list (who is signed in, from where) is for those who manage users; `forbidden`
 * otherwise. A location-limited manager is allowed and sees the people it sees (R4, R5).
 *
 * @example assertAllowed(listSessionsVerdict(a.subject));
 */
export function listSessionsVerdict(subject: AccessSubject): Verdict {
  return usersManagerVerdict(subject);
}

/**
 * R2–R4, R7: may the actor end a session of `owner`? It may list sessions (R2), the session is not
 * its own (`rule`/`self_change`, {@link OWN_SESSION_MESSAGE}), and it may manage the owner as a user
 * (`manageUserVerdict`: R4 scope and R3 permissions `forbidden`, R7 main contact
 * `rule`/`main_contact_only`). Visibility (R5: `not_found`) is the caller's to settle first.
 *
 * @example endSessionVerdict(actor, user) // refused rule/self_change on the actor's own session
 */
export function endSessionVerdict(
  actor: ActorFacts,
  owner: Pick<UserTarget, "id" | "roleId" | "locationAccess">,
): Verdict {
  return firstRefusal(
    () => listSessionsVerdict(actor.subject),
    () => (owner.id === actor.subject.userId ? refuse.rule("self_change", OWN_SESSION_MESSAGE) : ALLOWED),
    () => manageUserVerdict(actor, owner),
  );
}
