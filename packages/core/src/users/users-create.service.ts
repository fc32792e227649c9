import type * as z from "zod/mini";
import { type ActorContext, actorName } from "../access/actor";
import { loadedActorFacts } from "../access/actor-facts";
import { auditActor, auditTarget, diff } from "../audit/audit-writer";
import { checkNewPassword } from "../auth/new-password";
import { normalizePassword } from "../auth/password.rules";
import type { Unit } from "../directory/context";
import { type ActorSession, writeOp } from "../directory/runner";
import { parseInput } from "../directory/validate";
import { fail } from "../errors/directory-error";
import { assertAllowed } from "../errors/verdict";
import { checkSeats } from "../organization/seats.rules";
import type { PasswordHasher } from "../ports/password-hasher";
import type { AccountRecord, UserRecord } from "../store/records";
import { newToken, queueInvitationMail } from "./invitation-mail";
import { displayName, type User } from "./user.schema";
import { createUserVerdict, organizationFacts } from "./user-fields.rules";
import { CreateUserInputSchema, InviteUserInputSchema } from "./user-input.schema";
import { newUserRecord } from "./user-record";
import type { InviteResult } from "./user-results.schema";
import { invitationSummary, userView } from "./user-view";

/** The create verdict (R2, R3, R8, R10, R11) for a user about to be created or invited, then R9's count rule. */
async function admit(unit: Unit, a: ActorContext, record: UserRecord): Promise<void> {
  const actor = loadedActorFacts(a, await unit.tx.listRoles(a.organization.id));
  const org = organizationFacts(a.organization, await unit.tx.listLocations(a.organization.id));
  assertAllowed(createUserVerdict(actor, org, record));
  await checkSeats(unit.tx, a.organization, null, record);
}

const privilegeChanges = (u: UserRecord) =>
  diff({}, u, ["roleId", "locationAccess", "primaryLocationId", "status"]);

/**
 * W1: create an active user, with a password (R16) or without one: then the account has no password
 * until the person sets one through a reset link, and sign-in refuses it like a wrong one (R17).
 */
export async function createUser(s: ActorSession, raw: unknown): Promise<User> {
  const input = parseInput(CreateUserInputSchema, raw);
  const hashed =
    input.password === undefined ? null : s.ctx.passwords.hash(normalizePassword(input.password));
  hashed?.catch(() => undefined);
  return writeOp(s, (unit, a) => createUserIn(s, unit, a, input, hashed), [`email:${input.email}`]);
}

/**
 * W1 inside a unit the caller opened (and locked: the organization and `email:<email>`): every check
 * of {@link createUser} runs before the first write, so a refusal leaves the unit untouched. The CSV
 * import runs it per row.
 *
 * @example await writeOp(s, (unit, a) => createUserIn(s, unit, a, parseInput(CreateUserInputSchema, raw), null));
 */
export async function createUserIn(
  s: ActorSession,
  unit: Unit,
  a: ActorContext,
  input: z.infer<typeof CreateUserInputSchema>,
  hashed: ReturnType<PasswordHasher["hash"]> | null,
): Promise<User> {
  const id = s.ctx.ids("user");
  const accountId = s.ctx.ids("account");
  const record = newUserRecord(
    input,
    { id, organizationId: a.organization.id, accountId },
    "active",
    unit.now,
    input.mustChangePassword ?? false,
  );
  await admit(unit, a, record);
  const existing = await unit.tx.findAccountByEmail(input.email);
  if (existing) {
    const member = await unit.tx.findUserByAccount(a.organization.id, existing.id);
    throw member
      ? fail.conflict("A user with this email already exists.", [
          { path: ["email"], code: "duplicate_email", message: "A user with this email already exists." },
        ])
      : fail.conflict("This person already has an account with another organization. Invite them instead.", [
          {
            path: ["email"],
            code: "existing_account",
            message: "This person already has an account. Invite them instead.",
          },
        ]);
  }
  if (input.password !== undefined) {
    await checkNewPassword(s.ctx, input.password, {
      email: input.email,
      givenName: record.profile.givenName,
      familyName: record.profile.familyName,
      organizationName: a.organization.name,
    });
  }
  const account: AccountRecord = {
    id: accountId,
    email: input.email,
    password: hashed ? await hashed : null,
    failedSignIns: 0,
    lockouts: 0,
    lockedUntil: null,
    lastSignInAt: null,
    passwordChangedAt: hashed ? unit.now : null,
    version: 1,
    createdAt: unit.now,
    updatedAt: unit.now,
  };
  if (!(await unit.tx.insertAccount(account))) {
    throw fail.conflict("A user with this email already exists.", [
      { path: ["email"], code: "duplicate_email", message: "A user with this email already exists." },
    ]);
  }
  await unit.tx.insertUser(record);
  await auditActor(s.ctx, unit, a, {
    action: "user.created",
    target: { type: "user", id, label: displayName(record.profile) },
    changes: {
      ...privilegeChanges(record),
      mustChangePassword: { before: null, after: record.mustChangePassword },
    },
  });
  return userView(unit.tx, record, unit.nowMs);
}

