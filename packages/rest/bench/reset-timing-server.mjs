// The server side of `bench:reset`, on its own thread (so its after-answer work cannot delay the
// client's reading of an answer, as it could not for a remote client): a directory over the store
// named in workerData, PER_KIND + WARM_UP users with accounts, the fetch handler on 127.0.0.1.
import { createServer } from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { createDirectory, manualClock, pbkdf2Hasher } from "@staffroom/core";
import { memoryStore } from "@staffroom/core/memory";
import { standardBootstrap } from "@staffroom/core/testing";
import { migrate, postgresStore } from "@staffroom/postgres";
import pg from "pg";
import { createRestHandler, toNodeListener } from "../dist/server.js";

const { kind, users, mailMs, basePath, databaseUrl, schema } = workerData;

/** A mailer that takes `mailMs` per message, as handing a message to a relay does. */
let sent = 0;
const mailer = {
  async send() {
    await new Promise((resolve) => setTimeout(resolve, mailMs));
    sent += 1;
  },
};

let close = async () => {};
let store;
if (kind === "memory") {
  store = memoryStore();
} else if (kind === "PGlite") {
  const db = new PGlite();
  await migrate(db);
  store = postgresStore({ client: db });
  close = () => db.close();
} else {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    options: `-c search_path=${schema},public`,
  });
  await migrate(pool);
  store = postgresStore({ client: pool });
  close = () => pool.end();
}

const directory = createDirectory({
  store,
  mailer,
  clock: manualClock("2026-11-23T12:00:00Z"),
  passwords: pbkdf2Hasher({ iterations: 1000 }),
  // Out of the benchmark's way (every request comes from one address), but still counted.
  policy: { clientResetRequests: 1_000_000 },
});
const { organization, location, user } = await directory.bootstrap(standardBootstrap());
const admin = directory.forActor({ organizationId: organization.id, userId: user.id });
const roles = await admin.roles.list();
const frontDesk = roles.find((r) => r.name === "Front Desk") ?? roles[0];
const known = [];
for (let i = 0; i < users; i++) {
  const email = `staff.${i}@harbor-bench.example`;
  await admin.users.create({
    email,
    profile: { givenName: "Bench", familyName: `Person ${i}` },
    roleId: frontDesk.id,
    locationAccess: [location.id],
    primaryLocationId: location.id,
    password: "amber-kettle-orchard-plume-19",
  });
  known.push(email);
}
const handler = createRestHandler(directory, { basePath, onError: () => undefined });
const server = createServer({ keepAliveTimeout: 10_000 }, toNodeListener(handler));
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
parentPort.postMessage({ port: server.address().port, known });
parentPort.on("message", async (message) => {
  if (message !== "stop") return;
  // Mail still on its way (sent after answering) arrives before the count is read.
  if (typeof directory.settled === "function") await directory.settled();
  await new Promise((resolve) => setTimeout(resolve, mailMs + 50));
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await close();
  parentPort.postMessage({ sent });
});
