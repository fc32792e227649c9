import { describe, expect, it } from "vitest";
import { DirectoryError } from "../errors/directory-error";
import { memoryWorld } from "./memory-world";

async function caught(run: () => Promise<unknown>): Promise<DirectoryError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof DirectoryError) return e;
    throw e;
  }
  throw new Error("expected a DirectoryError");
}

describe("what forms need from core", () => {
  it("R3 roles say whether they make administrators and whether the reader may grant them", async () => {
    const world = await memoryWorld();
    const owner = await world.as(world.owner.id);
    const roles = await owner.roles.list();
    const admin = roles.find((r) => r.template === "administrator");
    const frontDesk = roles.find((r) => r.template === "front_desk");
    expect(admin).toMatchObject({ administrator: true, grantable: true });
    expect(frontDesk).toMatchObject({ administrator: false, grantable: true });

    const scheduler = await owner.roles.create({
      name: "Scheduler",
      permissions: ["calendar.view", "users.view", "roles.manage"],
    });
    const { user } = await owner.users
      .create({
        email: "sched@harbor.example",
        profile: { givenName: "Sam", familyName: "Lee" },
        roleId: scheduler.id,
        locationAccess: "organization",
        primaryLocationId: world.location.id,
        password: "quiet-lantern-meadow-cobalt",
      })
      .then((u) => ({ user: u }));
    const asScheduler = await world.as(user.id);
    const seen = await asScheduler.roles.list();
    expect(seen.find((r) => r.template === "administrator")).toMatchObject({
      administrator: true,
      grantable: false,
    });
    expect(seen.find((r) => r.id === scheduler.id)).toMatchObject({ administrator: false, grantable: true });
  });

  it("rule errors about one field name it, so a form can put the message there", async () => {
    const world = await memoryWorld();
    const owner = await world.as(world.owner.id);
    const roles = await owner.roles.list();
    const roleId = roles.find((r) => r.template === "front_desk")?.id ?? "";
    const second = await owner.locations.create({ name: "Second clinic" });
    const base = {
      email: "field@harbor.example",
      profile: { givenName: "Fi", familyName: "Eld" },
      roleId,
      locationAccess: [world.location.id],
      primaryLocationId: world.location.id,
    };
    const outside = await caught(() => owner.users.invite({ ...base, primaryLocationId: second.id }));
    expect(outside).toMatchObject({ code: "rule", rule: "primary_location_outside_access" });
    expect(outside.issues.map((i) => i.path)).toEqual([["primaryLocationId"]]);

    const mobile = await caught(() => owner.users.invite({ ...base, loginChannels: { mobile: true } }));
    expect(mobile).toMatchObject({ code: "rule", rule: "feature_disabled" });
    expect(mobile.issues.map((i) => i.path)).toEqual([["loginChannels", "mobile"]]);

    const org = await owner.organization.get();
    await owner.organization.update({ features: { mobileApp: true } }, { version: org.version });
    const phone = await caught(() => owner.users.invite({ ...base, loginChannels: { mobile: true } }));
    expect(phone).toMatchObject({ code: "rule", rule: "mobile_needs_phone" });
    expect(phone.issues.map((i) => i.path)).toEqual([["profile", "primaryPhone"]]);
  });
});

describe("organization-wide permissions, licences in use, live sessions", () => {
  it("R4 a location-limited actor does not hold organization-wide permissions, so can() and the service agree", async () => {
    const world = await memoryWorld();
    const owner = await world.as(world.owner.id);
    const lead = await owner.roles.create({
      name: "Site Lead",
      permissions: ["users.view", "users.manage", "roles.manage", "organization.manage", "audit.view"],
    });
    const manager = await owner.users.create({
      email: "lead@harbor.example",
      profile: { givenName: "Lee", familyName: "Lead" },
      roleId: lead.id,
      locationAccess: [world.location.id],
      primaryLocationId: world.location.id,
      password: "quiet-lantern-meadow-cobalt",
    });
    const asLead = await world.as(manager.id);
    const me = await asLead.me();
    expect(me.permissions).toContain("roles.manage");
    for (const p of ["roles.manage", "organization.manage", "audit.view"] as const)
      expect(asLead.can(p)).toBe(false);
    expect(asLead.can("users.manage")).toBe(true);
    await expect(asLead.roles.create({ name: "Mine", permissions: ["users.view"] })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(asLead.audit.list()).rejects.toMatchObject({ code: "forbidden" });
  });

  it("R9 a licence type users hold cannot be removed; usage counts live sessions", async () => {
    const world = await memoryWorld();
    const owner = await world.as(world.owner.id);
    let org = await owner.organization.get();
    org = await owner.organization.update(
      { licenceTypes: [{ key: "mobile", label: "Mobile app", seats: 5 }] },
      { version: org.version },
    );
    const roles = await owner.roles.list();
    await owner.users.invite({
      email: "lic@harbor.example",
      profile: { givenName: "Li", familyName: "Cense" },
      roleId: roles.find((r) => r.template === "front_desk")?.id ?? "",
      locationAccess: [world.location.id],
      primaryLocationId: world.location.id,
      licences: ["mobile"],
    });
    const refused = await owner.organization
      .update({ licenceTypes: [] }, { version: org.version })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "rule", rule: "licence_in_use", details: { users: 1 } });
    expect((await owner.organization.get()).licenceTypes).toHaveLength(1);

    expect((await owner.organization.usage()).concurrent.used).toBe(0);
    await world.auth.signIn({ email: world.owner.email, password: "correct-horse-battery-staple-42" });
    expect((await owner.organization.usage()).concurrent.used).toBe(1);
    world.clock.advance(16 * 60 * 1000);
    expect((await owner.organization.usage()).concurrent.used).toBe(0);
  });
});
