import type { ProblemDocument } from "../src/shared/problem";
import type { RestWorld } from "../src/testing";

/** Options of {@link call}. */
export interface CallOptions {
  readonly method?: string;
  /** A user to act as through the test seam (default: the owner); null for no Authorization. */
  readonly as?: string | null;
  readonly body?: string | Uint8Array<ArrayBuffer>;
  readonly json?: unknown;
  readonly headers?: Record<string, string>;
}

/**
 * A raw HTTP call against a world's server (paths relative to its base URL).
 *
 * @example const res = await call(world, `/organizations/${orgId}/users`, { method: "POST", json: input });
 */
export async function call(world: RestWorld, path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  const as = options.as === undefined ? world.owner.id : options.as;
  if (as !== null) headers.authorization = `Bearer ${world.token(as)}`;
  let body: string | Uint8Array<ArrayBuffer> | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["content-type"] ??= "application/json";
  }
  return fetch(`${world.baseUrl}${path}`, {
    method: options.method ?? "GET",
    headers,
    ...(body !== undefined ? { body } : {}),
  });
}

/** The problem document of a refused response. @example const p = await problem(res); p.code */
export async function problem(res: Response): Promise<ProblemDocument> {
  return (await res.json()) as ProblemDocument;
}

/** Organization-scoped path of a world. @example org(world, "/users") */
export function org(world: RestWorld, suffix = ""): string {
  return `/organizations/${world.organization.id}${suffix}`;
}

/** Write transactions the backend committed so far. @example const before = commits(world); */
export function commits(world: RestWorld): number {
  return world.backend.store.stats().commits;
}
