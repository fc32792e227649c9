import { describe, expect, it } from "vitest";
import { DirectoryError } from "../errors/directory-error";
import type { StoreUserQuery, UserRecord } from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import type { UserStatus } from "../users/user.schema";
import { type MemoryStore, type MemoryStoreOptions, memoryStore } from "./index";
import { id, query, rng, user } from "./test-fixtures";

const ORG = id("org", 1);
const GIVEN = ["Jane", "John", "Ana", "Ann", "Zoë", "Li", "Omar", "Sam", "Élodie", "Kai"];
const FAMILY = ["Smith", "Smythe", "Nguyen", "O'Brien", "van der Berg", "Lee", "Ng", "Smith-Jones", "Øster"];
const STATUSES: UserStatus[] = ["pending", "active", "disabled"];
const SORTS = ["name", "email", "createdAt", "lastSignInAt"] as const;

// ---------------------------------------------------------------------------------------------------
// The brute-force reference: an independent, obviously-correct restatement of the contract.

function haystack(u: UserRecord): string {
  const p = u.profile;
  return `${p.givenName} ${p.familyName}\n${u.email}\n${p.initials}\n${u.provider?.npi ?? ""}`.toLowerCase();
}

function sortKey(u: UserRecord, sort: StoreUserQuery["sort"]): string | null {
  if (sort === "name") return `${u.profile.familyName.toLowerCase()} ${u.profile.givenName.toLowerCase()}`;
  if (sort === "email") return u.email;
  if (sort === "createdAt") return u.createdAt;
  return u.lastSignInAt;
}

