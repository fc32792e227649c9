import { canReadUsers, sharesLocation } from "../access/access.rules";
import type { ActorContext } from "../access/actor";
import { type ActorFacts, loadedActorFacts } from "../access/actor-facts";
import { checkId } from "../directory/validate";
import { fail } from "../errors/directory-error";
import { assertAllowed } from "../errors/verdict";
import type { AccountRecord, UserRecord } from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import { type AccountFacts, manageUserVerdict, type UserTarget } from "./users.rules";

/**
 * R5: the user if it exists in the actor's organization and scope; `not_found` otherwise, with the
 * same message whether the id is missing, foreign or out of scope.
 */
export async function visibleUser(tx: StoreTransaction, a: ActorContext, id: unknown): Promise<UserRecord> {
  if (!canReadUsers(a.subject)) throw fail.forbidden();
  const user = await tx.getUser(a.organization.id, checkId(id));
  if (!user || !sharesLocation(a.subject, user.locationAccess)) throw fail.notFound("User not found.");
  return user;
}

/**
 * The facts of the person's account beyond this organization (R7 across organizations, shared
 * sign-in): how many organizations it belongs to, and whether it is the main contact of another.
 *
 * @example const facts = await accountFacts(tx, a.organization.id, account.id);
 */
export async function accountFacts(
  tx: StoreTransaction,
  organizationId: string,
  accountId: string,
): Promise<AccountFacts> {
  const memberships = await tx.listUsersByAccount(accountId);
  let mainContactElsewhere = false;
  for (const m of memberships) {
    if (m.organizationId === organizationId) continue;
    const org = await tx.getOrganization(m.organizationId);
    if (org?.mainContactUserId === m.id) mainContactElsewhere = true;
  }
  return { memberships: memberships.length, mainContactElsewhere };
}

/**
 * A user a write is about, with what the verdicts need: the stored user and account, the
 * {@link UserTarget} facts and the actor's facts, read in the write's transaction.
 */
export interface LoadedTarget {
  readonly user: UserRecord;
  readonly account: AccountRecord;
  readonly target: UserTarget;
  readonly actor: ActorFacts;
}

/**
 * Loads the target of a user read or write: R5 visibility (`not_found`), the account, the actor's
 * facts, and — with `account` — the account's other memberships (for the verdicts of sign-in writes).
 *
 * @example const t = await userTarget(tx, a, id, nowMs, { account: true });
 */
export async function userTarget(
  tx: StoreTransaction,
  a: ActorContext,
  id: unknown,
  nowMs: number,
  options: { readonly account?: boolean } = {},
): Promise<LoadedTarget> {
  const user = await visibleUser(tx, a, id);
  const account = await tx.getAccount(user.accountId);
  if (!account) throw new Error(`Invariant broken: user ${user.id} has no account`);
  const actor = loadedActorFacts(a, await tx.listRoles(a.organization.id));
  const locked = account.lockedUntil !== null && Date.parse(account.lockedUntil) > nowMs;
  const facts = options.account ? await accountFacts(tx, a.organization.id, account.id) : null;
  return { user, account, actor, target: { ...user, locked, account: facts } };
}

/**
 * The target of every user write (update, disable, restore, delete, password reset and reset link,
 * unlock, invitations, and bulk actions, which run these): {@link userTarget}, then the
 * {@link manageUserVerdict} asserted — invisible targets are `not_found`, visible but unmanageable
 * ones `forbidden`, the main contact, to anyone else, `rule`/`main_contact_only` — before the
 * version is compared, so a stale form about someone the actor may not touch hears why not.
 *
 * @example const t = await managedUser(unit.tx, a, id, unit.nowMs);
 */
export async function managedUser(
  tx: StoreTransaction,
  a: ActorContext,
  id: unknown,
  nowMs: number,
  options: { readonly account?: boolean } = {},
): Promise<LoadedTarget> {
  const t = await userTarget(tx, a, id, nowMs, options);
  assertAllowed(manageUserVerdict(t.actor, t.target));
  return t;
}
