// The server side of the REST benchmark, on its own thread (its own core): a memory store with
// 10 000 users, the fetch handler with default session authentication, node:http on 127.0.0.1.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { parentPort } from "node:worker_threads";
import { createDirectory, pbkdf2Hasher } from "@staffroom/core";
import { memoryStore } from "@staffroom/core/memory";
import {
  fixtureLocations,
  fixtureUsers,
  seedUsersIntoStore,
  standardBootstrap,
} from "@staffroom/core/testing";
import { createRestHandler, toNodeListener } from "../dist/server.js";

const USERS = 10_000;
const store = memoryStore();
const directory = createDirectory({ store, passwords: pbkdf2Hasher({ iterations: 1000 }) });
const { organization, location, user } = await directory.bootstrap(standardBootstrap());
const admin = directory.forActor({ organizationId: organization.id, userId: user.id });
const locations = [location];
for (const input of fixtureLocations({ count: 7, seed: 3 }))
  locations.push(await admin.locations.create(input));
const roles = await admin.roles.list();
await seedUsersIntoStore(
  store,
  fixtureUsers({
    count: USERS,
    seed: 11,
    locationIds: locations.map((l) => l.id),
    roleIds: roles.filter((r) => r.name !== "Administrator").map((r) => r.id),
    features: { providerDirectory: true },
  }),
  { organizationId: organization.id },
);
const handler = createRestHandler(directory, { basePath: "/api/staffroom", onError: () => undefined });
const server = createServer({ keepAliveTimeout: 10_000 }, toNodeListener(handler));
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address();
parentPort.postMessage({
  baseUrl: `http://127.0.0.1:${port}/api/staffroom`,
  organizationId: organization.id,
  email: user.email,
  locationId: locations[2].id,
  users: (await admin.users.counts({})).active,
});
/** This thread's CPU time in ms (Linux), to express cost per request independent of other load. */
const threadCpuMs = () => {
  try {
    const fields = readFileSync("/proc/thread-self/stat", "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
};
parentPort.on("message", (message) => {
  if (message === "cpu") parentPort.postMessage({ cpuMs: threadCpuMs() });
  if (message === "stop") {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
