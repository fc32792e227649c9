import {
  type Directory,
  isValidNpi,
  memoryMailer,
  type StaffDirectory,
  TAXONOMY_PATTERN,
  type User,
} from "@staffroom/core";
import { memoryStore } from "@staffroom/core/memory";
import { isCommonPassword } from "@staffroom/core/passwords";
import { directoryLinks } from "@staffroom/rest/server";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_SIGN_IN } from "./demo-accounts";
import { createDemoDirectory, type DemoDirectory } from "./demo-directory";
import { type SeedResult, seedDemo } from "./seed-demo";

const HARBOR = "harbor.example";

interface Seeded {
  readonly demo: DemoDirectory;
  readonly mailer: ReturnType<typeof memoryMailer>;
  readonly result: SeedResult;
}

async function seeded(users = 0): Promise<Seeded> {
  const mailer = memoryMailer();
  const demo = createDemoDirectory({
    store: memoryStore(),
    mailer,
    links: directoryLinks("http://127.0.0.1:5180"),
    isCommonPassword,
  });
  const result = await seedDemo(demo, { mailbox: mailer, users });
  return { demo, mailer, result };
}

async function signedIn(
  directory: Directory,
  email: string,
  organizationId?: string,
): Promise<StaffDirectory> {
  const { token } = await directory.auth.signIn({
    email,
    password: DEMO_PASSWORD,
    ...(organizationId ? { organizationId } : {}),
  });
  const staff = directory.forActor(await directory.auth.authorize(token));
  await staff.me();
  return staff;
}

