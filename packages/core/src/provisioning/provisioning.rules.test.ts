import { describe, expect, it } from "vitest";
import type { ActorFacts } from "../access/actor-facts";
import { DirectoryError } from "../errors/directory-error";
import { accessGrantVerdict, manageUserVerdict, roleGrantVerdict } from "../users/users.rules";
import {
  directoryGroups,
  type GroupMemberFacts,
  isGroupMember,
  joinGroupPatch,
  leaveGroupPatch,
  provisionedUserStart,
  tokenSubject,
} from "./provisioning.rules";
import type { DirectoryGroup } from "./provisioning.schema";

const FRONT = "rol_front000000";
const PROVIDER = "rol_provider0000";
const READER = "rol_reader000000";
const DOWN = "loc_downtown0000";
const BAY = "loc_bayview00000";
const NORTH = "loc_northside000";

const group = (id: string, g: Partial<DirectoryGroup>): DirectoryGroup => ({
  id,
  displayName: id,
  roleId: null,
  locationAccess: null,
  mapped: true,
  createdAt: null,
  updatedAt: null,
  version: 0,
  ...g,
});
const frontGroup = group(FRONT, { roleId: FRONT, mapped: false });
const nurses = group("grp_nurses00000", { roleId: PROVIDER });
const downtown = group("grp_downtown000", { locationAccess: [DOWN] });
const downAndBay = group("grp_downbay0000", { locationAccess: [DOWN, BAY] });
const everywhere = group("grp_everywhere0", { locationAccess: "organization" });
const GROUPS = [frontGroup, nurses, downtown, downAndBay, everywhere];
const SETTINGS = { defaultRoleId: READER, defaultLocationAccess: [NORTH], defaultPrimaryLocationId: NORTH };

const user = (u: Partial<GroupMemberFacts>): GroupMemberFacts => ({
  roleId: READER,
  locationAccess: [NORTH],
  primaryLocationId: NORTH,
  ...u,
});

