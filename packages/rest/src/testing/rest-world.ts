import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { DirectoryStore, StaffDirectory } from "@staffroom/core";
import type { MemoryStore } from "@staffroom/core/memory";
import type { StoreWorld } from "@staffroom/core/store";
import { type MemoryWorldOptions, memoryWorld, settledAuth } from "@staffroom/core/testing";
import { type RestDirectory, restAuth, restDirectory } from "../client";
import { createRestHandler, type RestHandler, type RestHandlerOptions, toNodeListener } from "../server";
import { checkResponses } from "./check-responses";
import { testActorSeam } from "./test-actor";

/** Options of {@link restWorld}: the memory backend's and the handler's. @example restWorld({ policy: { invitationResendIntervalMs: 0 }, handler: { maxBodyBytes: 1024 } }) */
export interface RestWorldOptions extends MemoryWorldOptions {
  /** Handler options (its `authenticate` is the world's test seam). */
  readonly handler?: Omit<RestHandlerOptions, "authenticate">;
}

/**
 * A conformance world whose every call crosses real HTTP: `restDirectory` / `restAuth` clients →
 * `node:http` on 127.0.0.1 (port 0) → `createRestHandler` → a directory over a store (memory by
 * default; any store through {@link restWorldOver}). The clients check every response against the
 * core schema its route documents ({@link checkResponses}).
 *
 * @example const world = await restWorld(); const owner = await world.as(world.owner.id); await world.close();
 */
export interface RestWorld<S extends DirectoryStore = MemoryStore>
  extends Omit<StoreWorld<S>, "as" | "directory" | "store"> {
  /** The directory, store, mailer and clock behind the server. */
  readonly backend: StoreWorld<S>;
  /** `http://127.0.0.1:<port>` plus the base path. */
  readonly baseUrl: string;
  readonly handler: RestHandler;
  /** A REST client acting as the user through the test seam. */
  as(userId: string, organizationId?: string): RestDirectory;
  /** The test-seam bearer token of a user. */
  token(userId: string, organizationId?: string): string;
  close(): Promise<void>;
}

const open = new Set<Server>();

function stop(server: Server): Promise<void> {
  open.delete(server);
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Serves a handler on 127.0.0.1 on a free port until {@link closeRestWorlds} (or the returned close).
 *
 * @example const { url, close } = await serve(handler);
 */
export async function serve(handler: RestHandler): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer({ keepAliveTimeout: 1000 }, toNodeListener(handler));
  open.add(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => stop(server) };
}

/**
 * Closes every server {@link restWorld} and {@link serve} opened; call it in `afterEach`.
 *
 * @example afterEach(closeRestWorlds);
 */
export async function closeRestWorlds(): Promise<void> {
  await Promise.all([...open].map(stop));
}

/**
 * A fresh {@link RestWorld}: a memory world served over real HTTP. The server trusts its clients as
 * a proxy (`trustProxy`), so request metadata a test passes to `auth` lands in the audit trail the
 * way a backend-for-frontend relays its browser's address.
 *
 * @example
 * afterEach(closeRestWorlds);
 * runConformanceSuite("rest", () => restWorld());
 */
export async function restWorld(options: RestWorldOptions = {}): Promise<RestWorld> {
  return restWorldOver(await memoryWorld(options), options);
}

/**
 * A {@link RestWorld} serving an existing world over any store (PGlite, PostgreSQL …), so HTTP
 * tests and the fuzz run can prove every backend behind the same handler.
 *
 * @example const world = await restWorldOver(await storeWorld(postgresStore({ client })), { handler: { maxBodyBytes: 8192 } });
 */
export async function restWorldOver<S extends DirectoryStore>(
  backend: StoreWorld<S>,
  options: Pick<RestWorldOptions, "handler"> = {},
): Promise<RestWorld<S>> {
  const seam = testActorSeam();
  const basePath = options.handler?.basePath ?? "/api/staffroom";
  const handler = createRestHandler(backend.directory, {
    trustProxy: true,
    ...options.handler,
    basePath,
    authenticate: seam.authenticate,
  });
  const served = await serve(handler);
  const baseUrl = `${served.url}${basePath}`;
  // Every response any test receives through this world is checked against core's schemas.
  const checkResponse = checkResponses();
  const token = (userId: string, organizationId = backend.organization.id) =>
    seam.token(organizationId, userId);
  return {
    backend,
    baseUrl,
    handler,
    organization: backend.organization,
    location: backend.location,
    owner: backend.owner,
    mailer: backend.mailer,
    clock: backend.clock,
    // Like the memory world's: each call resolves once the server's after-answer work is done.
    auth: settledAuth(restAuth({ baseUrl, session: "bearer", checkResponse }), () =>
      backend.directory.settled(),
    ),
    bootstrapAnother: (input) => backend.bootstrapAnother(input),
    token,
    as: (userId, organizationId = backend.organization.id) =>
      restDirectory({
        baseUrl,
        organizationId,
        token: token(userId, organizationId),
        session: "bearer",
        checkResponse,
      }),
    close: served.close,
  };
}

/** The owner's REST directory with `me()` loaded. @example const owner = await ownerOf(world); */
export async function ownerOf(world: RestWorld): Promise<StaffDirectory> {
  const owner = world.as(world.owner.id);
  await owner.me();
  return owner;
}
