import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { inProcessTasks, memoryMailer } from "@staffroom/core";
import { isCommonPassword } from "@staffroom/core/passwords";
import {
  createFhirHandler,
  createRestHandler,
  directoryLinks,
  nodeClientAddress,
  toNodeListener,
} from "@staffroom/rest/server";
import { createScimHandler } from "@staffroom/scim";
import {
  createDemoDirectory,
  DEMO_SIGN_IN,
  outboxMessages,
  type SeedMemo,
  seedDemo,
  seedMemo,
} from "../src/seed";
import { demoRoutes } from "./demo-routes";
import { sendText } from "./responses";
import { allowedHosts, loopbackOrigins } from "./same-origin";
import { registerScimToken } from "./scim-token";
import { staticFiles } from "./static-files";
import { type DemoDatabase, openDatabase, type StoreChoice } from "./store";

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions {
  /** Port to listen on; 0 picks a free one. Default 5180. */
  readonly port?: number;
  /** Address to listen on. Default "127.0.0.1". */
  readonly host?: string;
  /** Extra users seeded into Harbor Urgent Care (the in-browser wiring seeds as many). Default 0. */
  readonly users?: number;
  /** No console output but unexpected errors (otherwise: where to open it and how to sign in). Default false. */
  readonly quiet?: boolean;
  /** Reseed a durable store that already has data (the CLI's `--reset`). Default false. */
  readonly reset?: boolean;
  /**
   * A secret registered as a provisioning token of Harbor Urgent Care (the CLI's `--scim-token`), for
   * SCIM at `/scim/v2`. Default: none (tokens made under Settings › Provisioning work too).
   */
  readonly scimToken?: string | null;
  /** The built app to serve. Default: `dist/` beside this `dist-server/`. */
  readonly appDir?: string;
  /**
   * The store behind `/api`. Default `{ kind: "memory" }` here, for tests; the CLI (`pnpm demo`)
   * passes PGlite in `apps/demo/.data/pglite`, or PostgreSQL when `DATABASE_URL` is set.
   */
  readonly store?: StoreChoice;
}

/** A running demo server. */
export interface DemoServer {
  /** Its URL without a trailing slash, e.g. "http://127.0.0.1:5180". */
  readonly url: string;
  /** Stops listening, ends open connections and closes the store. */
  close(): Promise<void>;
}

/** The directory side of the server; replaced as a whole by `/demo/reset`. */
interface Backend {
  readonly api: (req: IncomingMessage, res: ServerResponse) => void;
  /** SCIM 2.0 for identity providers (`@staffroom/scim`), on the same origin. */
  readonly scim: (req: IncomingMessage, res: ServerResponse) => void;
  /** The read-only FHIR R4 endpoint on `/fhir/r4` (bearer sessions; the cookie is scoped to `/api`). */
  readonly fhir: (req: IncomingMessage, res: ServerResponse) => void;
  readonly outbox: () => ReturnType<typeof outboxMessages>;
  /** Resolves when the directory's after-answer work (reset mail, throttle audit) is done. */
  readonly settled: () => Promise<void>;
}

const DEFAULT_APP_DIR = fileURLToPath(new URL("../dist", import.meta.url));

