import { describe, expect, it } from "vitest";
import { DirectoryError } from "../errors/directory-error";
import { memoryWorld } from "../testing/memory-world";

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
  it("roles say whether they make administrators and whether the reader may grant them", async () => {
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
