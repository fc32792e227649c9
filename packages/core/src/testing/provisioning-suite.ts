import { describe, expect, it } from "vitest";
import type { Actor } from "../access/access.schema";
import type { StaffDirectory } from "../directory/staff-directory";
import type { ProvisioningToken } from "../provisioning/provisioning.schema";
import type { LocationAccess } from "../users/user.schema";
import { expectError } from "./conformance/errors-expect";
import {
  addLocation,
  auditEvents,
  type Ctx,
  createStaff,
  expectNoChange,
  setup,
  staffInput,
  type TemplateKey,
  templateRole,
} from "./conformance/helpers";
import type { StoreWorld } from "./memory-world";

const MINUTE = 60_000;
/** The identity provider's request metadata: a server, not a person. */
const IDP = { ip: "192.0.2.10", userAgent: "Okta SCIM Client 1.0", requestId: "idp-req-1" };

interface TokenCtx extends Ctx {
  readonly world: StoreWorld;
}

/** A token of the world's organization, authenticated: its record, secret, actor and directory. */
async function provisioningToken(
  ctx: TokenCtx,
  options: { roles?: readonly TemplateKey[]; locationAccess?: LocationAccess; label?: string } = {},
): Promise<{ token: ProvisioningToken; secret: string; actor: Actor; idp: StaffDirectory }> {
  const roleIds: string[] = [];
  for (const key of options.roles ?? ["front_desk", "provider", "read_only"])
    roleIds.push((await templateRole(ctx, key)).id);
  const { token, secret } = await ctx.owner.provisioning.createToken({
    label: options.label ?? "Okta",
    roleIds,
    locationAccess: options.locationAccess ?? "organization",
  });
  const actor = await ctx.world.directory.provisioning.authenticate(secret, IDP);
  return { token, secret, actor, idp: ctx.world.directory.forActor(actor) };
}

async function start(factory: () => Promise<StoreWorld>): Promise<TokenCtx> {
  return (await setup(factory)) as TokenCtx;
}

/**
 * A provisioning token as an actor (local wirings: `directory.provisioning.authenticate` and
 * `forActor`): every rule applies to it as to a person — R2 (users only), R3 (its roles), R4 (its
 * locations), R5, R6/R7 (administrators and the main contact are out of its reach), R9 (seats),
 * R12, R13/R18 (one event per write, the token as actor, its label chained and no personal part),
 * R15 (secrets), W6 (a deleted user's identity-provider attributes go too). Run it on every store.
 *
 * @example runProvisioningSuite("memory", () => memoryWorld());
 */