function urlOf(address: AddressInfo): string {
  const wildcard = address.address === "0.0.0.0" || address.address === "::";
  const host = wildcard ? "127.0.0.1" : address.address;
  return `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
}

/** Where the server is: the URL it prints (mailed links point there) and its other loopback origins. */
interface Place {
  readonly url: string;
  readonly aliases: readonly string[];
}

async function openBackend(
  database: DemoDatabase,
  place: Place,
  users: number,
  reset: boolean,
  memo: SeedMemo,
  scimToken: string | null,
): Promise<Backend> {
  const opened = await database.open(reset);
  const mailer = memoryMailer();
  const demo = createDemoDirectory({
    store: opened.store,
    rateLimiter: opened.rateLimiter,
    // After-answer work that fails (a store error while issuing a reset link) is logged, never answered.
    background: inProcessTasks({
      onError: (error) =>
        console.error("[demo] background work failed:", error instanceof Error ? error.message : error),
    }),
    mailer,
    links: directoryLinks(place.url),
    isCommonPassword,
    seedMemo: memo,
  });
  if (opened.fresh) await seedDemo(demo, { mailbox: mailer, users });
  if (scimToken) await registerScimToken(demo.directory, scimToken);
  // The demo opened as http://localhost:PORT is the same server as http://127.0.0.1:PORT: both are
  // its own origin for the CSRF check (any other origin is still refused).
  const handler = createRestHandler(demo.directory, {
    basePath: "/api",
    publicBaseUrl: place.url,
    originAliases: place.aliases,
  });
  const scim = createScimHandler(demo.directory, {
    basePath: "/scim/v2",
    publicBaseUrl: place.url,
    clientAddress: nodeClientAddress,
  });
  const fhir = createFhirHandler(demo.directory, {
    basePath: "/fhir/r4",
    publicBaseUrl: place.url,
    originAliases: place.aliases,
  });
  return {
    api: toNodeListener(handler),
    scim: toNodeListener(scim),
    fhir: toNodeListener(fhir),
    outbox: () => outboxMessages(mailer.outbox),
    settled: () => demo.directory.settled(),
  };
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** What a person needs once the server is up: where to open it and how to sign in. */
function banner(url: string, users: number, ms: number, store: string): string {
  const extra = users > 0 ? ` with ${users.toLocaleString("en-US")} extra users` : "";
  return `
  Harbor EHR, the Staffroom demo, is ready${extra} (started in ${(ms / 1000).toFixed(2)} s)

  Open      ${url}/
  Sign in   ${DEMO_SIGN_IN.email}  /  ${DEMO_SIGN_IN.password}
  Wirings   REST (default), or in-browser: ${url}/?wiring=browser
  Mail      ${url}/mail (invitation and reset links land here)
  FHIR R4   ${url}/fhir/r4/Practitioner (bearer token; see the README)
  Store     ${store}
`;
}

/**
 * Starts the demo: the built app on `/`, `@staffroom/rest` over the embedded store on `/api` (cookie
 * sessions; mailed links point at the app's pages through `directoryLinks(url)`), the outbox,
 * reset and config on `/demo/*`. Resolves once the store is seeded and the server answers.
 *
 * @example
 * const server = await startDemoServer({ port: 0, quiet: true });
 * await fetch(`${server.url}/demo/config`); // { users: 0 }
 * await server.close();
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const started = performance.now();
  const host = options.host ?? "127.0.0.1";
  const users = Math.max(0, Math.floor(options.users ?? 0));
  const appDir = options.appDir ?? DEFAULT_APP_DIR;
  const scimToken = options.scimToken ?? null;
  if (!existsSync(appDir)) {
    throw new Error(`${appDir} is missing: build the app first (pnpm --filter @staffroom/demo build).`);
  }
  const serveApp = await staticFiles(appDir);
  let backend: Promise<Backend> | null = null;
  // One memo for the server's life: a reseed reuses the seed's password hash instead of deriving it again.
  const memo = seedMemo();
  let hosts: ReadonlySet<string> | null = null;

  const server = createServer((req, res) => {
    if (hosts && !hosts.has(req.headers.host ?? "")) {
      sendText(res, 421, "This demo answers only on its own address.");
      return;
    }
    const pathname = new URL(req.url ?? "/", "http://demo.invalid").pathname;
    const answer = async (): Promise<void> => {
      if (pathname === "/api" || pathname.startsWith("/api/")) {
        // A reset in progress holds requests until the new store is seeded.
        if (!backend) throw new Error("the store is not open");
        (await backend).api(req, res);
      } else if (pathname === "/scim/v2" || pathname.startsWith("/scim/v2/")) {
        if (!backend) throw new Error("the store is not open");
        (await backend).scim(req, res);
      } else if (pathname === "/fhir/r4" || pathname.startsWith("/fhir/r4/")) {
        if (!backend) throw new Error("the store is not open");
        (await backend).fhir(req, res);
      } else if (pathname.startsWith("/demo/")) {
        await routes(req, res, pathname);
      } else {
        await serveApp(req, res);
      }
    };
    answer().catch((error: unknown) => {
      console.error(`[demo] ${req.method} ${pathname} failed:`, error);
      if (!res.headersSent) sendText(res, 500, "The demo server failed; see its console.");
      else res.destroy();
    });
  });

  const routes = demoRoutes({
    users,
    outbox: async () => {
      if (!backend) return [];
      const current = await backend;
      // Reset links go out after the request is answered: the Mail page shows them once sent.
      await current.settled();
      return current.outbox();
    },
    reset: async () => {
      const previous = backend;
      const next = (async () => {
        // Let the requests already running on the old store — and the work they left to do after
        // answering — finish before the tables are emptied.
        if (previous) await previous.then((old) => old.settled()).catch(() => undefined);
        return openBackend(database, place, users, true, memo, scimToken);
      })();
      backend = next;
      await next;
    },
  });

  const address = await listen(server, options.port ?? 5180, host);
  const url = urlOf(address);
  const place: Place = {
    url,
    aliases: loopbackOrigins(address.address, address.port).filter((origin) => origin !== url),
  };
  hosts = allowedHosts(address.address, address.port);
  let database: DemoDatabase;
  try {
    database = await openDatabase(options.store ?? { kind: "memory" }, { reset: options.reset ?? false });
  } catch (error) {
    server.close();
    throw error;
  }
  try {
    backend = openBackend(database, place, users, options.reset ?? false, memo, scimToken);
    await backend;
  } catch (error) {
    server.close();
    await database.close();
    throw error;
  }

  if (!options.quiet) {
    console.log(banner(url, users, performance.now() - started, database.description));
    if (scimToken) console.log(`  SCIM      ${url}/scim/v2   (Authorization: Bearer <your --scim-token>)\n`);
  }
  return {
    url,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (backend) await backend.then((current) => current.settled()).catch(() => undefined);
      await database.close();
    },
  };
}