function reference(users: Iterable<UserRecord>, q: StoreUserQuery): UserRecord[] {
  const rows = [...users].filter((u) => {
    if (u.organizationId !== ORG || !q.statuses.includes(u.status)) return false;
    if (q.roleIds && !q.roleIds.includes(u.roleId)) return false;
    if (q.practitioner !== undefined && u.flags.practitioner !== q.practitioner) return false;
    if (q.credentialExpiry) {
      // Issue 15: any credential's date, the earliest, within the range (a reference, not the index).
      const dates = (u.provider?.credentials ?? []).flatMap((c) => (c.expiresOn ? [c.expiresOn] : []));
      const earliest = dates.sort()[0];
      const { from, to } = q.credentialExpiry;
      if (earliest === undefined || earliest > to || (from !== undefined && earliest < from)) return false;
    }
    const access = u.locationAccess;
    if (q.locationId !== undefined && access !== "organization" && !access.includes(q.locationId))
      return false;
    const scope = q.scopeLocationIds;
    if (scope && access !== "organization" && !access.some((l) => scope.includes(l))) return false;
    return q.terms.every((t) => haystack(u).includes(t));
  });
  return rows.sort((a, b) => {
    const ka = sortKey(a, q.sort);
    const kb = sortKey(b, q.sort);
    if (ka !== kb) {
      if (ka === null) return 1;
      if (kb === null) return -1;
      const c = ka < kb ? -1 : 1;
      return q.direction === "asc" ? c : -c;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

// ---------------------------------------------------------------------------------------------------

function randomUser(r: () => number, n: number, version = 1): UserRecord {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const given = pick(GIVEN);
  const family = pick(FAMILY);
  const practitioner = r() < 0.3;
  const locs = r() < 0.2 ? "organization" : [...new Set([1 + Math.floor(r() * 6), 1 + Math.floor(r() * 6)])];
  const record = user(1, n, {
    given,
    family,
    email: `${given.toLowerCase()}.${family.toLowerCase().replace(/\W/g, "")}${Math.floor(r() * 50)}@clinic.org`,
    status: pick(STATUSES),
    roleN: 1 + Math.floor(r() * 5),
    locations: locs,
    practitioner,
    npi: practitioner && r() < 0.7 ? String(1_000_000_000 + Math.floor(r() * 8_999_999_999)) : null,
    licences: r() < 0.3 ? ["mobile"] : [],
    createdAt: new Date(Date.UTC(2025, 0, 1 + Math.floor(r() * 30))).toISOString(),
    lastSignInAt: r() < 0.35 ? null : new Date(Date.UTC(2026, 0, 1 + Math.floor(r() * 10))).toISOString(),
    version,
  });
  if (!record.provider || r() < 0.3) return record;
  // Issue 15: up to three credentials expiring within ±40 days of 2026-01-20, or never.
  const credentials = Array.from({ length: Math.floor(r() * 4) }, (_, i) => ({
    kind: "state_licence" as const,
    number: `L${n}-${i}`,
    state: "CA",
    issuer: null,
    expiresOn:
      r() < 0.2
        ? null
        : new Date(Date.UTC(2026, 0, 20 - 40 + Math.floor(r() * 80))).toISOString().slice(0, 10),
  }));
  return { ...record, provider: { ...record.provider, credentials } };
}

function randomQuery(r: () => number, users: readonly UserRecord[]): StoreUserQuery {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const statuses = r() < 0.3 ? [...STATUSES] : STATUSES.filter(() => r() < 0.5);
  const terms: string[] = [];
  const termCount = r() < 0.5 ? 0 : 1 + Math.floor(r() * 2);
  for (let i = 0; i < termCount; i++) {
    const text = haystack(pick(users));
    const length = 1 + Math.floor(r() * 5);
    const start = Math.floor(r() * Math.max(1, text.length - length));
    terms.push(r() < 0.1 ? "qqq" : text.slice(start, start + length));
  }
  const q: { -readonly [K in keyof StoreUserQuery]: StoreUserQuery[K] } = {
    statuses,
    terms,
    sort: pick(SORTS),
    direction: r() < 0.5 ? "asc" : "desc",
    limit: pick([1, 7, 25, 50, 200]),
    cursor: null,
  };
  if (r() < 0.3) q.locationId = id("loc", 1 + Math.floor(r() * 7));
  if (r() < 0.3)
    q.roleIds = r() < 0.1 ? [] : [...new Set([id("rol", 1 + Math.floor(r() * 5)), id("rol", 2)])];
  if (r() < 0.3) q.practitioner = r() < 0.5;
  if (r() < 0.3) {
    const day = (offset: number) => new Date(Date.UTC(2026, 0, 20 + offset)).toISOString().slice(0, 10);
    q.credentialExpiry = r() < 0.5 ? { to: day(-1) } : { from: day(0), to: day(Math.floor(r() * 40)) };
  }
  if (r() < 0.3) q.scopeLocationIds = r() < 0.1 ? [] : [id("loc", 1 + Math.floor(r() * 6)), id("loc", 3)];
  return q;
}

/** Raises the page size so walking all pages takes at most ~40 pages (keeps the suite fast). */
function boundPages(q: StoreUserQuery, users: Map<string, UserRecord>): StoreUserQuery {
  const matches = reference(users.values(), q).length;
  return matches / q.limit > 40 ? { ...q, limit: Math.ceil(matches / 40) } : q;
}

/** Walks every page with cursors; returns the ids and checks `total` on every page. */
async function walkPages(
  tx: StoreTransaction,
  q: StoreUserQuery,
  expectedTotal: number,
  onPage: () => void = () => {},
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 10_000; pages++) {
    const page = await tx.queryUsers(ORG, { ...q, cursor });
    onPage();
    expect(page.total).toBe(expectedTotal);
    expect(page.items.length).toBeLessThanOrEqual(q.limit);
    ids.push(...page.items.map((u) => u.id));
    if (page.nextCursor === null) return ids;
    expect(page.items.length).toBe(q.limit);
    cursor = page.nextCursor;
  }
  throw new Error("too many pages");
}

async function seed(options: MemoryStoreOptions, count: number, seedN: number) {
  const store = memoryStore(options);
  const r = rng(seedN);
  const users = new Map<string, UserRecord>();
  for (let n = 1; n <= count; n++) {
    const u = randomUser(r, n);
    users.set(u.id, u);
  }
  await store.transaction(async (tx) => {
    for (const u of users.values()) expect(await tx.insertUser(u)).toBe(true);
  });
  return { store, users, r };
}

async function compareRandomQueries(
  store: MemoryStore,
  users: Map<string, UserRecord>,
  r: () => number,
  n: number,
): Promise<Set<string>> {
  const all = [...users.values()];
  const strategies = new Set<string>();
  await store.transaction(
    async (tx) => {
      for (let i = 0; i < n; i++) {
        const q = boundPages(randomQuery(r, all), users);
        const expected = reference(users.values(), q).map((u) => u.id);
        const got = await walkPages(tx, q, expected.length, () =>
          strategies.add(store.stats().lastUserQuery?.strategy ?? "none"),
        );
        expect(got, JSON.stringify(q)).toEqual(expected);
        expect(await tx.countUsers(ORG, q), JSON.stringify(q)).toBe(expected.length);
      }
    },
    { readOnly: true },
  );
  return strategies;
}

/** Random updates (status, role, names, locations, sign-in), deletes and inserts, committed. */
async function mutate(store: MemoryStore, users: Map<string, UserRecord>, r: () => number, nextN: number) {
  const changes = new Map<string, UserRecord | null>();
  const ids = [...users.keys()];
  for (let i = 0; i < Math.floor(ids.length / 5); i++) {
    const current = users.get(ids[Math.floor(r() * ids.length)] as string);
    if (!current || changes.has(current.id)) continue;
    const dice = r();
    if (dice < 0.15) {
      changes.set(current.id, null);
      continue;
    }
    const fresh = randomUser(r, 0);
    const next: UserRecord =
      dice < 0.35
        ? { ...current, status: fresh.status }
        : dice < 0.5
          ? { ...current, roleId: fresh.roleId }
          : dice < 0.65
            ? { ...current, profile: fresh.profile, email: fresh.email }
            : dice < 0.8
              ? { ...current, locationAccess: fresh.locationAccess }
              : {
                  ...current,
                  lastSignInAt: fresh.lastSignInAt,
                  flags: fresh.flags,
                  provider: fresh.provider,
                };
    changes.set(current.id, { ...next, version: current.version + 1 });
  }
  for (let k = 0; k < 50; k++) {
    const u = randomUser(r, nextN + k);
    changes.set(u.id, u);
  }
  await store.transaction(async (tx) => {
    for (const [userId, next] of changes) {
      const current = users.get(userId);
      if (next === null) await tx.deleteUser(ORG, userId);
      else if (current) expect(await tx.updateUser(next, current.version)).toBe(true);
      else expect(await tx.insertUser(next)).toBe(true);
    }
  });
  for (const [userId, next] of changes) {
    if (next) users.set(userId, next);
    else users.delete(userId);
  }
}

describe("queryUsers against a brute-force reference", () => {
  const configs: [string, MemoryStoreOptions][] = [
    ["default tuning", {}],
    ["tiny thresholds (walks presorted indexes)", { smallCandidateLimit: 30, sortedChunkSize: 8 }],
  ];
  for (const [label, options] of configs) {
    it(`pages match the reference ordering and totals (${label})`, async () => {
      const { store, users, r } = await seed(options, 3000, 42);
      const strategies = await compareRandomQueries(store, users, r, 120);
      // Indexes (including the presorted ones built above) stay right through updates and deletes.
      await mutate(store, users, r, 5000);
      for (const s of await compareRandomQueries(store, users, r, 80)) strategies.add(s);
      await mutate(store, users, r, 6000);
      for (const s of await compareRandomQueries(store, users, r, 80)) strategies.add(s);
      expect([...strategies]).toEqual(expect.arrayContaining(["empty", "sort-candidates", "walk-sorted"]));
    });
  }

  it("answers from a transaction's own uncommitted users too", async () => {
    const { store, users, r } = await seed({ smallCandidateLimit: 30, sortedChunkSize: 8 }, 1500, 7);
    const before = new Map(users);
    const failure = new Error("rollback");
    await expect(
      store.transaction(async (tx) => {
        await mutateInside(tx, users, r);
        const all = [...users.values()];
        for (let i = 0; i < 60; i++) {
          const q = boundPages(randomQuery(r, all), users);
          const expected = reference(users.values(), q).map((u) => u.id);
          expect(await walkPages(tx, q, expected.length), JSON.stringify(q)).toEqual(expected);
          expect(await tx.countUsers(ORG, q)).toBe(expected.length);
        }
        throw failure;
      }),
    ).rejects.toBe(failure);
    // The rollback left the committed indexes as they were.
    await compareRandomQueries(store, before, r, 40);
  });
});

async function mutateInside(tx: StoreTransaction, users: Map<string, UserRecord>, r: () => number) {
  const ids = [...users.keys()];
  for (let i = 0; i < 200; i++) {
    const current = users.get(ids[Math.floor(r() * ids.length)] as string);
    if (!current) continue;
    if (r() < 0.2) {
      await tx.deleteUser(ORG, current.id);
      users.delete(current.id);
      continue;
    }
    const fresh = randomUser(r, 0);
    const next = { ...current, status: fresh.status, profile: fresh.profile, version: current.version + 1 };
    expect(await tx.updateUser(next, current.version)).toBe(true);
    users.set(current.id, next);
  }
  for (let k = 0; k < 40; k++) {
    const u = randomUser(r, 90_000 + k);
    expect(await tx.insertUser(u)).toBe(true);
    users.set(u.id, u);
  }
}

describe("queryUsers indexes", () => {
  async function small() {
    const store = memoryStore();
    const users = [
      user(1, 1, { given: "Jane", family: "Smith", roleN: 1, locations: [1] }),
      user(1, 2, { given: "Ana", family: "Lopez", roleN: 2, locations: "organization", practitioner: true }),
      user(1, 3, { given: "Omar", family: "Haddad", roleN: 2, locations: [2], npi: "1234567893" }),
      user(1, 4, { given: "Li", family: "Ng", roleN: 3, locations: [2, 3], status: "pending" }),
    ];
    await store.transaction(async (tx) => {
      for (const u of users) await tx.insertUser(u);
    });
    const ids = async (q: StoreUserQuery) =>
      (await store.transaction((tx) => tx.queryUsers(ORG, q), { readOnly: true })).items.map((u) => u.id);
    return { store, ids };
  }

  it("follows status, role, name and location changes", async () => {
    const { store, ids } = await small();
    expect(await ids(query({ terms: ["smith"] }))).toEqual([id("usr", 1)]);
    expect(await ids(query({ locationId: id("loc", 2) }))).toEqual([id("usr", 3), id("usr", 2)]);
    // Build every presorted index before the changes, so they are maintained incrementally.
    for (const sort of SORTS) await ids(query({ sort, statuses: [...STATUSES] }));
    await store.transaction(async (tx) => {
      await tx.updateUser(
        user(1, 1, {
          given: "Jane",
          family: "Doe",
          roleN: 3,
          locations: [2],
          status: "disabled",
          version: 2,
        }),
        1,
      );
      await tx.updateUser(user(1, 4, { given: "Li", family: "Ng", roleN: 3, locations: [3], version: 2 }), 1);
      await tx.deleteUser(ORG, id("usr", 3));
    });
    expect(await ids(query({ terms: ["smith"], statuses: [...STATUSES] }))).toEqual([]);
    expect(await ids(query({ terms: ["doe"] }))).toEqual([]);
    expect(await ids(query({ terms: ["doe"], statuses: ["disabled"] }))).toEqual([id("usr", 1)]);
    expect(await ids(query({ roleIds: [id("rol", 3)], statuses: [...STATUSES] }))).toEqual([
      id("usr", 1),
      id("usr", 4),
    ]);
    expect(await ids(query({ roleIds: [id("rol", 1)], statuses: [...STATUSES] }))).toEqual([]);
    expect(await ids(query({ locationId: id("loc", 2), statuses: [...STATUSES] }))).toEqual([
      id("usr", 1),
      id("usr", 2),
    ]);
    expect(await ids(query({ locationId: id("loc", 3) }))).toEqual([id("usr", 2), id("usr", 4)]);
    expect(await ids(query({ terms: ["1234"], statuses: [...STATUSES] }))).toEqual([]);
    expect(await ids(query({ sort: "name", statuses: [...STATUSES] }))).toEqual([
      id("usr", 1),
      id("usr", 2),
      id("usr", 4),
    ]);
  });

  it("applies the filter rules: empty roleIds, scope, org-wide users, practitioners, NPI search", async () => {
    const { ids } = await small();
    expect(await ids(query({ roleIds: [] }))).toEqual([]);
    expect(await ids(query({ scopeLocationIds: [] }))).toEqual([id("usr", 2)]);
    expect(await ids(query({ scopeLocationIds: [id("loc", 2), id("loc", 9)] }))).toEqual([
      id("usr", 3),
      id("usr", 2),
    ]);
    expect(await ids(query({ practitioner: true }))).toEqual([id("usr", 2)]);
    expect(await ids(query({ practitioner: false }))).toEqual([id("usr", 3), id("usr", 1)]);
    expect(await ids(query({ terms: ["567893"] }))).toEqual([id("usr", 3)]);
    expect(await ids(query({ terms: ["oh"] }))).toEqual([id("usr", 3)]); // initials "OH"
    expect(await ids(query({ terms: ["user1@"] }))).toEqual([id("usr", 1)]);
    expect(await ids(query({ terms: ["jane smith"] }))).toEqual([id("usr", 1)]);
    expect(await ids(query({ terms: ["a", "lo"] }))).toEqual([id("usr", 2)]);
    expect(await ids(query({ statuses: [] }))).toEqual([]);
  });

  it("sorts users without lastSignInAt last in both directions, ties by id ascending", async () => {
    const store = memoryStore({ smallCandidateLimit: 0, sortedChunkSize: 2 });
    const at = "2026-01-05T00:00:00.000Z";
    await store.transaction(async (tx) => {
      await tx.insertUser(user(1, 1, { lastSignInAt: null }));
      await tx.insertUser(user(1, 2, { lastSignInAt: at }));
      await tx.insertUser(user(1, 3, { lastSignInAt: "2026-01-06T00:00:00Z" }));
      await tx.insertUser(user(1, 4, { lastSignInAt: null }));
      await tx.insertUser(user(1, 5, { lastSignInAt: at }));
    });
    for (const [direction, expected] of [
      ["asc", [2, 5, 3, 1, 4]],
      ["desc", [3, 2, 5, 1, 4]],
    ] as const) {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await store.transaction(
          (tx) => tx.queryUsers(ORG, query({ sort: "lastSignInAt", direction, limit: 2, cursor })),
          { readOnly: true },
        );
        ids.push(...page.items.map((u) => u.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(ids).toEqual(expected.map((n) => id("usr", n)));
    }
  });

  it("examines far fewer records than the organization holds for a selective query", async () => {
    const store = memoryStore();
    await store.transaction(async (tx) => {
      for (let n = 1; n <= 5000; n++) {
        await tx.insertUser(
          user(1, n, {
            family: n % 250 === 0 ? `Zyxwvut${n}` : `Smith${n}`,
            roleN: n % 250 === 0 ? 9 : 1 + (n % 4),
            locations: [1 + (n % 20)],
          }),
        );
      }
    });
    const run = async (q: StoreUserQuery) => {
      const page = await store.transaction((tx) => tx.queryUsers(ORG, q), { readOnly: true });
      const stats = store.stats().lastUserQuery;
      if (!stats) throw new Error("no stats");
      return { page, stats };
    };
    const byRole = await run(query({ roleIds: [id("rol", 9)] }));
    expect(byRole.page.total).toBe(20);
    expect(byRole.stats.organizationUsers).toBe(5000);
    expect(byRole.stats.examined).toBeLessThanOrEqual(20);

    const bySearch = await run(query({ terms: ["zyxwv"] }));
    expect(bySearch.page.total).toBe(20);
    expect(bySearch.stats.examined).toBeLessThanOrEqual(20);

    const byLocation = await run(query({ locationId: id("loc", 7), terms: ["smith"] }));
    expect(byLocation.page.total).toBe(250);
    expect(byLocation.stats.examined).toBeLessThanOrEqual(250);

    // Unfiltered: the total is a popcount; only the page is read from the presorted index.
    const unfiltered = await run(query({ limit: 50 }));
    expect(unfiltered.page.total).toBe(5000);
    expect(unfiltered.stats.strategy).toBe("walk-sorted");
    expect(unfiltered.stats.examined).toBe(51);

    // An exact index set is counted by its size, without looking at any user.
    const count = await store.transaction(
      (tx) => tx.countUsers(ORG, { statuses: ["pending", "active", "disabled"], roleIds: [id("rol", 9)] }),
      { readOnly: true },
    );
    expect(count).toBe(20);
    expect(store.stats().lastUserCount?.examined).toBe(0);
  });
});

describe("cursors", () => {
  async function store3() {
    const store = memoryStore();
    await store.transaction(async (tx) => {
      for (let n = 1; n <= 5; n++) await tx.insertUser(user(1, n));
    });
    const run = (q: StoreUserQuery, orgId = ORG) =>
      store.transaction((tx) => tx.queryUsers(orgId, q), { readOnly: true });
    return run;
  }

  async function expectInvalid(promise: Promise<unknown>) {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DirectoryError);
    if (!(error instanceof DirectoryError)) return;
    expect(error.code).toBe("validation");
    expect(error.message).toBe("The page cursor is not valid.");
    expect(error.issues).toEqual([
      { path: ["cursor"], code: "invalid_cursor", message: "The page cursor is not valid." },
    ]);
  }

  it("R14 rejects garbled cursors with a validation error", async () => {
    const run = await store3();
    for (const cursor of [
      "",
      "!!!",
      "abc",
      "eyJ9",
      btoa("[1,2,3]"),
      btoa('[1,"x",null,"usr_0000000001"]'),
      "%%",
    ]) {
      await expectInvalid(run(query({ cursor })));
    }
  });

  it("R5/R14 rejects a cursor of another query or organization", async () => {
    const run = await store3();
    const first = await run(query({ limit: 2 }));
    expect(first.nextCursor).not.toBeNull();
    const cursor = first.nextCursor;
    await expectInvalid(run(query({ limit: 2, cursor, sort: "email" })));
    await expectInvalid(run(query({ limit: 2, cursor, direction: "desc" })));
    await expectInvalid(run(query({ limit: 2, cursor, terms: ["jane"] })));
    await expectInvalid(run(query({ limit: 2, cursor }), id("org", 2)));
    // Another page size is the same query.
    expect((await run(query({ limit: 3, cursor }))).items).toHaveLength(3);
  });

  it("keeps paging stable when the anchor row is deleted between pages", async () => {
    const store = memoryStore({ smallCandidateLimit: 0, sortedChunkSize: 2 });
    await store.transaction(async (tx) => {
      for (let n = 1; n <= 6; n++) await tx.insertUser(user(1, n));
    });
    const page = (cursor: string | null) =>
      store.transaction((tx) => tx.queryUsers(ORG, query({ sort: "email", limit: 2, cursor })), {
        readOnly: true,
      });
    const first = await page(null);
    await store.transaction((tx) => tx.deleteUser(ORG, id("usr", 2)));
    const second = await page(first.nextCursor);
    expect(second.items.map((u) => u.id)).toEqual([id("usr", 3), id("usr", 4)]);
  });
});

describe("countUsers", () => {
  it("counts through the indexes, including a transaction's own writes", async () => {
    const store = memoryStore();
    await store.transaction(async (tx) => {
      await tx.insertUser(user(1, 1, { licences: ["mobile"], practitioner: true }));
      await tx.insertUser(user(1, 2, { licences: ["mobile"], status: "pending" }));
      await tx.insertUser(user(1, 3, { status: "disabled", licences: ["mobile"] }));
      await tx.insertUser(user(1, 4, { roleN: 2, locations: [2] }));
    });
    const seats = { statuses: ["active", "pending"] as UserStatus[] };
    await store.transaction(async (tx) => {
      expect(await tx.countUsers(ORG, seats)).toBe(3);
      expect(await tx.countUsers(ORG, { ...seats, licence: "mobile" })).toBe(2);
      expect(await tx.countUsers(ORG, { ...seats, practitioner: true })).toBe(1);
      expect(await tx.countUsers(ORG, { ...seats, roleIds: [id("rol", 2)] })).toBe(1);
      expect(await tx.countUsers(ORG, { ...seats, scopeLocationIds: [id("loc", 2)] })).toBe(1);
      expect(await tx.countUsers(id("org", 2), seats)).toBe(0);
      // A seat check after writes in the same transaction sees them.
      await tx.insertUser(user(1, 5, { licences: ["mobile"], status: "pending" }));
      await tx.updateUser(
        user(1, 1, { licences: [], practitioner: true, status: "disabled", version: 2 }),
        1,
      );
      await tx.deleteUser(ORG, id("usr", 4));
      expect(await tx.countUsers(ORG, seats)).toBe(2);
      expect(await tx.countUsers(ORG, { ...seats, licence: "mobile" })).toBe(2);
      expect(await tx.countUsers(ORG, { ...seats, practitioner: true })).toBe(0);
      expect(await tx.countUsers(ORG, { statuses: ["disabled"], practitioner: true })).toBe(1);
    });
    expect(await store.transaction((tx) => tx.countUsers(ORG, seats), { readOnly: true })).toBe(2);
    expect(store.stats().users).toBe(4);
  });
});