export function runProvisioningSuite(name: string, factory: () => Promise<StoreWorld>): void {
  describe(`Staffroom provisioning tokens as actors: ${name}`, () => {
    it("R15 authenticate: an unknown, malformed or revoked secret is unauthenticated, and a revoked token's actor can no longer act", async () => {
      const ctx = await start(factory);
      const { token, secret, actor, idp } = await provisioningToken(ctx);
      expect(actor).toEqual({ organizationId: ctx.world.organization.id, userId: token.id, metadata: IDP });
      for (const bad of ["", "x".repeat(600), `${secret}x`, secret.slice(1), "Bearer", "sec\u0000ret"])
        await expectError(ctx.world.directory.provisioning.authenticate(bad), { code: "unauthenticated" });
      expect((await idp.users.list({})).total).toBeGreaterThan(0);
      await ctx.owner.provisioning.revokeToken(token.id, { version: token.version });
      await expectError(ctx.world.directory.provisioning.authenticate(secret), { code: "unauthenticated" });
      await expectError(idp.users.list({}), { code: "unauthenticated" });
      await expectError(idp.users.create(await staffInput(ctx)), { code: "unauthenticated" });
      // Forging an actor with a token id of another organization names nobody.
      const elsewhere = await ctx.world.bootstrapAnother();
      const forged = ctx.world.directory.forActor({
        organizationId: elsewhere.organization.id,
        userId: token.id,
      });
      await expectError(forged.users.list({}), { code: "unauthenticated" });
    });

    it("R15 lastUsedAt records a use at most once a minute, without making an administrator's revocation stale", async () => {
      const ctx = await start(factory);
      const { token, secret } = await provisioningToken(ctx);
      const [used] = await ctx.owner.provisioning.tokens();
      expect(used?.lastUsedAt).toBe(new Date(ctx.world.clock.now()).toISOString());
      ctx.world.clock.advance(30_000);
      await ctx.world.directory.provisioning.authenticate(secret);
      expect((await ctx.owner.provisioning.tokens())[0]?.lastUsedAt).toBe(used?.lastUsedAt);
      ctx.world.clock.advance(MINUTE);
      await ctx.world.directory.provisioning.authenticate(secret);
      const later = (await ctx.owner.provisioning.tokens())[0];
      expect(later?.lastUsedAt).toBe(new Date(ctx.world.clock.now()).toISOString());
      expect(later?.version).toBe(token.version);
      expect(
        (await ctx.owner.provisioning.revokeToken(token.id, { version: token.version })).revokedAt,
      ).not.toBeNull();
    });

    it("R2 a token reads and manages users only: no audit, roles, locations, organization or provisioning writes, and no me()", async () => {
      const ctx = await start(factory);
      const { token, idp } = await provisioningToken(ctx);
      await expectNoChange(ctx, async () => {
        await expectError(idp.me(), { code: "forbidden" });
        await expectError(idp.audit.list({}), { code: "forbidden" });
        await expectError(idp.audit.verify(), { code: "forbidden" });
        await expectError(idp.roles.create({ name: "Sneaky", permissions: ["users.view"] }), {
          code: "forbidden",
        });
        await expectError(idp.locations.create({ name: "Sneaky" }), { code: "forbidden" });
        const org = await ctx.owner.organization.get();
        await expectError(idp.organization.update({ name: "Sneaky" }, { version: org.version }), {
          code: "forbidden",
        });
        await expectError(idp.provisioning.tokens(), { code: "forbidden" });
        await expectError(idp.provisioning.revokeToken(token.id, { version: token.version }), {
          code: "forbidden",
        });
        await expectError(
          idp.provisioning.createToken({
            label: "Child",
            roleIds: token.roleIds.slice(),
            locationAccess: "organization",
          }),
          { code: "forbidden" },
        );
        await expectError(idp.provisioning.updateSettings({ defaultRoleId: null }, { version: 0 }), {
          code: "forbidden",
        });
      });
      expect((await idp.provisioning.settings()).version).toBe(0);
      expect((await idp.roles.list()).length).toBeGreaterThan(0);
      expect((await idp.locations.list()).length).toBeGreaterThan(0);
    });

    it("R3 a token gives only the roles it may grant, and manages only users who hold one of them", async () => {
      const ctx = await start(factory);
      const { idp } = await provisioningToken(ctx, { roles: ["front_desk"] });
      const billing = await templateRole(ctx, "billing_manager");
      const frontDesk = await templateRole(ctx, "front_desk");
      const billingInput = await staffInput(ctx, { role: billing });
      await expectNoChange(ctx, async () => {
        const refused = await expectError(idp.users.create(billingInput), { code: "forbidden" });
        expect(refused.message).toBe("This provisioning token may not give this role.");
      });
      const created = await idp.users.create(await staffInput(ctx, { role: frontDesk }));
      await expectError(idp.users.update(created.id, { roleId: billing.id }, { version: created.version }), {
        code: "forbidden",
      });
      const accountant = await createStaff(ctx, { role: "billing_manager" });
      await expectNoChange(ctx, async () => {
        const refused = await expectError(idp.users.disable(accountant.id, { version: accountant.version }), {
          code: "forbidden",
        });
        expect(refused.message).toBe("This user holds a role this provisioning token may not manage.");
        await expectError(
          idp.users.update(accountant.id, { profile: { jobTitle: "x" } }, { version: accountant.version }),
          { code: "forbidden" },
        );
        await expectError(
          idp.provisioning.setAttributes(accountant.id, { externalId: "x" }, { version: accountant.version }),
          { code: "forbidden" },
        );
      });
      const grantable = (await idp.roles.list()).filter((r) => r.grantable).map((r) => r.id);
      expect(grantable).toEqual([frontDesk.id]);
    });

    it("R4 a token limited to locations sees only users sharing them and gives only its own locations", async () => {
      const ctx = await start(factory);
      const eastside = await addLocation(ctx, "Eastside");
      const { idp } = await provisioningToken(ctx, { locationAccess: [eastside.id] });
      const here = await createStaff(ctx, { locations: [ctx.location] });
      const there = await createStaff(ctx, { locations: [eastside] });
      const ids = (await idp.users.list({ limit: 200 })).items.map((u) => u.id);
      expect(ids).toContain(there.id);
      expect(ids).not.toContain(here.id);
      await expectError(idp.users.get(here.id), { code: "not_found" });
      await expectNoChange(ctx, async () => {
        await expectError(idp.users.create(await staffInput(ctx, { locations: [ctx.location] })), {
          code: "forbidden",
        });
        await expectError(
          idp.users.update(
            there.id,
            { locationAccess: [eastside.id, ctx.location.id] },
            { version: there.version },
          ),
          { code: "forbidden" },
        );
      });
      expect(
        (await idp.users.create(await staffInput(ctx, { locations: [eastside] }))).locationAccess,
      ).toEqual([eastside.id]);
    });

    it("R4/R5 a token limited to a clinic sees every role as a group but only its own clinics' mapped groups", async () => {
      const ctx = await start(factory);
      const eastside = await addLocation(ctx, "Eastside");
      const settings = await ctx.owner.provisioning.updateSettings(
        {
          groups: [
            { displayName: "Eastside Clinic staff", locationAccess: [eastside.id] },
            { displayName: "Main clinic staff", locationAccess: [ctx.world.location.id] },
            { displayName: "Both clinics", locationAccess: [eastside.id, ctx.world.location.id] },
          ],
        },
        { version: 0 },
      );
      const { idp } = await provisioningToken(ctx, { locationAccess: [eastside.id] });
      const groups = await idp.provisioning.groups();
      const mapped = groups.filter((g) => g.mapped);
      expect(mapped.map((g) => [g.displayName, g.locationAccess])).toEqual([
        ["Eastside Clinic staff", [eastside.id]],
        ["Both clinics", [eastside.id]],
      ]);
      expect(groups.filter((g) => !g.mapped).length).toBe((await ctx.owner.roles.list()).length);
      expect((await ctx.owner.provisioning.groups()).filter((g) => g.mapped).length).toBe(
        settings.groups.length,
      );
    });

    it("R5 a token of one organization reads and writes nothing of another", async () => {
      const ctx = await start(factory);
      const { idp } = await provisioningToken(ctx);
      const elsewhere = await ctx.world.bootstrapAnother();
      await expectError(idp.users.get(elsewhere.owner.id), { code: "not_found" });
      await expectError(
        idp.provisioning.setAttributes(
          elsewhere.owner.id,
          { externalId: "x" },
          { version: elsewhere.owner.version },
        ),
        { code: "not_found" },
      );
      expect(await idp.provisioning.findUser({ email: elsewhere.owner.email })).toBeNull();
      expect(await idp.provisioning.attributes([elsewhere.owner.id])).toEqual([]);
    });

    it("R6/R7 a token cannot disable, demote, delete or edit the main contact or an administrator", async () => {
      const ctx = await start(factory);
      const { idp } = await provisioningToken(ctx, { roles: ["front_desk", "administrator"] });
      const owner = await ctx.owner.users.get(ctx.world.owner.id);
      const frontDesk = await templateRole(ctx, "front_desk");
      const admin = await createStaff(ctx, { role: "administrator", locations: "organization" });
      await expectNoChange(ctx, async () => {
        await expectError(idp.users.disable(owner.id, { version: owner.version }), {
          code: "rule",
          rule: "main_contact_only",
        });
        await expectError(
          idp.users.update(owner.id, { profile: { jobTitle: "x" } }, { version: owner.version }),
          {
            code: "rule",
            rule: "main_contact_only",
          },
        );
        await expectError(idp.users.disable(admin.id, { version: admin.version }), {
          code: "rule",
          rule: "main_contact_only",
        });
        await expectError(idp.users.update(admin.id, { roleId: frontDesk.id }, { version: admin.version }), {
          code: "rule",
          rule: "main_contact_only",
        });
      });
    });

    it("R9 users a token creates take named seats: beyond them it is refused seat_limit and writes nothing", async () => {
      const ctx = await start(factory);
      const { idp } = await provisioningToken(ctx);
      const org = await ctx.owner.organization.get();
      const usage = await ctx.owner.organization.usage();
      await ctx.owner.organization.update(
        { seats: { ...org.seats, named: usage.named.used + 1 } },
        { version: org.version },
      );
      await idp.users.create(await staffInput(ctx));
      const { password: _password, ...invite } = await staffInput(ctx);
      const create = await staffInput(ctx);
      await expectNoChange(ctx, async () => {
        await expectError(idp.users.create(create), { code: "rule", rule: "seat_limit" });
        await expectError(idp.users.invite(invite), { code: "rule", rule: "seat_limit" });
      });
    });

    it("R13/R18 each write of a token is one event with the token as actor: its label and the request's address stay chained, no personal part is made for it, and verify() holds", async () => {
      const ctx = await start(factory);
      const { token, idp } = await provisioningToken(ctx, { label: "Entra ID (Harbor)" });
      const before = (await auditEvents(ctx.owner)).length;
      const created = await idp.users.create(
        await staffInput(ctx, { email: "jo.okafor@staff.harbor.example" }),
      );
      const tagged = await idp.provisioning.setAttributes(
        created.id,
        { externalId: "aad-42" },
        { version: created.version },
      );
      const disabled = await idp.users.disable(created.id, { version: tagged.version });
      await idp.users.delete(created.id, { version: disabled.version });
      const events = await auditEvents(ctx.owner);
      expect(events.length).toBe(before + 4);
      expect(events.slice(0, 4).map((e) => e.action)).toEqual([
        "user.deleted",
        "user.disabled",
        "user.updated",
        "user.created",
      ]);
      for (const event of events.slice(0, 4)) {
        expect(event.actor).toEqual({
          userId: token.id,
          email: null,
          erased: false,
          label: "Entra ID (Harbor)",
        });
        expect(event.metadata).toEqual(IDP);
      }
      expect((await ctx.owner.audit.list({ actorId: token.id })).total).toBe(4);
      const verified = await ctx.owner.audit.verify();
      expect(verified).toMatchObject({ ok: true, problem: null });
      // The deleted person is gone from every event; the token's label is not theirs and stays.
      const text = JSON.stringify(events);
      for (const value of ["jo.okafor", "aad-42"]) expect(text).not.toContain(value);
      expect(text).toContain("Entra ID (Harbor)");
    });

    it("W6 deleting a provisioned user erases their identity-provider attributes: no look-up finds them, and the external id is free again", async () => {
      const ctx = await start(factory);
      const { idp } = await provisioningToken(ctx);
      const created = await idp.users.create(await staffInput(ctx));
      const tagged = await idp.provisioning.setAttributes(
        created.id,
        { externalId: "00u-erase-me", employeeNumber: "E-9", department: "Radiology" },
        { version: created.version },
      );
      expect((await idp.provisioning.findUser({ externalId: "00u-erase-me" }))?.id).toBe(created.id);
      const disabled = await idp.users.disable(created.id, { version: tagged.version });
      await idp.users.delete(created.id, { version: disabled.version });
      expect(await idp.provisioning.findUser({ externalId: "00u-erase-me" })).toBeNull();
      expect(await idp.provisioning.attributes([created.id])).toEqual([]);
      const next = await idp.users.create(await staffInput(ctx));
      const reused = await idp.provisioning.setAttributes(
        next.id,
        { externalId: "00u-erase-me" },
        { version: next.version },
      );
      expect((await idp.provisioning.findUser({ externalId: "00u-erase-me" }))?.id).toBe(reused.id);
    });
  });
}
