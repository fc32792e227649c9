import { FIXTURE_PASSWORD, type MemoryWorld, memoryWorld } from "@staffroom/core/testing";
import { createRestHandler, type RestHandlerOptions } from "../src/server";
import { serve } from "../src/testing";

/** A memory backend behind a handler with the DEFAULT authentication (Staffroom sessions), no test seam. */
export interface SessionWorld {
  readonly backend: MemoryWorld;
  /** Server origin, `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Origin + base path. */
  readonly baseUrl: string;
  readonly ownerEmail: string;
  /** The owner's password (`standardBootstrap` uses FIXTURE_PASSWORD). */
  readonly password: string;
  /** fetch relative to the base URL. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

/** @example const w = await sessionWorld({ cors: { origins: ["https://app.example"] } }); */
export async function sessionWorld(
  options: Omit<RestHandlerOptions, "basePath"> = {},
): Promise<SessionWorld> {
  const backend = await memoryWorld();
  const handler = createRestHandler(backend.directory, { ...options, basePath: "/api/staffroom" });
  const served = await serve(handler);
  const baseUrl = `${served.url}/api/staffroom`;
  return {
    backend,
    origin: served.url,
    baseUrl,
    ownerEmail: backend.owner.email,
    password: FIXTURE_PASSWORD,
    fetch: (path, init) => fetch(`${baseUrl}${path}`, init),
  };
}

/** The `name=value` part of a Set-Cookie header. @example cookiePair(res) // "staffroom_session=…" */
export function cookiePair(res: Response): string {
  const cookie = res.headers.getSetCookie()[0];
  if (!cookie) throw new Error("no Set-Cookie");
  return cookie.split(";")[0] ?? "";
}