function ruleError(run: () => unknown): DirectoryError {
  try {
    run();
  } catch (error) {
    if (error instanceof DirectoryError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("group membership, derived from the user (README: groups and roles)", () => {
  it("a role group holds the users with its role; a location group those with all its locations; org-wide users only the org-wide group", () => {
    expect(isGroupMember(user({ roleId: FRONT }), frontGroup)).toBe(true);
    expect(isGroupMember(user({ roleId: PROVIDER }), frontGroup)).toBe(false);
    expect(isGroupMember(user({ roleId: PROVIDER }), nurses)).toBe(true);
    expect(isGroupMember(user({ locationAccess: [BAY, DOWN] }), downtown)).toBe(true);
    expect(isGroupMember(user({ locationAccess: [DOWN] }), downAndBay)).toBe(false);
    expect(isGroupMember(user({ locationAccess: "organization" }), downtown)).toBe(false);
    expect(isGroupMember(user({ locationAccess: "organization" }), everywhere)).toBe(true);
    expect(isGroupMember(user({ locationAccess: [DOWN, BAY, NORTH] }), everywhere)).toBe(false);
  });

  it("joining a role group gives its role (the last group joined wins); joining a location group adds its locations and keeps the primary", () => {
    expect(joinGroupPatch(user({ roleId: PROVIDER }), frontGroup)).toEqual({ roleId: FRONT });
    expect(joinGroupPatch(user({ roleId: FRONT }), frontGroup)).toBeNull();
    expect(joinGroupPatch(user({}), downAndBay)).toEqual({
      locationAccess: [NORTH, DOWN, BAY],
      primaryLocationId: NORTH,
    });
    expect(joinGroupPatch(user({ locationAccess: [DOWN, BAY] }), downtown)).toBeNull();
    expect(joinGroupPatch(user({}), everywhere)).toEqual({
      locationAccess: "organization",
      primaryLocationId: NORTH,
    });
    expect(joinGroupPatch(user({ locationAccess: "organization" }), downtown)).toBeNull();
  });

  it("leaving a role group gives the default role; leaving one's own default role's group changes nothing; a non-member changes nothing", () => {
    expect(leaveGroupPatch(user({ roleId: FRONT }), frontGroup, GROUPS, SETTINGS)).toEqual({
      roleId: READER,
    });
    expect(leaveGroupPatch(user({ roleId: PROVIDER }), frontGroup, GROUPS, SETTINGS)).toBeNull();
    const readerGroup = group(READER, { roleId: READER, mapped: false });
    expect(leaveGroupPatch(user({ roleId: READER }), readerGroup, GROUPS, SETTINGS)).toBeNull();
  });

  it("R8 leaving a location group keeps the locations other groups of the user give and those given outside groups, and moves the primary inside what remains", () => {
    // In Downtown (twice: alone and with Bayview) and Northside (given in Staffroom); primary Downtown.
    const jane = user({ locationAccess: [NORTH, DOWN, BAY], primaryLocationId: DOWN });
    expect(leaveGroupPatch(jane, downtown, GROUPS, SETTINGS)).toBeNull();
    expect(leaveGroupPatch(jane, downAndBay, GROUPS, SETTINGS)).toEqual({
      locationAccess: [NORTH, DOWN],
      primaryLocationId: DOWN,
    });
    const sam = user({ locationAccess: [DOWN, BAY], primaryLocationId: BAY });
    expect(leaveGroupPatch(sam, downAndBay, [frontGroup, downAndBay], SETTINGS)).toEqual({
      locationAccess: [NORTH],
      primaryLocationId: NORTH,
    });
    const lee = user({ locationAccess: [NORTH, BAY, DOWN], primaryLocationId: BAY });
    expect(
      leaveGroupPatch(lee, downAndBay, [downAndBay], { ...SETTINGS, defaultPrimaryLocationId: NORTH }),
    ).toEqual({
      locationAccess: [NORTH],
      primaryLocationId: NORTH,
    });
  });

  it("R8 leaving the org-wide group or the last locations gives the default locations and primary", () => {
    const wide = user({ locationAccess: "organization", primaryLocationId: BAY });
    expect(leaveGroupPatch(wide, everywhere, GROUPS, SETTINGS)).toEqual({
      locationAccess: [NORTH],
      primaryLocationId: NORTH,
    });
    expect(
      leaveGroupPatch(wide, everywhere, GROUPS, { ...SETTINGS, defaultLocationAccess: "organization" }),
    ).toEqual({
      locationAccess: "organization",
      primaryLocationId: BAY,
    });
    expect(leaveGroupPatch(wide, downtown, GROUPS, SETTINGS)).toBeNull();
  });

  it("a needed default that is not configured is rule invalid_state, naming Settings › Provisioning", () => {
    const none = { defaultRoleId: null, defaultLocationAccess: null, defaultPrimaryLocationId: null };
    const role = ruleError(() => leaveGroupPatch(user({ roleId: FRONT }), frontGroup, GROUPS, none));
    expect(role).toMatchObject({ code: "rule", rule: "invalid_state" });
    expect(role.message).toContain("Settings › Provisioning");
    const place = ruleError(() => leaveGroupPatch(user({ locationAccess: [DOWN] }), downtown, GROUPS, null));
    expect(place).toMatchObject({ code: "rule", rule: "invalid_state" });
    expect(ruleError(() => provisionedUserStart(none))).toMatchObject({
      code: "rule",
      rule: "invalid_state",
    });
    expect(provisionedUserStart(SETTINGS)).toEqual({
      roleId: READER,
      locationAccess: [NORTH],
      primaryLocationId: NORTH,
    });
  });

  it("directoryGroups lists roles by name, then mapped groups, leaving out mappings whose role or every location is gone", () => {
    const groups = directoryGroups(
      [
        { id: FRONT, name: "Front Desk" },
        { id: READER, name: "Read-only Staff" },
      ],
      {
        groups: [
          { id: "grp_a000000000", displayName: "Nurses", roleId: PROVIDER, locationAccess: null },
          { id: "grp_b000000000", displayName: "Reception", roleId: FRONT, locationAccess: null },
          {
            id: "grp_c000000000",
            displayName: "Gone clinic",
            roleId: null,
            locationAccess: ["loc_gone00000000"],
          },
          {
            id: "grp_d000000000",
            displayName: "Downtown staff",
            roleId: null,
            locationAccess: [DOWN, "loc_gone00000000"],
          },
        ],
      },
      new Set([DOWN, BAY]),
    );
    expect(groups.map((g) => [g.id, g.displayName, g.mapped])).toEqual([
      [FRONT, "Front Desk", false],
      [READER, "Read-only Staff", false],
      ["grp_b000000000", "Reception", true],
      ["grp_d000000000", "Downtown staff", true],
    ]);
    expect(groups[3]?.locationAccess).toEqual([DOWN]);
  });
});

const frontDeskToken = () =>
  tokenSubject({
    id: "ptk_0000000001",
    organizationId: "org_0000000001",
    label: "Okta",
    secretHash: "h",
    roleIds: [FRONT],
    locationAccess: [DOWN],
    createdBy: null,
    createdAt: "2026-01-05T09:00:00.000Z",
    lastUsedAt: null,
    revokedAt: null,
    version: 1,
  });

describe("a provisioning token's access subject (R2–R4)", () => {
  it("R2/R3/R4 holds users.view and users.manage only, grants its roles only, and is limited to its locations; never the main contact", () => {
    const subject = frontDeskToken();
    expect([...subject.permissions].sort()).toEqual(["users.manage", "users.view"]);
    expect([...(subject.grantableRoleIds ?? [])]).toEqual([FRONT]);
    expect([...(subject.locations ?? [])]).toEqual([DOWN]);
    expect(subject.isMainContact).toBe(false);
    expect(subject.userId).toBe("ptk_0000000001");
  });
});

describe("a provisioning token in the user verdicts (R3, R4)", () => {
  // The token holds none of Front desk's permissions and all of Reader's: only its list decides.
  const actor: ActorFacts = {
    subject: frontDeskToken(),
    mainContactUserId: null,
    roleId: null,
    roles: new Map([
      [FRONT, ["calendar.view", "patients.view"]],
      [READER, ["users.view"]],
    ]),
  };

  it("R3 roleGrantVerdict gives the token's roles only: another, even one whose permissions it holds, is refused with the token's reason", () => {
    expect(roleGrantVerdict(actor, FRONT)).toEqual({ allowed: true });
    expect(roleGrantVerdict(actor, READER)).toMatchObject({
      allowed: false,
      code: "forbidden",
      message: "This provisioning token may not give this role.",
    });
  });

  it("R3/R4 manageUserVerdict lets the token manage holders of its roles inside its locations only", () => {
    const target = { id: "usr_0000000001", roleId: FRONT, locationAccess: [DOWN] };
    expect(manageUserVerdict(actor, target)).toEqual({ allowed: true });
    expect(manageUserVerdict(actor, { ...target, roleId: READER })).toMatchObject({
      allowed: false,
      code: "forbidden",
      message: "This user holds a role this provisioning token may not manage.",
    });
    expect(manageUserVerdict(actor, { ...target, locationAccess: [DOWN, BAY] })).toMatchObject({
      allowed: false,
      code: "forbidden",
    });
    expect(accessGrantVerdict(actor, [BAY])).toMatchObject({ allowed: false, code: "forbidden" });
    expect(accessGrantVerdict(actor, [DOWN])).toEqual({ allowed: true });
  });
});
