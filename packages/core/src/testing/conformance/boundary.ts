import { describe, expect, it } from "vitest";
import type { CreateUserInput, InviteUserInput, UserPatch } from "../../users/user-input.schema";
import { FIXTURE_PASSWORD } from "../fixtures";
import { expectUnauthenticated, NEW_PASSWORD, staffMember, UNKNOWN_TOKEN } from "./auth-helpers";
import { HOSTILE, HOSTILE_MULTILINE, WELL_FORMED } from "./boundary-values";
import { expectError } from "./errors-expect";
import { auditEvents, type Ctx, createStaff, expectNoChange, setup, staffInput } from "./helpers";
import type { WorldFactory } from "./world";

type Path = readonly (string | number)[];

/** A field of an input and how to put a value into it. */
interface Field<T> {
  readonly path: Path;
  readonly put: (input: T, value: string) => T;
  readonly multiline?: boolean;
}

const hostileFor = (multiline = false) => (multiline ? HOSTILE_MULTILINE : HOSTILE);

/** Turns the provider directory on and gives the organization a licence type and provider types. */
async function openFields(ctx: Ctx): Promise<void> {
  const org = await ctx.owner.organization.get();
  await ctx.owner.organization.update(
    {
      features: { providerDirectory: true },
      providerTypes: ["MD", "RN"],
      licenceTypes: [{ key: "mobile", label: "Mobile", seats: null }],
    },
    { version: org.version },
  );
}

const provider = (bio: string | null, type = "RN") => ({
  npi: null,
  taxonomyCodes: [],
  bio,
  providerTypes: [{ type, locationIds: [] }],
  capacity: 1,
  schedulingStep: 15 as const,
});

const CREATE_FIELDS: readonly Field<CreateUserInput>[] = [
  { path: ["email"], put: (i, v) => ({ ...i, email: `ann${v}e@staff.harbor.example` }) },
  {
    path: ["profile", "givenName"],
    put: (i, v) => ({ ...i, profile: { ...i.profile, givenName: `Ann${v}e` } }),
  },
  {
    path: ["profile", "familyName"],
    put: (i, v) => ({ ...i, profile: { ...i.profile, familyName: `Le${v}e` } }),
  },
  { path: ["profile", "title"], put: (i, v) => ({ ...i, profile: { ...i.profile, title: `R${v}N` } }) },
  {
    path: ["profile", "jobTitle"],
    put: (i, v) => ({ ...i, profile: { ...i.profile, jobTitle: `Nu${v}rse` } }),
  },
  { path: ["licences", 0], put: (i, v) => ({ ...i, licences: [`mob${v}ile`] }) },
  {
    path: ["provider", "bio"],
    put: (i, v) => ({ ...i, flags: { practitioner: true }, provider: provider(`Family${v} physician.`) }),
    multiline: true,
  },
  {
    path: ["provider", "providerTypes", 0, "type"],
    put: (i, v) => ({ ...i, flags: { practitioner: true }, provider: provider(null, `R${v}N`) }),
  },
];

const INVITE_FIELDS: readonly Field<InviteUserInput>[] = [
  { path: ["email"], put: (i, v) => ({ ...i, email: `ann${v}e@staff.harbor.example` }) },
  {
    path: ["profile", "givenName"],
    put: (i, v) => ({ ...i, profile: { ...i.profile, givenName: `Ann${v}e` } }),
  },
];

const UPDATE_FIELDS: readonly Field<UserPatch>[] = [
  { path: ["email"], put: (p, v) => ({ ...p, email: `ann${v}e@staff.harbor.example` }) },
  { path: ["profile", "givenName"], put: (p, v) => ({ ...p, profile: { givenName: `Ann${v}e` } }) },
  { path: ["profile", "familyName"], put: (p, v) => ({ ...p, profile: { familyName: `Le${v}e` } }) },
  { path: ["profile", "jobTitle"], put: (p, v) => ({ ...p, profile: { jobTitle: `Nu${v}rse` } }) },
  {
    path: ["provider", "bio"],
    put: (p, v) => ({ ...p, flags: { practitioner: true }, provider: provider(`Family${v} physician.`) }),
    multiline: true,
  },
];