/** W2: create a pending user and email a single-use invitation. */
export async function inviteUser(s: ActorSession, raw: unknown): Promise<InviteResult> {
  const input = parseInput(InviteUserInputSchema, raw);
  return writeOp(s, (unit, a) => inviteUserIn(s, unit, a, input), [`email:${input.email}`]);
}

/**
 * W2 inside a unit the caller opened (and locked: the organization and `email:<email>`): every check
 * runs before the first write. The CSV import runs it per row.
 *
 * @example await writeOp(s, (unit, a) => inviteUserIn(s, unit, a, parseInput(InviteUserInputSchema, raw)));
 */
export async function inviteUserIn(
  s: ActorSession,
  unit: Unit,
  a: ActorContext,
  input: z.infer<typeof InviteUserInputSchema>,
): Promise<InviteResult> {
  const existing = await unit.tx.findAccountByEmail(input.email);
  const accountId = existing?.id ?? s.ctx.ids("account");
  const record = newUserRecord(
    input,
    { id: s.ctx.ids("user"), organizationId: a.organization.id, accountId },
    "pending",
    unit.now,
    false,
  );
  await admit(unit, a, record);
  if (existing) {
    if (await unit.tx.findUserByAccount(a.organization.id, existing.id)) {
      throw fail.conflict("A user with this email already exists.", [
        { path: ["email"], code: "duplicate_email", message: "A user with this email already exists." },
      ]);
    }
  } else {
    const account: AccountRecord = {
      id: accountId,
      email: input.email,
      password: null,
      failedSignIns: 0,
      lockouts: 0,
      lockedUntil: null,
      lastSignInAt: null,
      passwordChangedAt: null,
      version: 1,
      createdAt: unit.now,
      updatedAt: unit.now,
    };
    if (!(await unit.tx.insertAccount(account))) {
      throw fail.conflict("A user with this email already exists.", [
        { path: ["email"], code: "duplicate_email", message: "A user with this email already exists." },
      ]);
    }
  }
  if (!(await unit.tx.insertUser(record))) {
    throw fail.conflict("A user with this email already exists.", [
      { path: ["email"], code: "duplicate_email", message: "A user with this email already exists." },
    ]);
  }
  const { token, hash } = await newToken();
  const invitation = {
    id: s.ctx.ids("invitation"),
    organizationId: a.organization.id,
    userId: record.id,
    email: record.email,
    tokenHash: hash,
    invitedBy: a.user?.id ?? null,
    sentCount: 1,
    lastSentAt: unit.now,
    expiresAt: new Date(unit.nowMs + s.ctx.policy.invitationTtlMs).toISOString(),
    revokedAt: null,
    acceptedAt: null,
    createdAt: unit.now,
  };
  await unit.tx.insertInvitation(invitation);
  queueInvitationMail(s.ctx, unit, a.organization, record, token, actorName(a));
  await auditActor(s.ctx, unit, a, {
    action: "user.invited",
    target: auditTarget.user(record),
    changes: privilegeChanges(record),
  });
  return {
    user: await userView(unit.tx, record, unit.nowMs),
    invitation: invitationSummary(invitation, unit.nowMs),
  };
}
