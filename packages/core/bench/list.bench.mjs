// users.list (search + filter + sort + page of 50) through the StaffDirectory API over a memory store
// holding 10 000 and 100 000 users of one organization.
import { performance } from "node:perf_hooks";
import { createDirectory, manualClock, pbkdf2Hasher } from "../dist/index.js";
import { memoryStore } from "../dist/memory.js";
import { fixtureLocations, fixtureUsers, seedUsersIntoStore, standardBootstrap } from "../dist/testing.js";

const RUNS = 200;

function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), p99: at(0.99) };
}

async function world(count) {
  const store = memoryStore();
  const directory = createDirectory({
    store,
    passwords: pbkdf2Hasher({ iterations: 1000 }),
    clock: manualClock("2026-11-23T12:00:00Z"),
  });
  const { organization, location, user } = await directory.bootstrap(standardBootstrap());
  const admin = directory.forActor({ organizationId: organization.id, userId: user.id });
  const locations = [location];
  for (const input of fixtureLocations({ count: 7, seed: 3 }))
    locations.push(await admin.locations.create(input));
  const roles = await admin.roles.list();
  const inputs = fixtureUsers({
    count,
    seed: 11,
    locationIds: locations.map((l) => l.id),
    roleIds: roles.filter((r) => r.name !== "Administrator").map((r) => r.id),
    features: { providerDirectory: true },
  });
  const t0 = performance.now();
  await seedUsersIntoStore(store, inputs, { organizationId: organization.id });
  const seedMs = performance.now() - t0;
  return { admin, locations, roles, seedMs };
}

export async function listBench(count) {
  const { admin, locations, roles, seedMs } = await world(count);
  const frontDesk = roles.find((r) => r.name === "Front Desk");
  const queries = {
    "first page, by name": { status: "active" },
    "search 'son' + location + sort email desc": {
      search: "son",
      locationId: locations[2].id,
      sort: "email",
      direction: "desc",
    },
    "search 'priya p' + role + practitioner": {
      search: "priya p",
      roleId: frontDesk.id,
      practitioner: false,
    },
    "admin filter + sort last sign-in": { admin: false, sort: "lastSignInAt", direction: "desc" },
    "location filter + page 3": { locationId: locations[1].id, __pages: 3 },
    "search by NPI prefix '12'": { search: "12", status: "active" },
  };
  const rows = [];
  const all = [];
  for (const [name, q] of Object.entries(queries)) {
    const { __pages = 1, ...query } = q;
    for (let i = 0; i < 20; i++) await admin.users.list({ ...query, limit: 50 });
    const samples = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      let page = await admin.users.list({ ...query, limit: 50 });
      for (let p = 1; p < __pages && page.nextCursor; p++)
        page = await admin.users.list({ ...query, limit: 50, cursor: page.nextCursor });
      samples.push((performance.now() - t) / __pages);
      total = page.total;
    }
    all.push(...samples);
    const s = summarise(samples);
    rows.push({
      users: count,
      query: name,
      matches: total,
      "median ms": s.median.toFixed(3),
      "p95 ms": s.p95.toFixed(3),
    });
  }
  const overall = summarise(all);
  return { rows, overall, seedMs };
}