/** Every hostile value in every field of `fields`: each call must be `validation` on that field. */
async function refuseEverywhere<T>(
  base: T,
  fields: readonly Field<T>[],
  call: (input: T) => Promise<unknown>,
): Promise<void> {
  for (const field of fields) {
    for (const [name, bad] of hostileFor(field.multiline)) {
      const error = await expectError(call(field.put(base, bad)), { code: "validation", path: field.path });
      expect(error.message.length, `${field.path.join(".")} with ${name}`).toBeGreaterThan(0);
    }
  }
}

/** Calls `call` with each hostile value (in the middle of a name) and expects `validation` on `path`. */
async function refuseEach(
  path: Path,
  call: (bad: string) => Promise<unknown>,
  multiline = false,
): Promise<void> {
  for (const [, bad] of hostileFor(multiline)) await expectError(call(bad), { code: "validation", path });
}

/**
 * R14 at the text boundary: every text field, filter, credential and token refuses NUL, the other
 * control characters (line feed and tab only where a field is multi-line) and unpaired UTF-16
 * surrogates on its field, and writes nothing; well-formed text beyond ASCII (astral characters,
 * combining marks) is kept exactly by every store.
 *
 * @example describe("memory", () => registerBoundaryTests(() => memoryWorld()));
 */
export function registerBoundaryTests(factory: WorldFactory): void {
  describe("R14 one text boundary", () => {
    it("R14 text: users.create and users.invite refuse NUL, controls and unpaired surrogates in email, names, titles, licences, bio and provider types, on the field, writing nothing", async () => {
      const ctx = await setup(factory);
      await openFields(ctx);
      const input = await staffInput(ctx);
      const { password: _p, mustChangePassword: _m, ...invite } = input;
      await expectNoChange(ctx, async () => {
        await refuseEverywhere(input, CREATE_FIELDS, (i) => ctx.owner.users.create(i));
        await refuseEverywhere<InviteUserInput>(invite, INVITE_FIELDS, (i) => ctx.owner.users.invite(i));
      });
    });

    it("R14 text: users.update refuses them in email, profile and bio on the field, writing nothing", async () => {
      const ctx = await setup(factory);
      await openFields(ctx);
      const user = await createStaff(ctx);
      await expectNoChange(ctx, () =>
        refuseEverywhere<UserPatch>({}, UPDATE_FIELDS, (patch) =>
          ctx.owner.users.update(user.id, patch, { version: user.version }),
        ),
      );
    });

    it("R14 text: role, location and organization names, descriptions, groups, provider types and licence labels refuse them, writing nothing", async () => {
      const ctx = await setup(factory);
      const d = ctx.owner;
      const role = await d.roles.create({ name: "Scheduler", permissions: ["calendar.view"] });
      const org = await d.organization.get();
      await expectNoChange(ctx, async () => {
        await refuseEach(["name"], (bad) =>
          d.roles.create({ name: `Sched${bad}uler`, template: "read_only" }),
        );
        await refuseEach(
          ["description"],
          (bad) =>
            d.roles.create({ name: "Biller", description: `Bills${bad} claims`, template: "read_only" }),
          true,
        );
        await refuseEach(["name"], (bad) => d.roles.update(role.id, { name: `Sch${bad}ed` }, { version: 1 }));
        await refuseEach(["name"], (bad) => d.locations.create({ name: `Down${bad}town` }));
        await refuseEach(["group"], (bad) => d.locations.create({ name: "Uptown", group: `No${bad}rth` }));
        await refuseEach(["name"], (bad) =>
          d.locations.update(ctx.location.id, { name: `Ma${bad}in` }, { version: ctx.location.version }),
        );
        await refuseEach(["name"], (bad) =>
          d.organization.update({ name: `Har${bad}bor` }, { version: org.version }),
        );
        await refuseEach(["providerTypes", 0], (bad) =>
          d.organization.update({ providerTypes: [`M${bad}D`] }, { version: org.version }),
        );
        await refuseEach(["licenceTypes", 0, "label"], (bad) =>
          d.organization.update(
            { licenceTypes: [{ key: "mobile", label: `Mo${bad}bile`, seats: null }] },
            { version: org.version },
          ),
        );
      });
      await refuseEach(["organization", "name"], (bad) =>
        ctx.world.bootstrapAnother({ organization: { name: `Cedar${bad} Ridge` } }),
      );
    });

    it("R14 text: list search and audit filters refuse them as validation on the field", async () => {
      const ctx = await setup(factory);
      const d = ctx.owner;
      await refuseEach(["search"], (bad) => d.users.list({ search: `smi${bad}th` }));
      await refuseEach(["search"], (bad) => d.users.counts({ search: `smi${bad}th` }));
      await refuseEach(["action"], (bad) => d.audit.list({ action: `user${bad}.created` }));
      for (const from of ["2026-02-31T00:00:00.000Z", "0000-01-01T00:00:00.000Z"]) {
        await expectError(d.audit.list({ from }), { code: "validation", path: ["from"] });
        await expectError(d.audit.list({ to: from }), { code: "validation", path: ["to"] });
      }
    });

    it("R14 text: sign-in with such an email or organization id answers unauthenticated and records nothing", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const [local, domain] = sam.email.split("@");
      await expectNoChange(ctx, async () => {
        for (const [, bad] of HOSTILE) {
          await expectUnauthenticated(
            ctx.world.auth.signIn({ email: `${local}${bad}@${domain}`, password: sam.password }),
          );
          await expectUnauthenticated(
            ctx.world.auth.signIn({
              email: sam.email,
              password: sam.password,
              organizationId: `${ctx.world.organization.id}${bad}`,
            }),
          );
        }
      });
    });

    it("R14 text: a reset request for such an email answers as for any other and sends nothing", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const [local, domain] = sam.email.split("@");
      await expectNoChange(ctx, async () => {
        for (const [, bad] of HOSTILE) {
          await expect(
            ctx.world.auth.requestPasswordReset({ email: `${local}${bad}@${domain}` }),
          ).resolves.toBeUndefined();
        }
      });
    });

    it("R14 text: tokens and organization ids with controls or unpaired surrogates are refused as unknown ones are", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const { token } = await ctx.world.auth.signIn({ email: sam.email, password: sam.password });
      await expectNoChange(ctx, async () => {
        for (const [, bad] of HOSTILE) {
          const forged = `${UNKNOWN_TOKEN.slice(0, 20)}${bad}${UNKNOWN_TOKEN.slice(20)}`;
          await expectUnauthenticated(ctx.world.auth.session(forged));
          await expect(ctx.world.auth.signOut(forged)).resolves.toBeUndefined();
          await expectError(ctx.world.auth.invitation(forged), { code: "not_found" });
          await expectError(ctx.world.auth.acceptInvitation({ token: forged, password: NEW_PASSWORD }), {
            code: "not_found",
          });
          await expectError(ctx.world.auth.completePasswordReset({ token: forged, password: NEW_PASSWORD }), {
            code: "not_found",
          });
          await expectError(
            ctx.world.auth.switchOrganization({
              token,
              organizationId: `${ctx.world.organization.id}${bad}`,
            }),
            { code: "not_found" },
          );
        }
      });
      expect((await ctx.world.auth.session(token)).userId).toBe(sam.user.id);
    });

    it("R14 text: names beyond the Basic Multilingual Plane sort in code-point order on every store", async () => {
      const ctx = await setup(factory);
      // U+FF5A (fullwidth z) is one UTF-16 unit above the surrogates; U+1F600 is a surrogate pair.
      // Code-point order (PostgreSQL's "C" collation on UTF-8) puts the emoji last; UTF-16 unit order
      // would put it first.
      const names = ["\u{1F600}", "\uFF5A", "Zz", "\u{1D538}"];
      for (const familyName of names) await createStaff(ctx, { givenName: "A", familyName });
      const asc = await ctx.owner.users.list({ sort: "name", direction: "asc", search: "" });
      const order = asc.items.map((u) => u.profile.familyName).filter((n) => names.includes(n));
      expect(order).toEqual(["Zz", "\uFF5A", "\u{1D538}", "\u{1F600}"]);
      const pages: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof ctx.owner.users.list>> = await ctx.owner.users.list({
          sort: "name",
          direction: "desc",
          limit: 1,
          cursor,
        });
        pages.push(...page.items.map((u) => u.profile.familyName));
        cursor = page.nextCursor;
      } while (cursor);
      expect(pages.filter((n) => names.includes(n))).toEqual(["\u{1F600}", "\u{1D538}", "\uFF5A", "Zz"]);
    });

    it("R14 text: astral characters, ZWJ sequences and combining marks are kept exactly, and multi-line fields keep line feeds and tabs", async () => {
      const ctx = await setup(factory);
      const d = ctx.owner;
      const org = await d.organization.get();
      const updatedOrg = await d.organization.update(
        {
          name: WELL_FORMED.organization,
          features: { providerDirectory: true },
          providerTypes: [WELL_FORMED.providerType],
          licenceTypes: [{ key: "mobile", label: WELL_FORMED.licenceLabel, seats: null }],
        },
        { version: org.version },
      );
      expect(updatedOrg.name).toBe(WELL_FORMED.organization);
      const again = await d.organization.get();
      expect([again.name, again.providerTypes, again.licenceTypes[0]?.label]).toEqual([
        WELL_FORMED.organization,
        [WELL_FORMED.providerType],
        WELL_FORMED.licenceLabel,
      ]);

      const location = await d.locations.create({
        name: WELL_FORMED.mathematical,
        group: WELL_FORMED.accentGroup,
      });
      const role = await d.roles.create({
        name: WELL_FORMED.role,
        description: WELL_FORMED.roleDescription,
        template: "front_desk",
      });
      const listedLocation = (await d.locations.list()).find((l) => l.id === location.id);
      expect([listedLocation?.name, listedLocation?.group]).toEqual([
        WELL_FORMED.mathematical,
        WELL_FORMED.accentGroup,
      ]);
      const listedRole = (await d.roles.list()).find((r) => r.id === role.id);
      expect([listedRole?.name, listedRole?.description]).toEqual([
        WELL_FORMED.role,
        WELL_FORMED.roleDescription,
      ]);
      const roleEvent = (await auditEvents(d, { action: "role.created", targetId: role.id }))[0];
      expect(roleEvent?.target.label).toBe(WELL_FORMED.role);

      const email = "zoe\u0308.😀@staff.harbor.example";
      const created = await d.users.create({
        email,
        profile: {
          givenName: WELL_FORMED.combining,
          familyName: WELL_FORMED.emoji,
          title: "RN",
          jobTitle: WELL_FORMED.zwj,
        },
        roleId: role.id,
        locationAccess: [location.id],
        primaryLocationId: location.id,
        flags: { practitioner: true },
        provider: { ...provider(WELL_FORMED.bio, WELL_FORMED.providerType), providerTypes: [] },
        password: FIXTURE_PASSWORD,
      });
      const read = await d.users.get(created.id);
      const expected = {
        email: email.normalize("NFKC"),
        givenName: WELL_FORMED.combining,
        familyName: WELL_FORMED.emoji,
        jobTitle: WELL_FORMED.zwj,
        bio: WELL_FORMED.bio,
      };
      for (const user of [created, read]) {
        expect({
          email: user.email,
          givenName: user.profile.givenName,
          familyName: user.profile.familyName,
          jobTitle: user.profile.jobTitle,
          bio: user.provider?.bio,
        }).toEqual(expected);
      }
      const found = await d.users.list({ search: "🌸" });
      expect(found.items.map((u) => u.id)).toEqual([created.id]);
      expect((await d.users.list({ search: "😀" })).items.map((u) => u.id)).toEqual([created.id]);

      const crlf = await d.users.update(
        created.id,
        { provider: { ...provider("One 🎻\r\nTwo\rThree", WELL_FORMED.providerType), providerTypes: [] } },
        { version: read.version },
      );
      expect((await d.users.get(crlf.id)).provider?.bio).toBe("One 🎻\nTwo\nThree");
    });
  });
}
