import {
  createDirectory,
  type Directory,
  DirectoryError,
  type ManualClock,
  type MemoryMailer,
  manualClock,
  memoryMailer,
  pbkdf2Hasher,
  type StaffDirectory,
  tokenFromLink,
} from "@staffroom/core";
import { FIXTURE_PASSWORD, standardBootstrap } from "@staffroom/core/testing";
import { afterAll, describe, expect, it } from "vitest";
import { type PostgresStore, postgresRateLimiter, postgresStore } from "../src/index";
import { DATABASE_URL, pgliteDatabase, serverDatabase, type TestDatabase } from "./support/databases";
import { reportServerRunSkipped } from "./support/server-gate";
import { lazyDatabase } from "./support/world";

// Every rule that must hold under concurrency, proved with parallel requests through the public
// API of two independent "server instances" (two createDirectory over two stores, on two Pools
// for the real server) sharing one database. Half of the requests go to each instance.

const PARALLEL = 20;
const LOCKOUT_THRESHOLD = 5;
const CLIENT_SIGN_IN_FAILURES = 10;

interface Cluster {
  readonly instances: readonly [Directory, Directory];
  readonly stores: readonly PostgresStore[];
  readonly mailer: MemoryMailer;
  readonly clock: ManualClock;
  readonly organizationId: string;
  readonly locationId: string;
  readonly ownerId: string;
  /** The owner (main contact, administrator) acting through instance `i`. */
  owner(i: number): StaffDirectory;
}

async function cluster(db: TestDatabase): Promise<Cluster> {
  await db.reset();
  const clients = db.label === "PGlite" ? [db.client, db.client] : [db.newPool(), db.newPool()];
  const stores = clients.map((client) => postgresStore({ client }));
  const mailer = memoryMailer();
  const clock = manualClock("2026-03-02T09:00:00.000Z");
  const make = (i: 0 | 1): Directory =>
    createDirectory({
      store: stores[i] as PostgresStore,
      // Each instance its own limiter over its own pool: they share only the database.
      rateLimiter: postgresRateLimiter({ client: clients[i] as TestDatabase["client"] }),
      mailer,
      clock,
      passwords: pbkdf2Hasher({ iterations: 1000 }),
      policy: {
        lockoutThreshold: LOCKOUT_THRESHOLD,
        invitationResendIntervalMs: 0,
        clientSignInFailures: CLIENT_SIGN_IN_FAILURES,
      },
    });
  const instances = [make(0), make(1)] as const;
  const made = await instances[0].bootstrap(standardBootstrap());
  const organizationId = made.organization.id;
  return {
    instances,
    stores,
    mailer,
    clock,
    organizationId,
    locationId: made.location.id,
    ownerId: made.user.id,
    owner: (i) => (instances[i % 2] as Directory).forActor({ organizationId, userId: made.user.id }),
  };
}

let seq = 0;
const staffInput = (c: Cluster, roleId: string) => {
  seq += 1;
  return {
    email: `staff.${seq}@harbor-urgent-care.example`,
    profile: { givenName: "Parallel", familyName: `Staff${seq}` },
    roleId,
    locationAccess: "organization" as const,
    primaryLocationId: c.locationId,
  };
};

async function roleByTemplate(c: Cluster, template: string) {
  const role = (await c.owner(0).roles.list()).find((r) => r.template === template);
  if (!role) throw new Error(`no ${template} role`);
  return role;
}

/** Outcomes of settled requests: "ok", or the DirectoryError code (and rule). Anything else fails the test. */
function outcomes(settled: PromiseSettledResult<unknown>[]): string[] {
  return settled.map((s) => {
    if (s.status === "fulfilled") return "ok";
    if (!(s.reason instanceof DirectoryError)) throw s.reason;
    return s.reason.rule ? `${s.reason.code}/${s.reason.rule}` : s.reason.code;
  });
}

const count = (list: string[], value: string): number => list.filter((x) => x === value).length;

