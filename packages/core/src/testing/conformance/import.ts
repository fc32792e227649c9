import { describe, expect, it } from "vitest";
import type { StaffDirectory } from "../../directory/staff-directory";
import { npiWithCheckDigit } from "../../users/provider.rules";
import type { User } from "../../users/user.schema";
import type { ImportInput, ImportReport } from "../../users/user-import.schema";
import { expectError } from "./errors-expect";
import {
  addLocation,
  type Ctx,
  createRole,
  createStaff,
  expectNoChange,
  observe,
  setFeatures,
  setSeats,
  setup,
  staffWithPermissions,
  templateRole,
  usersIn,
} from "./helpers";
import type { WorldFactory } from "./world";

const COLUMNS = [
  "Email",
  "First name",
  "Last name",
  "Title",
  "Role",
  "Locations",
  "Primary phone",
  "Mobile login",
  "Practitioner",
  "NPI",
  "Taxonomy codes",
];

/** A row in {@link COLUMNS} order from the cells given (the rest empty). */
function row(cells: Partial<Record<(typeof COLUMNS)[number], string>>): string[] {
  return COLUMNS.map((c) => cells[c] ?? "");
}

async function everyone(dir: StaffDirectory): Promise<User[]> {
  return [
    ...(await usersIn(dir, "active")),
    ...(await usersIn(dir, "pending")),
    ...(await usersIn(dir, "disabled")),
  ];
}

const byEmail = (users: readonly User[], email: string) => users.find((u) => u.email === email);

const statuses = (report: ImportReport) => report.rows.map((r) => `${r.row}:${r.status}`);

/** A mixed file: new people, an edit, bad rows of several kinds, a blank row. */
async function mixedFile(ctx: Ctx, existing: User): Promise<ImportInput> {
  const frontDesk = await templateRole(ctx, "front_desk");
  const loc = ctx.location.name;
  const rows = [
    row({
      Email: "ana.new@staff.harbor.example",
      "First name": "Ana",
      "Last name": "New",
      Role: frontDesk.name,
      Locations: loc,
    }),
    row({
      Email: "BEN.NEW@staff.harbor.example",
      "First name": "Ben",
      "Last name": "New",
      Role: frontDesk.name.toUpperCase(),
      Locations: loc,
    }),
    row({ Email: existing.email, Title: "NP" }),
    row({
      Email: "bad.npi@staff.harbor.example",
      "First name": "Bad",
      "Last name": "Npi",
      Role: frontDesk.name,
      Locations: loc,
      NPI: "1234567890",
    }),
    row({
      Email: "bad.role@staff.harbor.example",
      "First name": "Bad",
      "Last name": "Role",
      Role: "Astronaut",
      Locations: loc,
    }),
    row({}),
    row({
      Email: "not an email",
      "First name": "No",
      "Last name": "Email",
      Role: frontDesk.name,
      Locations: loc,
    }),
    row({
      Email: "ana.new@staff.harbor.example",
      "First name": "Ana",
      "Last name": "Again",
      Role: frontDesk.name,
      Locations: loc,
    }),
  ];
  return { columns: COLUMNS, rows };
}

/**
 * Issue 15: CSV import. A dry run writes nothing; a commit applies exactly what the dry run reported;
 * a second import of the same file changes nothing; every rule applies per row, and a refused row
 * never blocks the others.
 *
 * @example describe("memory", () => registerImportTests(() => memoryWorld()));
 */
