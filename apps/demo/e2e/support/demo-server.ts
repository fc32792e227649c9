import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

/** What `startDemoServer` (apps/demo/dist-server/server.js) takes, per the demo contract. */
export interface DemoServerOptions {
  /** 0 picks a free port. Default 5180. */
  readonly port?: number;
  /** Default "127.0.0.1". */
  readonly host?: string;
  /** Extra seeded users. Default 0. */
  readonly users?: number;
  /** No console output. Default false. */
  readonly quiet?: boolean;
  /** The store behind the REST wiring (server/store.ts). Default here: PGlite in memory. */
  readonly store?: { readonly kind: "pglite" | "memory" };
}

/** A running demo server: its URL without a trailing slash, and how to stop it. */
export interface DemoServer {
  readonly url: string;
  close(): Promise<void>;
}

type StartDemoServer = (options?: DemoServerOptions) => Promise<DemoServer>;

/** The built programmatic entry of the demo server. */
export const SERVER_ENTRY = fileURLToPath(new URL("../../dist-server/server.js", import.meta.url));

/**
 * Starts the built demo server (the suite tests the build, as CI ships it). Loaded by path at run
 * time, so type-checking the suite needs no build. Throws when the demo has not been built.
 *
 * Default: a free port, quiet, and the store `pnpm demo` runs on — PGlite (here in memory, not in
 * the data folder); `E2E_STORE=memory` runs the REST wiring over core's memory store instead.
 * @example const server = await startBuiltDemoServer(); … await server.close();
 */
export async function startBuiltDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(
      `${SERVER_ENTRY} is missing: build the demo first (pnpm --filter @staffroom/demo build).`,
    );
  }
  const mod: { startDemoServer?: unknown } = await import(pathToFileURL(SERVER_ENTRY).href);
  if (typeof mod.startDemoServer !== "function") {
    throw new Error(`${SERVER_ENTRY} does not export startDemoServer.`);
  }
  const start = mod.startDemoServer as StartDemoServer;
  const store = { kind: process.env.E2E_STORE === "memory" ? "memory" : "pglite" } as const;
  return start({ port: 0, quiet: true, store, ...options });
}

/**
 * Puts the server's store back to its seed and empties its outbox (`POST /demo/reset`), the one
 * call the suite makes outside the UI: isolation between tests of the REST wiring.
 *
 * @example await resetDemoServer("http://127.0.0.1:41234");
 */
export async function resetDemoServer(url: string): Promise<void> {
  const response = await fetch(`${url}/demo/reset`, { method: "POST" });
  if (response.status !== 204) {
    throw new Error(`POST /demo/reset answered ${response.status}, the contract says 204.`);
  }
}
