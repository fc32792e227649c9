import {
  type AuditEvent,
  createDirectory,
  displayName,
  manualClock,
  pbkdf2Hasher,
  type User,
} from "@staffroom/core";
import { GENESIS_HASH, hashEvent, type LegacyAuditEvent } from "@staffroom/core/store";
import { FIXTURE_PASSWORD, memoryWorld } from "@staffroom/core/testing";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS, migrate, postgresStore } from "../src/index";

/** Every version after 1, which a version-1 database lacks (2 is the split; later ones ride along). */
const LATER_VERSIONS = MIGRATIONS.map((m) => m.version).filter((v) => v > 1);

import { DATABASE_URL, pgliteDatabase, serverDatabase, type TestDatabase } from "./support/databases";
import { dumpSchema, queryOf } from "./support/dump";
import { reportServerRunSkipped } from "./support/server-gate";

/** The person version 1 deleted: every value is distinctive, and version 1 kept them all. */
const ZEBEDEE = {
  email: "zebedee.quillfeather@legacy-check.example",
  newEmail: "z.quillfeather@legacy-check.example",
  givenName: "Zebedee",
  familyName: "Quįllfeather",
  title: "Ʀx",
  jobTitle: "Lamplighter of the east wing",
  primaryPhone: "+14155550199",
  ip: "198.51.100.23",
  userAgent: "ZebBrowser/1.0 (legacy-check)",
} as const;

interface Legacy {
  readonly organizationId: string;
  readonly ownerId: string;
  readonly ownerEmail: string;
  readonly petra: User;
  readonly zebedeeId: string;
  readonly events: LegacyAuditEvent[];
  readonly now: number;
}

/** An event as version 1 stored it: every value inline (the view without the erasure markers). */
function asLegacy(event: AuditEvent): Omit<LegacyAuditEvent, "previousHash" | "hash"> {
  const { previousHash: _p, hash: _h, actor, target, ...rest } = event;
  return {
    ...rest,
    actor: { userId: actor.userId, email: actor.email },
    target: { type: target.type, id: target.id, label: target.label ?? "" },
  };
}

/** Chains events as version 1 did: each hashed whole, personal values included. */
async function chainV1(
  drafts: Omit<LegacyAuditEvent, "previousHash" | "hash">[],
): Promise<LegacyAuditEvent[]> {
  const out: LegacyAuditEvent[] = [];
  let previousHash = GENESIS_HASH;
  for (const [i, draft] of drafts.entries()) {
    const linked = { ...draft, sequence: i + 1, previousHash };
    const hash = await hashEvent(linked);
    out.push({ ...linked, hash });
    previousHash = hash;
  }
  return out;
}

/**
 * Writes into `db` (at schema version 1) what a version-1 deployment held: an organization with its
 * owner and Petra (records copied from a world run by core), and a version-1 audit chain in which
 * Zebedee was created, edited, signed in, disabled and deleted — version 1 kept his name, emails,
 * phone and request metadata in those events. Petra's and the owner's events stay theirs.
 */