async function everyone(staff: StaffDirectory): Promise<User[]> {
  const all: User[] = [];
  for (const status of ["active", "pending", "disabled"] as const) {
    let cursor: string | null = null;
    do {
      const page = await staff.users.list({ status, limit: 200, ...(cursor ? { cursor } : {}) });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
  }
  return all;
}

const byEmail = (users: readonly User[], email: string): User => {
  const user = users.find((u) => u.email === email);
  if (!user) throw new Error(`${email} was not seeded`);
  return user;
};

describe("the demo seed", () => {
  let s: Seeded;
  let olive: StaffDirectory;
  let harborUsers: User[];

  beforeAll(async () => {
    s = await seeded();
    olive = await signedIn(s.demo.directory, DEMO_SIGN_IN.email, s.result.harborId);
    harborUsers = await everyone(olive);
  });

  it("has two organizations, about sixty people, and Olive in both", async () => {
    expect(s.result.users).toBeGreaterThanOrEqual(55);
    expect(s.result.users).toBeLessThanOrEqual(65);
    const organizations = await s.demo.directory.auth.signIn({
      email: DEMO_SIGN_IN.email,
      password: DEMO_PASSWORD,
    });
    expect(organizations.organizations.map((o) => o.name).sort()).toEqual([
      "Harbor Urgent Care",
      "Tidewater Physiotherapy",
    ]);
    const locations = (await olive.locations.list()).map((l) => l.name).sort();
    expect(locations).toEqual(["Bayview Clinic", "Downtown Clinic", "Northside Clinic"]);
  });

  it("leaves each named account in the state the demo contract names", async () => {
    const role = async (user: User) => (await olive.roles.list()).find((r) => r.id === user.roleId)?.name;
    const oliveUser = byEmail(harborUsers, DEMO_SIGN_IN.email);
    expect(oliveUser.locationAccess).toBe("organization");
    expect(await role(oliveUser)).toBe("Administrator");
    expect((await olive.organization.get()).mainContactUserId).toBe(oliveUser.id);
    expect(await role(byEmail(harborUsers, `adam.admin@${HARBOR}`))).toBe("Administrator");

    const carl = byEmail(harborUsers, `carl.manager@${HARBOR}`);
    const downtown = (await olive.locations.list()).find((l) => l.name === "Downtown Clinic");
    expect(await role(carl)).toBe("Clinic Manager");
    expect(carl.locationAccess).toEqual([downtown?.id]);

    expect(byEmail(harborUsers, `lara.locked@${HARBOR}`)).toMatchObject({ status: "active", locked: true });
    expect(byEmail(harborUsers, `mona.mustchange@${HARBOR}`)).toMatchObject({
      status: "active",
      mustChangePassword: true,
    });
    expect(byEmail(harborUsers, `dina.disabled@${HARBOR}`).status).toBe("disabled");
    expect(byEmail(harborUsers, `paul.pending@${HARBOR}`).status).toBe("pending");
    const nina = byEmail(harborUsers, `nina.npi@${HARBOR}`);
    expect(nina.displayName).toBe("Nina Patel MD");
    expect(nina.flags.practitioner).toBe(true);
    expect(isValidNpi(nina.provider?.npi ?? "")).toBe(true);
    expect(nina.provider?.taxonomyCodes).toEqual(["207P00000X"]);
  });

  it("locks Lara even against the right password, and sends Mona to change hers", async () => {
    await expect(
      s.demo.directory.auth.signIn({ email: `lara.locked@${HARBOR}`, password: DEMO_PASSWORD }),
    ).rejects.toMatchObject({ code: "unauthenticated" });
    const mona = await s.demo.directory.auth.signIn({
      email: `mona.mustchange@${HARBOR}`,
      password: DEMO_PASSWORD,
    });
    expect(mona.session.mustChangePassword).toBe(true);
    await expect(s.demo.directory.auth.authorize(mona.token)).rejects.toMatchObject({
      code: "rule",
      rule: "must_change_password",
    });
  });

  it("makes Olive the only administrator and the main contact of Tidewater", async () => {
    const tidewater = await signedIn(s.demo.directory, DEMO_SIGN_IN.email, s.result.tidewaterId);
    const roles = await tidewater.roles.list();
    const admins = roles.filter((r) => r.administrator).reduce((sum, r) => sum + r.userCount, 0);
    expect(admins).toBe(1);
    const me = await tidewater.me();
    expect(me.isMainContact).toBe(true);
    expect(me.role.name).toBe("Administrator");
    const people = await everyone(tidewater);
    expect(people.map((u) => u.primaryLocationId).every((id) => id === people[0]?.primaryLocationId)).toBe(
      true,
    );
    expect(new Set(people.map((u) => u.status))).toEqual(new Set(["active", "pending", "disabled"]));
  });

  it("gives every practitioner a valid NPI and NUCC taxonomy codes", () => {
    const practitioners = harborUsers.filter((u) => u.flags.practitioner);
    expect(practitioners.length).toBeGreaterThanOrEqual(15);
    for (const user of practitioners) {
      expect(isValidNpi(user.provider?.npi ?? ""), user.email).toBe(true);
      expect(user.provider?.taxonomyCodes.length, user.email).toBeGreaterThan(0);
      for (const code of user.provider?.taxonomyCodes ?? []) expect(TAXONOMY_PATTERN.test(code)).toBe(true);
    }
  });

  it("issue 15: every practitioner holds a licence; Marcus's expires in 9 days, Jamal's in 21, Priya's expired 5 days ago", async () => {
    for (const user of harborUsers.filter((u) => u.flags.practitioner && u.status !== "pending"))
      expect(
        user.provider?.credentials?.some((c) => c.kind === "state_licence"),
        user.email,
      ).toBe(true);
    const alerts = (await olive.users.list({ credentials: "expiring" })).items.map((u) => [
      u.profile.familyName,
      u.credentialAlert?.days,
    ]);
    expect(alerts).toEqual([
      ["Brooks", 21],
      ["Webb", 9],
    ]);
    const expired = (await olive.users.list({ credentials: "expired" })).items;
    expect(expired.map((u) => [u.profile.familyName, u.credentialAlert])).toEqual([
      ["Raman", expect.objectContaining({ standing: "expired", days: -5 })],
    ]);
    const due = await olive.credentials.expiring({ withinDays: 30 });
    expect(due.map((d) => [d.displayName, d.days])).toEqual([
      ["Priya Raman NP", -5],
      ["Marcus Webb MD", 9],
      ["Jamal Brooks PA", 21],
    ]);
  });

  it("shows seat usage with room for at least ten more people in Harbor", async () => {
    const usage = await olive.organization.usage();
    expect(usage.named.limit).toBe(250);
    expect((usage.named.limit ?? 0) - usage.named.used).toBeGreaterThanOrEqual(10);
    expect(usage.practitioners.limit).not.toBeNull();
    expect((usage.practitioners.limit ?? 0) - usage.practitioners.used).toBeGreaterThanOrEqual(10);
  });

  it("W13 leaves Elena at a Windows PC and Samuel on an iPhone signed in, so Settings › Sessions has someone on shift", async () => {
    // Other tests of this file sign people in too: look at the seed's own two. The seed signs
    // them in one after the other, often within one millisecond, where the newest-first list
    // orders by random session id: compare them by email.
    const onShift = (await olive.sessions.list()).items
      .filter((session) => [`samuel.osei@${HARBOR}`, `elena.petrova@${HARBOR}`].includes(session.email))
      .sort((a, b) => b.email.localeCompare(a.email));
    expect(
      onShift.map((session) => [
        session.email,
        session.client?.browser,
        session.client?.system,
        session.network,
      ]),
    ).toEqual([
      [`samuel.osei@${HARBOR}`, "Safari", "iOS", "198.51.100.0/24"],
      [`elena.petrova@${HARBOR}`, "Chrome", "Windows", "203.0.113.0/24"],
    ]);
  });

  it("leaves the outbox empty and the audit chain intact", async () => {
    expect(s.mailer.outbox).toHaveLength(0);
    expect((await olive.audit.verify()).ok).toBe(true);
  });

  it("shares one hash among seeded accounts, and a password set afterwards gets its own salt", async () => {
    const salt = async (email: string) =>
      (await s.demo.directory.store.transaction((tx) => tx.findAccountByEmail(email), { readOnly: true }))
        ?.password?.salt;
    const shared = await salt(DEMO_SIGN_IN.email);
    expect(shared).toBeDefined();
    expect(await salt(`adam.admin@${HARBOR}`)).toBe(shared);

    const { token } = await s.demo.directory.auth.signIn({
      email: `mona.mustchange@${HARBOR}`,
      password: DEMO_PASSWORD,
    });
    await s.demo.directory.auth.changePassword({
      token,
      currentPassword: DEMO_PASSWORD,
      newPassword: "copper-kettle-river-lights-41",
    });
    const fresh = await salt(`mona.mustchange@${HARBOR}`);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(shared);
  });
});

describe("the demo seed with --users", () => {
  it("adds the users to Harbor across every status and raises the seats to fit", async () => {
    const s = await seeded(300);
    expect(s.result.users).toBeGreaterThanOrEqual(355);
    const olive = await signedIn(s.demo.directory, DEMO_SIGN_IN.email, s.result.harborId);
    const counts = await olive.users.counts();
    expect(counts.active + counts.pending + counts.disabled).toBeGreaterThanOrEqual(340);
    expect(counts.pending).toBeGreaterThan(5 + 10);
    expect(counts.disabled).toBeGreaterThan(4 + 10);
    const usage = await olive.organization.usage();
    expect((usage.named.limit ?? 0) - usage.named.used).toBe(15);
    expect(s.mailer.outbox).toHaveLength(0);
  });
});