function registerConcurrencyTests(name: string, open: () => Promise<TestDatabase>): void {
  const db = lazyDatabase(open);
  afterAll(db.close);

  describe(`${name}: rules under concurrency, two server instances on one database`, () => {
    it("R6/R7: hand-overs of the main contact racing disables of its heir — exactly one succeeds", async () => {
      const c = await cluster(await db.get());
      const admin = await roleByTemplate(c, "administrator");
      const heir = await c.owner(0).users.create({ ...staffInput(c, admin.id), password: FIXTURE_PASSWORD });
      const org = await c.owner(0).organization.get();
      // Either order alone is fine; both together would leave a disabled main contact (and, once the
      // owner is disabled in turn, no administrator). Each request names the version it read.
      const settled = await Promise.allSettled(
        Array.from({ length: PARALLEL }, (_, i) =>
          i % 2 === 0
            ? c.owner(i >> 1).organization.update({ mainContactUserId: heir.id }, { version: org.version })
            : c.owner(i >> 1).users.disable(heir.id, { version: heir.version }),
        ),
      );
      const got = outcomes(settled);
      expect(count(got, "ok")).toBe(1);
      const handedOver = settled.findIndex((s) => s.status === "fulfilled") % 2 === 0;
      const after = await c.owner(1).organization.get();
      const stored = await c.instances[1]
        .forActor({ organizationId: c.organizationId, userId: after.mainContactUserId ?? c.ownerId })
        .users.get(heir.id);
      expect(after.mainContactUserId).toBe(handedOver ? heir.id : c.ownerId);
      expect(stored.status).toBe(handedOver ? "active" : "disabled");
      const admins = await c.instances[0]
        .forActor({ organizationId: c.organizationId, userId: after.mainContactUserId ?? c.ownerId })
        .users.list({ status: "active", admin: true });
      expect(admins.items.map((u) => u.id)).toContain(after.mainContactUserId);
    });

    it("R6: the main contact demoting and disabling every other admin at once still leaves an admin", async () => {
      const c = await cluster(await db.get());
      const admin = await roleByTemplate(c, "administrator");
      const frontDesk = await roleByTemplate(c, "front_desk");
      const others = [];
      for (let i = 0; i < 4; i++)
        others.push(
          await c.owner(0).users.create({ ...staffInput(c, admin.id), password: FIXTURE_PASSWORD }),
        );
      const org = await c.owner(0).organization.get();
      const settled = await Promise.allSettled([
        ...others.map((u, i) => c.owner(i).users.disable(u.id, { version: u.version })),
        ...others.map((u, i) =>
          c.owner(i + 1).users.update(u.id, { roleId: frontDesk.id }, { version: u.version }),
        ),
        // Hand the main contact over while the new one is being disabled or demoted.
        c
          .owner(1)
          .organization.update(
            { mainContactUserId: (others[0] as { id: string }).id },
            { version: org.version },
          ),
      ]);
      outcomes(settled);
      const after = await c.owner(0).organization.get();
      const admins = await c.instances[1]
        .forActor({ organizationId: c.organizationId, userId: after.mainContactUserId ?? c.ownerId })
        .users.list({ status: "active", admin: true, limit: 50 });
      expect(admins.total).toBeGreaterThanOrEqual(1);
      expect(admins.items.map((u) => u.id)).toContain(after.mainContactUserId);
    });

    it("R9: parallel creates and invites with one named seat left — exactly one succeeds", async () => {
      const c = await cluster(await db.get());
      const frontDesk = await roleByTemplate(c, "front_desk");
      const used = (await c.owner(0).organization.usage()).named.used;
      const org = await c.owner(0).organization.get();
      await c.owner(0).organization.update({ seats: { named: used + 1 } }, { version: org.version });
      const settled = await Promise.allSettled(
        Array.from({ length: PARALLEL }, (_, i) =>
          i % 4 === 3
            ? c.owner(i).users.invite(staffInput(c, frontDesk.id))
            : c.owner(i).users.create({ ...staffInput(c, frontDesk.id), password: FIXTURE_PASSWORD }),
        ),
      );
      const got = outcomes(settled);
      expect(count(got, "ok")).toBe(1);
      expect(count(got, "rule/seat_limit")).toBe(PARALLEL - 1);
      expect((await c.owner(1).organization.usage()).named).toEqual({ used: used + 1, limit: used + 1 });
    });

    it("R12: parallel edits naming the same version — exactly one wins, every other is stale", async () => {
      const c = await cluster(await db.get());
      const frontDesk = await roleByTemplate(c, "front_desk");
      const user = await c
        .owner(0)
        .users.create({ ...staffInput(c, frontDesk.id), password: FIXTURE_PASSWORD });
      const settled = await Promise.allSettled(
        Array.from({ length: PARALLEL }, (_, i) =>
          c.owner(i).users.update(user.id, { profile: { jobTitle: `Edit ${i}` } }, { version: user.version }),
        ),
      );
      const got = outcomes(settled);
      expect(count(got, "ok")).toBe(1);
      expect(count(got, "stale")).toBe(PARALLEL - 1);
      const winner = settled.findIndex((s) => s.status === "fulfilled");
      const stored = await c.owner(1).users.get(user.id);
      expect(stored.profile.jobTitle).toBe(`Edit ${winner}`);
      expect(stored.version).toBe(user.version + 1);
    });

    it("R17: 30 parallel wrong passwords lock the account at exactly the threshold", async () => {
      const c = await cluster(await db.get());
      const frontDesk = await roleByTemplate(c, "front_desk");
      const input = staffInput(c, frontDesk.id);
      const user = await c
        .owner(0)
        .users.create({ ...input, password: FIXTURE_PASSWORD, mustChangePassword: false });
      const settled = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) =>
          (c.instances[i % 2] as Directory).auth.signIn({
            email: input.email,
            password: `wrong-guess-${i}-xyzzy`,
          }),
        ),
      );
      expect(outcomes(settled).every((o) => o === "unauthenticated")).toBe(true);
      const account = await (c.stores[0] as PostgresStore).transaction(
        (tx) => tx.getAccount(user.accountId),
        {
          readOnly: true,
        },
      );
      expect(account?.failedSignIns).toBe(LOCKOUT_THRESHOLD);
      expect(account?.lockouts).toBe(1);
      expect((await c.owner(1).users.get(user.id)).locked).toBe(true);
      // Locked means locked: the right password is refused too, and the counter does not move.
      await expect(
        c.instances[1].auth.signIn({ email: input.email, password: FIXTURE_PASSWORD }),
      ).rejects.toMatchObject({
        code: "unauthenticated",
      });
      const after = await (c.stores[1] as PostgresStore).transaction((tx) => tx.getAccount(user.accountId), {
        readOnly: true,
      });
      expect(after?.failedSignIns).toBe(LOCKOUT_THRESHOLD);
    });

    it("R15 single-use invitation: parallel accepts of one token — exactly one succeeds", async () => {
      const c = await cluster(await db.get());
      const frontDesk = await roleByTemplate(c, "front_desk");
      const input = staffInput(c, frontDesk.id);
      const invited = await c.owner(0).users.invite(input);
      const token = tokenFromLink(c.mailer.latest(input.email)?.link);
      expect(token).not.toBeNull();
      const settled = await Promise.allSettled(
        Array.from({ length: PARALLEL }, (_, i) =>
          (c.instances[i % 2] as Directory).auth.acceptInvitation({
            token: token as string,
            password: `${FIXTURE_PASSWORD}-${i}`,
          }),
        ),
      );
      const got = outcomes(settled);
      expect(count(got, "ok")).toBe(1);
      expect(count(got, "not_found")).toBe(PARALLEL - 1);
      const user = await c.owner(1).users.get(invited.user.id);
      expect(user.status).toBe("active");
      const winner = settled.findIndex((s) => s.status === "fulfilled");
      await expect(
        c.instances[0].auth.signIn({ email: input.email, password: `${FIXTURE_PASSWORD}-${winner}` }),
      ).resolves.toMatchObject({ token: expect.any(String) });
    });

    it("R15 single-use reset token: parallel completions of one link — exactly one succeeds", async () => {
      const c = await cluster(await db.get());
      const frontDesk = await roleByTemplate(c, "front_desk");
      const input = staffInput(c, frontDesk.id);
      await c.owner(0).users.create({ ...input, password: FIXTURE_PASSWORD, mustChangePassword: false });
      await c.instances[1].auth.requestPasswordReset({ email: input.email });
      await c.instances[1].settled(); // the link is mailed after the answer
      const token = tokenFromLink(c.mailer.latest(input.email)?.link);
      expect(token).not.toBeNull();
      const settled = await Promise.allSettled(
        Array.from({ length: PARALLEL }, (_, i) =>
          (c.instances[i % 2] as Directory).auth.completePasswordReset({
            token: token as string,
            password: `fresh-${FIXTURE_PASSWORD}-${i}`,
          }),
        ),
      );
      const got = outcomes(settled);
      expect(count(got, "ok")).toBe(1);
      expect(got.filter((o) => o !== "ok").every((o) => o === "not_found" || o === "unauthenticated")).toBe(
        true,
      );
      const winner = settled.findIndex((s) => s.status === "fulfilled");
      await expect(
        c.instances[0].auth.signIn({ email: input.email, password: `fresh-${FIXTURE_PASSWORD}-${winner}` }),
      ).resolves.toMatchObject({ token: expect.any(String) });
      const loser = (winner + 1) % PARALLEL;
      await expect(
        c.instances[1].auth.signIn({ email: input.email, password: `fresh-${FIXTURE_PASSWORD}-${loser}` }),
      ).rejects.toMatchObject({ code: "unauthenticated" });
    });

    it("per-client throttling: 30 parallel wrong sign-ins from one client across both instances — exactly 10 are tried, exactly one throttle event", async () => {
      const c = await cluster(await db.get());
      const frontDesk = await roleByTemplate(c, "front_desk");
      const input = staffInput(c, frontDesk.id);
      const sam = await c
        .owner(0)
        .users.create({ ...input, password: FIXTURE_PASSWORD, mustChangePassword: false });
      const metadata = { ip: "198.51.100.30" };
      const settled = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) =>
          (c.instances[i % 2] as Directory).auth.signIn({
            email: input.email,
            password: "not-the-password-at-all",
            metadata,
          }),
        ),
      );
      const got = outcomes(settled);
      expect(count(got, "unauthenticated")).toBe(CLIENT_SIGN_IN_FAILURES);
      expect(count(got, "rate_limited")).toBe(30 - CLIENT_SIGN_IN_FAILURES);
      for (const i of [0, 1]) {
        await expect(
          (c.instances[i] as Directory).auth.signIn({
            email: input.email,
            password: FIXTURE_PASSWORD,
            metadata,
          }),
        ).rejects.toMatchObject({ code: "rate_limited" });
      }
      await Promise.all(c.instances.map((d) => d.settled()));
      const events = (await c.owner(0).audit.list({ action: "auth.sign_in", limit: 200 })).items;
      const throttled = events.filter((e) => e.reason === "client_throttled");
      expect(throttled.map((e) => e.target.id)).toEqual([sam.id]);
      expect(events.filter((e) => e.reason !== "client_throttled")).toHaveLength(CLIENT_SIGN_IN_FAILURES);
      // Another client is not slowed, on either instance (Sam is locked by now: 10 wrong passwords).
      await c.owner(1).users.unlock(sam.id, { version: (await c.owner(1).users.get(sam.id)).version });
      await expect(
        c.instances[1].auth.signIn({
          email: input.email,
          password: FIXTURE_PASSWORD,
          metadata: { ip: "203.0.113.9" },
        }),
      ).resolves.toMatchObject({ token: expect.any(String) });
    });
  });
}

registerConcurrencyTests("PGlite", pgliteDatabase);

const url = DATABASE_URL;
if (url === undefined) reportServerRunSkipped("concurrency proofs");
else registerConcurrencyTests("PostgreSQL", () => serverDatabase(url, 20));
