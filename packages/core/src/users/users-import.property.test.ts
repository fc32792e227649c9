import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StaffDirectory } from "../directory/staff-directory";
import { memoryWorld } from "../testing/memory-world";
import type { User } from "./user.schema";

const COLUMNS = [
  "Email",
  "First name",
  "Last name",
  "Role",
  "Locations",
  "Title",
  "Practitioner",
  "Mobile login",
];

/** One row of a random file: who (a fresh email, one already used, a person already here, none) and what. */
const rowArbitrary = fc.record({
  who: fc.constantFrom("new", "repeat", "existing", "none", "bad"),
  n: fc.nat({ max: 30 }),
  role: fc.constantFrom("Desk", "Read-only Staff", "Administrator", "Nobody", ""),
  location: fc.constantFrom("north", "south", "both", "all", "Moon", ""),
  title: fc.constantFrom("", "RN", "MD", "x".repeat(30)),
  practitioner: fc.constantFrom("", "yes", "no", "maybe"),
  mobile: fc.constantFrom("", "no", "yes"),
  blank: fc.boolean(),
});

async function everyone(dir: StaffDirectory): Promise<User[]> {
  const out: User[] = [];
  for (const status of ["active", "pending", "disabled"] as const) {
    out.push(...(await dir.users.list({ status, limit: 200 })).items);
  }
  return out;
}

describe("CSV import properties", () => {
  it("R3, R4, R8, R9 hold after any mix of rows by a delegated admin; the commit does what the dry run said; the same file again writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArbitrary, { maxLength: 14 }),
        fc.integer({ min: 0, max: 6 }),
        async (spec, free) => {
          const world = await memoryWorld();
          const owner = world.as(world.owner.id) as StaffDirectory;
          const north = await owner.locations.create({ name: "North" });
          await owner.locations.create({ name: "South" }); // outside the delegated admin's scope (R4)
          const manager = await owner.roles.create({
            name: "Manager",
            permissions: ["users.view", "users.manage"],
          });
          const reader = await owner.roles.create({ name: "Desk", permissions: ["users.view"] });
          const boss = await owner.users.create({
            email: "boss@import.example",
            profile: { givenName: "Bo", familyName: "Ss" },
            roleId: manager.id,
            locationAccess: [north.id],
            primaryLocationId: north.id,
          });
          const here = await owner.users.create({
            email: "here@import.example",
            profile: { givenName: "He", familyName: "Re" },
            roleId: reader.id,
            locationAccess: [north.id],
            primaryLocationId: north.id,
          });
          const used = (await owner.organization.usage()).named.used;
          const org = await owner.organization.get();
          await owner.organization.update({ seats: { named: used + free } }, { version: org.version });
          const admin = world.as(boss.id) as StaffDirectory;
          const rows = spec.map((r, i) => {
            if (r.blank) return COLUMNS.map(() => "");
            const email =
              r.who === "new"
                ? `p${i}@import.example`
                : r.who === "repeat"
                  ? `p${r.n % Math.max(i, 1)}@import.example`
                  : r.who === "existing"
                    ? here.email
                    : r.who === "bad"
                      ? "not an email"
                      : "";
            const location = {
              north: "North",
              south: "South",
              both: "North|South",
              all: "all",
              Moon: "Moon",
              "": "",
            }[r.location];
            return [email, "Pat", `Row${i}`, r.role, location, r.title, r.practitioner, r.mobile];
          });
          const file = { columns: COLUMNS, rows };
          const before = await everyone(owner);
          const dry = await admin.users.import({ ...file, dryRun: true });
          expect(await everyone(owner), "a dry run writes nothing").toEqual(before);
          const done = await admin.users.import({ ...file, dryRun: false });
          expect({ ...done, dryRun: true }, "the commit reports what the dry run said").toEqual(dry);
          const after = await everyone(owner);
          const added = done.counts.created + done.counts.invited;
          expect(after.length).toBe(before.length + added);
          const usage = await owner.organization.usage();
          expect(usage.named.used, "R9").toBeLessThanOrEqual(used + free);
          for (const user of after) {
            const access = user.locationAccess;
            expect(access === "organization" || access.includes(user.primaryLocationId), "R8").toBe(true);
            if (!before.some((b) => b.id === user.id)) {
              expect(access === "organization" ? [] : access, "R4: only the admin's own locations").toEqual([
                north.id,
              ]);
              expect(user.roleId, "R3: only a role whose permissions the admin holds").toBe(reader.id);
            }
          }
          const again = await admin.users.import({ ...file, dryRun: false });
          expect(again.counts.created + again.counts.invited + again.counts.updated, "idempotent").toBe(0);
          expect(await everyone(owner)).toEqual(after);
        },
      ),
      { numRuns: 40 },
    );
  });
});
