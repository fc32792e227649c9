import { writeAudit } from "../audit/audit-writer";
import { checkNewPassword } from "../auth/new-password";
import { normalizePassword } from "../auth/password.rules";
import type { ServiceContext, Unit } from "../directory/context";
import { mergeDefined } from "../directory/merge";
import { parseInput } from "../directory/validate";
import { fail } from "../errors/directory-error";
import { assertAllowed } from "../errors/verdict";
import type { AccountRecord, LocationRecord, RoleRecord, UserRecord } from "../store/records";
import { newUserRecord } from "../users/user-record";
import { toUser } from "../users/user-view";
import { type BootstrapInput, type BootstrapResult, BootstrapSchema } from "./bootstrap.schema";
import {
  DEFAULT_FEATURES,
  DEFAULT_PROVIDER_TYPES,
  type Organization,
  type Seats,
} from "./organization.schema";
import { defaultSessionLimits, sessionLimitsVerdict } from "./session-limits.rules";

/**
 * Creates an organization with its first location (R8), the role templates and its owner: an
 * active, org-wide Administrator and the main contact (R6, R7). One audit event per thing made.
 */
export async function bootstrap(ctx: ServiceContext, raw: BootstrapInput): Promise<BootstrapResult> {
  const input = parseInput(BootstrapSchema, raw);
  const sessionLimits = mergeDefined(defaultSessionLimits(ctx.policy), input.organization.sessionLimits);
  assertAllowed(sessionLimitsVerdict(sessionLimits, ["organization"]));
  await checkNewPassword(
    ctx,
    input.owner.password,
    {
      email: input.owner.email,
      givenName: input.owner.profile.givenName,
      familyName: input.owner.profile.familyName,
      organizationName: input.organization.name,
    },
    ["owner", "password"],
  );
  const passwordHash = await ctx.passwords.hash(normalizePassword(input.owner.password));
  const orgId = ctx.ids("organization");
  const userId = ctx.ids("user");
  return ctx.store.transaction(
    async (tx) => {
      const nowMs = ctx.clock.now();
      const now = new Date(nowMs).toISOString();
      const unit: Unit = { tx, now, nowMs, mail: [], actor: { organizationId: orgId, userId } };
      if (await tx.findAccountByEmail(input.owner.email)) {
        throw fail.conflict("An account with this email already exists.", [
          {
            path: ["owner", "email"],
            code: "duplicate_email",
            message: "An account with this email already exists.",
          },
        ]);
      }
      const o = input.organization;
      const organization: Organization = {
        id: orgId,
        name: o.name,
        features: mergeDefined(DEFAULT_FEATURES, o.features),
        seats: mergeDefined<Seats>({ named: null, concurrent: null, practitioners: null }, o.seats),
        licenceTypes: o.licenceTypes ?? [],
        providerTypes: o.providerTypes ?? DEFAULT_PROVIDER_TYPES,
        sessionLimits,
        mainContactUserId: userId,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insertOrganization(organization);
      const audit = (action: string, type: string, id: string, label: string) =>
        writeAudit(ctx, unit, {
          organizationId: orgId,
          action,
          target: { type, id, label },
          actorEmail: input.owner.email,
        });
      await audit("organization.created", "organization", orgId, organization.name);
      const location: LocationRecord = {
        id: ctx.ids("location"),
        organizationId: orgId,
        name: input.location.name,
        group: input.location.group || null,
        archived: false,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insertLocation(location);
      await audit("location.created", "location", location.id, location.name);
      let adminRole: RoleRecord | null = null;
      for (const t of ctx.templates) {
        const role: RoleRecord = {
          id: ctx.ids("role"),
          organizationId: orgId,
          name: t.name,
          description: t.description,
          permissions: t.permissions.filter((p) => ctx.catalog.has(p)),
          template: t.key,
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        await tx.insertRole(role);
        await audit("role.created", "role", role.id, role.name);
        if (!adminRole && role.permissions.includes("users.manage")) adminRole = role;
      }
      if (!adminRole)
        throw new Error("The role templates must include one with users.manage (the Administrator)");
      const accountId = ctx.ids("account");
      const account: AccountRecord = {
        id: accountId,
        email: input.owner.email,
        password: passwordHash,
        failedSignIns: 0,
        lockouts: 0,
        lockedUntil: null,
        lastSignInAt: null,
        passwordChangedAt: now,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      if (!(await tx.insertAccount(account))) {
        throw fail.conflict("An account with this email already exists.", [
          {
            path: ["owner", "email"],
            code: "duplicate_email",
            message: "An account with this email already exists.",
          },
        ]);
      }
      const user: UserRecord = newUserRecord(
        {
          email: input.owner.email,
          profile: input.owner.profile,
          roleId: adminRole.id,
          locationAccess: "organization",
          primaryLocationId: location.id,
        },
        { id: userId, organizationId: orgId, accountId },
        "active",
        now,
        false,
      );
      await tx.insertUser(user);
      await audit("user.created", "user", user.id, `${user.profile.givenName} ${user.profile.familyName}`);
      return { organization, location, user: toUser(user, account, nowMs) };
    },
    { lock: [orgId, `email:${input.owner.email}`].sort() },
  );
}