async function seedVersion1(db: TestDatabase): Promise<Legacy> {
  const world = await memoryWorld();
  const org = world.organization.id;
  const owner = world.directory.forActor({ organizationId: org, userId: world.owner.id });
  const roleId = (await owner.roles.list()).find((r) => r.template === "front_desk")?.id ?? "";
  const base = { roleId, locationAccess: [world.location.id], primaryLocationId: world.location.id };
  const petra = await owner.users.create({
    ...base,
    email: "petra.lind@legacy-check.example",
    profile: { givenName: "Petra", familyName: "Lind" },
    password: FIXTURE_PASSWORD,
  });
  let zebedee = await owner.users.create({
    ...base,
    email: ZEBEDEE.email,
    profile: {
      givenName: ZEBEDEE.givenName,
      familyName: ZEBEDEE.familyName,
      title: ZEBEDEE.title,
      primaryPhone: ZEBEDEE.primaryPhone,
    },
    password: FIXTURE_PASSWORD,
  });
  zebedee = await owner.users.update(
    zebedee.id,
    { email: ZEBEDEE.newEmail, profile: { jobTitle: ZEBEDEE.jobTitle } },
    { version: zebedee.version },
  );
  await world.auth.signIn({
    email: ZEBEDEE.newEmail,
    password: FIXTURE_PASSWORD,
    metadata: { ip: ZEBEDEE.ip, userAgent: ZEBEDEE.userAgent },
  });
  await world.auth.signIn({
    email: petra.email,
    password: FIXTURE_PASSWORD,
    metadata: { ip: "198.51.100.24", userAgent: "PetraBrowser/2" },
  });
  await owner.users.disable(zebedee.id, { version: zebedee.version });
  const view = [...(await owner.audit.list({ limit: 500 })).items].reverse();
  const drafts = view.map(asLegacy);
  const last = drafts[drafts.length - 1];
  if (!last) throw new Error("no events");
  drafts.push({
    ...last,
    id: "evt_legacytombstone0001",
    at: new Date(Date.parse(last.at) + 60_000).toISOString(),
    actor: { userId: world.owner.id, email: world.owner.email },
    action: "user.deleted",
    target: { type: "user", id: zebedee.id, label: displayName(zebedee.profile) },
    changes: { status: { before: "disabled", after: "deleted" } },
    metadata: {},
  });
  const events = await chainV1(drafts);

  // Version 1's records, Zebedee's gone (deleted): through the store, whose inserts need no table
  // of version 2.
  const records = await world.store.transaction(
    async (tx) => {
      const users = (
        await tx.queryUsers(org, {
          statuses: ["active", "pending", "disabled"],
          terms: [],
          sort: "name",
          direction: "asc",
          limit: 100,
          cursor: null,
        })
      ).items.filter((u) => u.id !== zebedee.id);
      return {
        organization: await tx.getOrganization(org),
        locations: await tx.listLocations(org),
        roles: await tx.listRoles(org),
        users,
        accounts: await Promise.all(users.map((u) => tx.getAccount(u.accountId))),
      };
    },
    { readOnly: true },
  );
  // The organization row as version 1 had it (later versions add columns today's store writes).
  const o = records.organization;
  if (o)
    await queryOf(db)(
      `INSERT INTO organizations (id, name, features, seats, licence_types, provider_types,
        main_contact_user_id, version, created_at, updated_at)
       VALUES ($1, $2, $3::text::jsonb, $4::text::jsonb, $5::text::jsonb, $6::text::jsonb, $7, $8, $9, $10)`,
      [
        o.id,
        o.name,
        JSON.stringify(o.features),
        JSON.stringify(o.seats),
        JSON.stringify(o.licenceTypes),
        JSON.stringify(o.providerTypes),
        o.mainContactUserId,
        o.version,
        o.createdAt,
        o.updatedAt,
      ],
    );
  await postgresStore({ client: db.client }).transaction(async (tx) => {
    for (const location of records.locations) await tx.insertLocation(location);
    for (const role of records.roles) await tx.insertRole(role);
    for (const account of records.accounts) if (account) await tx.insertAccount(account);
    for (const user of records.users) await tx.insertUser(user);
  });
  for (const e of events)
    await queryOf(db)(
      `INSERT INTO audit_events (organization_id, sequence, at, actor_user_id, target_id, action, event)
       VALUES ($1, $2, $3, $4, $5, $6, $7::text::json)`,
      [e.organizationId, e.sequence, e.at, e.actor.userId, e.target.id, e.action, JSON.stringify(e)],
    );
  return {
    organizationId: org,
    ownerId: world.owner.id,
    ownerEmail: world.owner.email,
    petra,
    zebedeeId: zebedee.id,
    events,
    now: world.clock.now() + 3_600_000,
  };
}

/** The legacy-head rows, as plain values. */
async function legacyHeads(db: TestDatabase) {
  const { rows } = await queryOf(db)(
    `SELECT organization_id, events, checked, sequence, hash, verified, problem, first_bad_sequence
     FROM audit_legacy_heads`,
  );
  return rows.map((r) => ({
    organizationId: String(r.organization_id),
    events: Number(r.events),
    checked: Number(r.checked),
    sequence: Number(r.sequence),
    hash: String(r.hash),
    verified: r.verified === true,
    problem: r.problem === null ? null : String(r.problem),
    firstBadSequence: r.first_bad_sequence === null ? null : Number(r.first_bad_sequence),
  }));
}