export function registerImportTests(factory: WorldFactory): void {
  describe("Issue 15 CSV import", () => {
    it("a dry run writes nothing (users, audit, mail) and a commit then reports and does exactly what it said", async () => {
      const ctx = await setup(factory);
      const existing = await createStaff(ctx);
      const file = await mixedFile(ctx, existing);
      const dry = await expectNoChange(ctx, () => ctx.owner.users.import({ ...file, dryRun: true }));
      expect(dry.dryRun).toBe(true);
      expect(statuses(dry)).toEqual([
        "1:invited",
        "2:invited",
        "3:updated",
        "4:error",
        "5:error",
        "6:skipped",
        "7:error",
        "8:error",
      ]);
      expect(dry.counts).toEqual({ created: 0, invited: 2, updated: 1, unchanged: 0, skipped: 1, error: 4 });
      expect(dry.rows[2]?.changed).toEqual(["title"]);
      expect(dry.rows[3]?.issues).toEqual([
        { column: "NPI", code: expect.any(String), message: "This NPI's check digit is wrong." },
      ]);
      expect(dry.rows[4]?.issues).toEqual([
        { column: "Role", code: "unknown_role", message: "No role is named “Astronaut”." },
      ]);
      expect(dry.rows[6]?.issues[0]).toMatchObject({ column: "Email", code: "invalid_email" });
      expect(dry.rows[7]?.issues[0]).toMatchObject({ column: "Email", code: "duplicate_row" });

      const done = await ctx.owner.users.import({ ...file, dryRun: false });
      expect({ ...done, dryRun: true }, "the commit's report equals the dry run's").toEqual(dry);
      const users = await everyone(ctx.owner);
      expect(byEmail(users, "ana.new@staff.harbor.example")).toMatchObject({
        status: "pending",
        profile: { familyName: "New" },
      });
      expect(byEmail(users, "ben.new@staff.harbor.example")?.status).toBe("pending");
      expect(byEmail(users, existing.email)?.profile.title).toBe("NP");
      expect(byEmail(users, "bad.npi@staff.harbor.example")).toBeUndefined();
      expect(byEmail(users, "bad.role@staff.harbor.example")).toBeUndefined();
      expect(ctx.world.mailer.latest("ana.new@staff.harbor.example", "invitation")?.link).toBeTruthy();
    });

    it("importing the same file twice: the second run reports every row unchanged and writes nothing", async () => {
      const ctx = await setup(factory);
      const existing = await createStaff(ctx);
      const file = await mixedFile(ctx, existing);
      await ctx.owner.users.import({ ...file, dryRun: false });
      const again = await expectNoChange(ctx, () => ctx.owner.users.import({ ...file, dryRun: false }));
      expect(statuses(again)).toEqual([
        "1:unchanged",
        "2:unchanged",
        "3:unchanged",
        "4:error",
        "5:error",
        "6:skipped",
        "7:error",
        "8:error",
      ]);
    });

    it("R11 importing practitioners twice (NPI, taxonomy codes, mobile login with a phone): the second run is all unchanged and writes nothing", async () => {
      const ctx = await setup(factory);
      await setFeatures(ctx, { mobileApp: true, providerDirectory: true });
      const role = await templateRole(ctx, "provider");
      const file: ImportInput = {
        columns: COLUMNS,
        rows: [0, 1, 2].map((i) =>
          row({
            Email: `doc${i}@staff.harbor.example`,
            "First name": "Doc",
            "Last name": `Number${i}`,
            Title: "MD",
            Role: role.name,
            Locations: ctx.location.name,
            "Primary phone": `+1415555012${i}`,
            "Mobile login": "yes",
            Practitioner: "yes",
            NPI: npiWithCheckDigit(`12345678${i}`),
            "Taxonomy codes": "207Q00000X|207R00000X",
          }),
        ),
      };
      const first = await ctx.owner.users.import({ ...file, dryRun: false });
      expect(statuses(first)).toEqual(["1:invited", "2:invited", "3:invited"]);
      const again = await expectNoChange(ctx, () => ctx.owner.users.import({ ...file, dryRun: false }));
      expect(statuses(again)).toEqual(["1:unchanged", "2:unchanged", "3:unchanged"]);
    });

    it("new users can be created active instead of invited, with no invitation mail", async () => {
      const ctx = await setup(factory);
      const role = await templateRole(ctx, "front_desk");
      const before = ctx.world.mailer.outbox.length;
      const report = await ctx.owner.users.import({
        columns: COLUMNS,
        rows: [
          row({
            Email: "cara@staff.harbor.example",
            "First name": "Cara",
            "Last name": "Day",
            Role: role.name,
            Locations: ctx.location.name,
          }),
        ],
        newUsers: "create",
        dryRun: false,
      });
      expect(statuses(report)).toEqual(["1:created"]);
      expect(byEmail(await everyone(ctx.owner), "cara@staff.harbor.example")?.status).toBe("active");
      expect(ctx.world.mailer.outbox.length).toBe(before);
    });

    it("the import is one users.imported event plus one event per person written", async () => {
      const ctx = await setup(factory);
      const existing = await createStaff(ctx);
      const file = await mixedFile(ctx, existing);
      const before = (await ctx.owner.audit.list({ limit: 1 })).total;
      await ctx.owner.users.import({ ...file, dryRun: false });
      const events = await ctx.owner.audit.list({ limit: 10 });
      expect(events.total - before).toBe(4);
      expect(events.items.slice(0, 4).map((e) => e.action)).toEqual([
        "users.imported",
        "user.updated",
        "user.invited",
        "user.invited",
      ]);
      expect(events.items[0]?.changes).toMatchObject({
        invited: { after: 2 },
        updated: { after: 1 },
        error: { after: 4 },
      });
    });

    it("R4 and R9 per row: a location outside the importing admin's and a row past the seat limit are errors while the others succeed", async () => {
      const ctx = await setup(factory);
      const north = await addLocation(ctx, "North Clinic");
      const south = await addLocation(ctx, "South Clinic");
      const { dir: manager } = await staffWithPermissions(ctx, ["users.view", "users.manage"], {
        locations: [north],
      });
      const readOnly = await createRole(ctx, "Directory reader", ["users.view"]);
      const used = (await ctx.owner.organization.usage()).named.used;
      await setSeats(ctx, { named: used + 2 });
      const file: ImportInput = {
        columns: COLUMNS,
        rows: [
          row({
            Email: "n1@staff.harbor.example",
            "First name": "N",
            "Last name": "One",
            Role: readOnly.name,
            Locations: "North Clinic",
          }),
          row({
            Email: "s1@staff.harbor.example",
            "First name": "S",
            "Last name": "One",
            Role: readOnly.name,
            Locations: south.name,
          }),
          row({
            Email: "n2@staff.harbor.example",
            "First name": "N",
            "Last name": "Two",
            Role: readOnly.name,
            Locations: "north clinic",
          }),
          row({
            Email: "n3@staff.harbor.example",
            "First name": "N",
            "Last name": "Three",
            Role: readOnly.name,
            Locations: "North Clinic",
          }),
        ],
      };
      const dry = await expectNoChange(ctx, () => manager.users.import({ ...file, dryRun: true }));
      expect(statuses(dry)).toEqual(["1:invited", "2:error", "3:invited", "4:error"]);
      expect(dry.rows[1]?.issues[0]?.column).toBe("Locations");
      expect(dry.rows[3]?.issues).toEqual([expect.objectContaining({ column: null, code: "seat_limit" })]);
      const done = await manager.users.import({ ...file, dryRun: false });
      expect(done.rows).toEqual(dry.rows);
      const users = await everyone(ctx.owner);
      expect(byEmail(users, "n1@staff.harbor.example")?.locationAccess).toEqual([north.id]);
      expect(byEmail(users, "n2@staff.harbor.example")?.status).toBe("pending");
      expect(byEmail(users, "s1@staff.harbor.example")).toBeUndefined();
      expect(byEmail(users, "n3@staff.harbor.example")).toBeUndefined();
      expect((await ctx.owner.organization.usage()).named).toEqual({ used: used + 2, limit: used + 2 });
    });

    it("R3 per row: a role the importing admin may not grant is an error on the role column", async () => {
      const ctx = await setup(factory);
      const { dir: manager } = await staffWithPermissions(ctx, ["users.view", "users.manage"]);
      const admin = await templateRole(ctx, "administrator");
      const report = await manager.users.import({
        columns: COLUMNS,
        rows: [
          row({
            Email: "up@staff.harbor.example",
            "First name": "Up",
            "Last name": "Start",
            Role: admin.name,
            Locations: ctx.location.name,
          }),
        ],
        dryRun: false,
      });
      expect(report.rows[0]).toMatchObject({ status: "error", issues: [{ column: "Role" }] });
      expect(byEmail(await everyone(ctx.owner), "up@staff.harbor.example")).toBeUndefined();
    });

    it("R10 and R11 per row: mobile login needs a phone, taxonomy codes and NPIs are checked, each on its cell", async () => {
      const ctx = await setup(factory);
      await setFeatures(ctx, { mobileApp: true, providerDirectory: true });
      const role = await templateRole(ctx, "provider");
      const base = { "First name": "Pat", "Last name": "Doc", Role: role.name, Locations: ctx.location.name };
      const report = await ctx.owner.users.import({
        columns: COLUMNS,
        rows: [
          row({ ...base, Email: "m1@staff.harbor.example", "Mobile login": "yes" }),
          row({
            ...base,
            Email: "m2@staff.harbor.example",
            "Mobile login": "yes",
            "Primary phone": "+14155550123",
          }),
          row({
            ...base,
            Email: "t1@staff.harbor.example",
            Practitioner: "yes",
            "Taxonomy codes": "207Q00000X|nope",
          }),
          row({
            ...base,
            Email: "t2@staff.harbor.example",
            Practitioner: "yes",
            NPI: npiWithCheckDigit("123456789"),
            "Taxonomy codes": "207q00000x",
          }),
          row({ ...base, Email: "b1@staff.harbor.example", Practitioner: "maybe" }),
        ],
        dryRun: false,
      });
      expect(statuses(report)).toEqual(["1:error", "2:invited", "3:error", "4:invited", "5:error"]);
      expect(report.rows[0]?.issues[0]?.column).toBe("Primary phone");
      expect(report.rows[2]?.issues[0]?.column).toBe("Taxonomy codes");
      expect(report.rows[4]?.issues).toEqual([
        { column: "Practitioner", code: "invalid_boolean", message: "Write yes or no." },
      ]);
      const t2 = byEmail(await everyone(ctx.owner), "t2@staff.harbor.example");
      expect(t2?.provider?.taxonomyCodes).toEqual(["207Q00000X"]);
      expect(t2?.flags.practitioner).toBe(true);
    });

    it("an update changes only the mapped, non-empty cells; a disabled user is skipped, untouched", async () => {
      const ctx = await setup(factory);
      const other = await addLocation(ctx, "Bayview");
      const keep = await createStaff(ctx, { title: "RN" });
      const gone = await createStaff(ctx);
      await ctx.owner.users.disable(gone.id, { version: gone.version });
      const report = await ctx.owner.users.import({
        columns: ["Email", "Locations", "Job title", "Title"],
        rows: [
          [keep.email, `${ctx.location.name}|${other.name}`, "Charge nurse", ""],
          [gone.email, other.name, "Ghost", ""],
        ],
        dryRun: false,
      });
      expect(statuses(report)).toEqual(["1:updated", "2:skipped"]);
      expect(report.rows[0]?.changed).toEqual(["jobTitle", "locations"]);
      const after = await ctx.owner.users.get(keep.id);
      expect(after.profile).toMatchObject({
        title: "RN",
        jobTitle: "Charge nurse",
        givenName: keep.profile.givenName,
      });
      expect(after.locationAccess).toEqual([ctx.location.id, other.id]);
      expect(after.roleId).toBe(keep.roleId);
      expect((await ctx.owner.users.get(gone.id)).profile.jobTitle).toBeNull();
    });

    it("refuses the whole import, writing nothing, for an actor without users.manage or a mapping without email", async () => {
      const ctx = await setup(factory);
      const role = await createRole(ctx, "Viewer", ["users.view"]);
      const viewer = (await staffWithPermissions(ctx, ["users.view"])).dir;
      const file: ImportInput = {
        columns: COLUMNS,
        rows: [
          row({
            Email: "v@staff.harbor.example",
            "First name": "V",
            "Last name": "W",
            Role: role.name,
            Locations: ctx.location.name,
          }),
        ],
      };
      await expectNoChange(ctx, async () => {
        await expectError(viewer.users.import({ ...file, dryRun: false }), { code: "forbidden" });
        await expectError(viewer.users.import({ ...file, dryRun: true }), { code: "forbidden" });
        await expectError(ctx.owner.users.import({ ...file, mapping: { givenName: "First name" } }), {
          code: "validation",
          path: ["mapping", "email"],
        });
        await expectError(ctx.owner.users.import({ ...file, mapping: { email: "E-mail" } }), {
          code: "validation",
          path: ["mapping", "email"],
        });
      });
      expect((await observe(ctx)).users.pending).toEqual([]);
    });
  });
}