function registerLegacyMigration(label: string, open: () => Promise<TestDatabase>): void {
  describe(`${label}: migration 2 splits version-1 audit events (W6, R18)`, () => {
    const opened: TestDatabase[] = [];
    afterAll(async () => {
      for (const db of opened) await db.close();
    });
    const version1 = async () => {
      const db = await open();
      opened.push(db);
      const recorded = await queryOf(db)("SELECT version FROM staffroom_migrations ORDER BY 1");
      expect(recorded.rows.map((r) => Number(r.version))).toEqual([1]);
      return db;
    };

    it("re-chains every event without personal values, erases the people version 1 deleted, keeps the living, and records the legacy head", async () => {
      const db = await version1();
      const legacy = await seedVersion1(db);
      const dumpBefore = (await dumpSchema(db)).text;
      for (const value of Object.values(ZEBEDEE)) expect(dumpBefore).toContain(value);

      expect((await migrate(db.client)).applied).toEqual(LATER_VERSIONS);

      const head = legacy.events[legacy.events.length - 1];
      expect(await legacyHeads(db)).toEqual([
        {
          organizationId: legacy.organizationId,
          events: legacy.events.length,
          checked: legacy.events.length,
          sequence: head?.sequence,
          hash: head?.hash,
          verified: true,
          problem: null,
          firstBadSequence: null,
        },
      ]);
      const directory = createDirectory({
        store: postgresStore({ client: db.client }),
        clock: manualClock(legacy.now),
        passwords: pbkdf2Hasher({ iterations: 1000 }),
      });
      const owner = directory.forActor({ organizationId: legacy.organizationId, userId: legacy.ownerId });
      expect(await owner.audit.verify()).toMatchObject({ ok: true, checked: legacy.events.length });
      const events = (await owner.audit.list({ limit: 500 })).items;
      expect(events.map((e) => [e.id, e.sequence]).reverse()).toEqual(
        legacy.events.map((e) => [e.id, e.sequence]),
      );
      expect(events.every((e, i) => e.hash !== legacy.events[legacy.events.length - 1 - i]?.hash)).toBe(true);

      // Zebedee, deleted under version 1: nowhere in the database, a tombstone in the trail.
      const dumpAfter = (await dumpSchema(db)).text;
      expect(Object.values(ZEBEDEE).filter((v) => dumpAfter.includes(v))).toEqual([]);
      const about = events.filter((e) => e.target.id === legacy.zebedeeId);
      expect(about[0]).toMatchObject({ action: "user.deleted", target: { label: null, erased: true } });
      expect(about.length).toBeGreaterThanOrEqual(5);
      for (const e of about) expect(e.target).toMatchObject({ label: null, erased: true });
      for (const e of events.filter((x) => x.actor.userId === legacy.zebedeeId))
        expect(e.actor).toEqual({ userId: legacy.zebedeeId, email: null, erased: true });

      // The living keep their values, joined back from their parts.
      const petraEvents = events.filter((e) => e.target.id === legacy.petra.id);
      expect(petraEvents.map((e) => e.target.label)).toContain("Petra Lind");
      expect(petraEvents.find((e) => e.action === "auth.sign_in")).toMatchObject({
        actor: { email: legacy.petra.email, erased: false },
        metadata: { ip: "198.51.100.24", userAgent: "PetraBrowser/2" },
      });
      expect(
        events.every((e) => e.actor.userId !== legacy.ownerId || e.actor.email === legacy.ownerEmail),
      ).toBe(true);

      // The store works on from the migrated chain.
      await directory.auth.signIn({ email: legacy.petra.email, password: FIXTURE_PASSWORD });
      expect(await owner.audit.verify()).toMatchObject({ ok: true, checked: legacy.events.length + 1 });
      expect(await migrate(db.client)).toMatchObject({ applied: [] });
    });

    it("a version-1 chain that no longer verifies is still split (and its people erased), and the legacy head says where it broke", async () => {
      const db = await version1();
      const legacy = await seedVersion1(db);
      const broken = 3;
      await queryOf(db)(
        `UPDATE audit_events SET event = jsonb_set(event::jsonb, '{action}', '"user.restored"')::json
         WHERE organization_id = $1 AND sequence = $2`,
        [legacy.organizationId, broken],
      );
      expect((await migrate(db.client)).applied).toEqual(LATER_VERSIONS);
      expect(await legacyHeads(db)).toMatchObject([
        { verified: false, problem: "edited", firstBadSequence: broken, checked: broken - 1 },
      ]);
      const dumpAfter = (await dumpSchema(db)).text;
      expect(Object.values(ZEBEDEE).filter((v) => dumpAfter.includes(v))).toEqual([]);
    });
  });
}

registerLegacyMigration("PGlite", () => pgliteDatabase({ upTo: 1 }));
const url = DATABASE_URL;
if (url === undefined) reportServerRunSkipped("migration 2 over version-1 data");
else registerLegacyMigration("PostgreSQL", () => serverDatabase(url, 2, { upTo: 1 }));
