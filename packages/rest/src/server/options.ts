import type { Actor, Directory, RequestMetadata } from "@staffroom/core";
import { SESSION_COOKIE } from "../shared/wire";

/**
 * What `authenticate` is given besides the request: the request's metadata (ip, user agent, request
 * id; put it into the actor for the audit trail), the Staffroom session token the request carries
 * (bearer header or cookie) and the directory.
 *
 * @example { metadata: { ip: "203.0.113.4", requestId: "…" }, sessionToken: "…", directory }
 */
export interface AuthenticateContext {
  readonly metadata: RequestMetadata;
  /** The Staffroom session token from `Authorization: Bearer …` or the session cookie, if any. */
  readonly sessionToken: string | null;
  readonly directory: Directory<string>;
}

/**
 * Maps a request to the actor it acts as, or null for "not signed in" (401). Reject with a
 * `DirectoryError` to answer with that error (for example `rule`/`must_change_password`).
 *
 * @example
 * // A vendor's own session: look the user up, answer with the Staffroom ids.
 * const authenticate: Authenticate = async (request, { metadata }) => {
 *   const me = await vendorSession(request);
 *   return me ? { organizationId: me.staffroomOrgId, userId: me.staffroomUserId, metadata } : null;
 * };
 */
export type Authenticate = (request: Request, context: AuthenticateContext) => Promise<Actor | null>;

/** CORS allow-list. @example { origins: ["https://app.ehr.example"], maxAgeSeconds: 600 } */
export interface CorsOptions {
  /** Exact origins (scheme://host[:port]) allowed to call cross-origin, with credentials. */
  readonly origins: readonly string[];
  /** How long a browser may cache a preflight. Default 600 s. */
  readonly maxAgeSeconds?: number;
}

/** The session cookie. @example { secure: false } // only for http://localhost demos */
export interface SessionCookieOptions {
  /** Default `staffroom_session`. */
  readonly name?: string;
  /** Default true. `false` is honoured only on a loopback host (plain-http demos on localhost). */
  readonly secure?: boolean;
  /** Default: host-only (no Domain attribute). */
  readonly domain?: string;
}

/** Strict-Transport-Security. @example { maxAgeSeconds: 31536000, includeSubDomains: true } */
export interface HstsOptions {
  readonly maxAgeSeconds?: number;
  readonly includeSubDomains?: boolean;
  readonly preload?: boolean;
}

/**
 * What `onError` hears: a request that failed with an unexpected error (a bug, a store outage),
 * answered 500. The request is described without its query, body, cookies or headers, so no secret
 * can reach a log through it; `message` is redacted of anything token-shaped.
 *
 * @example { requestId: "…", method: "POST", route: "/organizations/{orgId}/users", message: "…", error }
 */
export interface RestErrorEvent {
  readonly requestId: string;
  readonly method: string;
  /** The matched route template (never the raw path), or null. */
  readonly route: string | null;
  readonly message: string;
  readonly error: unknown;
}

/**
 * Options of `createRestHandler`. Everything has a safe default.
 *
 * @example
 * createRestHandler(directory, {
 *   basePath: "/api/staffroom",
 *   publicBaseUrl: "https://ehr.example",
 *   cors: { origins: ["https://app.ehr.example"] },
 *   hsts: true,
 * });
 */
export interface RestHandlerOptions {
  /** Where the API is mounted, e.g. `/api/staffroom`. Default "" (the root). */
  readonly basePath?: string;
  /** Maps a request to an actor. Default: a Staffroom session from the bearer token or cookie. */
  readonly authenticate?: Authenticate;
  /**
   * The public origin of the vendor's app (`https://ehr.example`): the handler's own origin for the
   * CSRF check and the OpenAPI `servers` entry; never derived from the Host header when set. Emailed
   * links come from `createDirectory({ links: directoryLinks(publicBaseUrl) })`.
   */
  readonly publicBaseUrl?: string;
  /**
   * Other origins of the same app on the same server, e.g. `http://localhost:5180` beside
   * `publicBaseUrl: "http://127.0.0.1:5180"` (a loopback demo opened under either name). They pass
   * the CSRF check as the own origin does and get no CORS headers (they are not cross-origin
   * callers). Exact origins, `scheme://host[:port]`. Default: none.
   *
   * @example originAliases: ["http://localhost:5180"]
   */
  readonly originAliases?: readonly string[];
  /** Cross-origin callers. Default: none (same-origin only). */
  readonly cors?: CorsOptions;
  /** Largest request body in bytes. Default 102 400 (100 KiB). */
  readonly maxBodyBytes?: number;
  /** Largest CSV or JSON body of `POST …/users/import`. Default 5 242 880 (5 MiB: about 25 000 rows). */
  readonly maxImportBytes?: number;
  /** The session cookie set by sign-in. */
  readonly cookie?: SessionCookieOptions;
  /** Send Strict-Transport-Security. Default off (the app's TLS front usually sets it). */
  readonly hsts?: boolean | HstsOptions;
  /**
   * Trust `X-Forwarded-For` for the client ip, which goes into the audit trail and keys per-client
   * throttling. `true` (one proxy): the address it appended, the last one. A number `n` (n proxies
   * in a row, such as a CDN then a load balancer): the n-th from the end, the one the outermost
   * proxy appended — the addresses before it are whatever the client sent. Default false: the ip is
   * the socket's. Never set it without a proxy that appends the header: a client could then name
   * any address it likes, and evade its throttle with each request.
   */
  readonly trustProxy?: boolean | number;
  /** The client's address where the runtime knows it (Bun, Deno); the Node adapter provides it itself. */
  readonly clientAddress?: (request: Request) => string | undefined;
  /** Mount the `/auth/*` routes (sign-in, sessions, passwords, invitations). Default true. */
  readonly authRoutes?: boolean;
  /** Hears unexpected errors (answered 500). Default: one redacted line on `console.error`. */
  readonly onError?: (event: RestErrorEvent) => void;
}

/** Options with defaults applied. @example resolveOptions({ basePath: "/api/staffroom" }).maxBodyBytes // 102400 */
export interface ResolvedOptions {
  readonly basePath: string;
  readonly authenticate: Authenticate | null;
  readonly publicOrigin: string | null;
  readonly publicBaseUrl: string | null;
  readonly originAliases: ReadonlySet<string>;
  readonly corsOrigins: ReadonlySet<string>;
  readonly corsMaxAge: number;
  readonly maxBodyBytes: number;
  readonly maxImportBytes: number;
  readonly cookieName: string;
  readonly cookieSecure: boolean;
  readonly cookieDomain: string | null;
  readonly hsts: string | null;
  /** Trusted proxy hops in front (0: none, use the socket's address). */
  readonly trustProxy: number;
  readonly clientAddress: ((request: Request) => string | undefined) | null;
  readonly authRoutes: boolean;
  readonly onError: (event: RestErrorEvent) => void;
}

function proxyHops(trust: boolean | number | undefined): number {
  if (trust === undefined || trust === false) return 0;
  if (trust === true) return 1;
  if (!Number.isSafeInteger(trust) || trust < 0) {
    throw new TypeError(`trustProxy must be true, false or a number of proxies, got ${String(trust)}`);
  }
  return trust;
}

function normaliseBasePath(path: string | undefined): string {
  if (!path || path === "/") return "";
  const trimmed = path.replace(/\/+$/, "");
  if (!/^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(trimmed)) {
    throw new TypeError(`basePath must be a path like "/api/staffroom", got ${JSON.stringify(path)}`);
  }
  return trimmed;
}

function originOf(url: string | undefined, what: string): string | null {
  if (!url) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new TypeError(`${what} must be an http(s) URL, got ${JSON.stringify(url)}`);
  }
  return parsed.origin;
}

/** An exact origin (`scheme://host[:port]`, nothing after it), as a browser sends in `Origin`. */
function exactOrigin(value: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new TypeError(`${what} must be origins like "http://localhost:5180", got ${JSON.stringify(value)}`);
  }
  const origin = parsed.origin;
  if ((parsed.protocol !== "http:" && parsed.protocol !== "https:") || value.replace(/\/$/, "") !== origin) {
    throw new TypeError(`${what} must be origins like "http://localhost:5180", got ${JSON.stringify(value)}`);
  }
  return origin;
}

function hstsHeader(hsts: RestHandlerOptions["hsts"]): string | null {
  if (!hsts) return null;
  const o: HstsOptions = hsts === true ? {} : hsts;
  return [
    `max-age=${o.maxAgeSeconds ?? 31_536_000}`,
    ...(o.includeSubDomains ? ["includeSubDomains"] : []),
    ...(o.preload ? ["preload"] : []),
  ].join("; ");
}

const defaultOnError = (event: RestErrorEvent): void => {
  console.error(
    `[staffroom/rest] ${event.requestId} ${event.method} ${event.route ?? "(no route)"} failed: ${event.message}`,
  );
};

/** Applies defaults and checks the options once, when the handler is created. @example const settings = resolveOptions({ basePath: "/api/staffroom/" }); settings.basePath // "/api/staffroom" */
export function resolveOptions(options: RestHandlerOptions): ResolvedOptions {
  const maxBodyBytes = options.maxBodyBytes ?? 100 * 1024;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) throw new TypeError("maxBodyBytes must be ≥ 1");
  const maxImportBytes = options.maxImportBytes ?? 5 * 1024 * 1024;
  if (!Number.isInteger(maxImportBytes) || maxImportBytes < 1) {
    throw new TypeError("maxImportBytes must be ≥ 1");
  }
  const cookieName = options.cookie?.name ?? SESSION_COOKIE;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cookieName)) throw new TypeError("cookie.name must be a simple token");
  return {
    basePath: normaliseBasePath(options.basePath),
    authenticate: options.authenticate ?? null,
    publicOrigin: originOf(options.publicBaseUrl, "publicBaseUrl"),
    publicBaseUrl: options.publicBaseUrl ? options.publicBaseUrl.replace(/\/+$/, "") : null,
    originAliases: new Set((options.originAliases ?? []).map((o) => exactOrigin(o, "originAliases"))),
    corsOrigins: new Set((options.cors?.origins ?? []).map((o) => originOf(o, "cors.origins") ?? o)),
    corsMaxAge: options.cors?.maxAgeSeconds ?? 600,
    maxBodyBytes,
    maxImportBytes,
    cookieName,
    cookieSecure: options.cookie?.secure ?? true,
    cookieDomain: options.cookie?.domain ?? null,
    hsts: hstsHeader(options.hsts),
    trustProxy: proxyHops(options.trustProxy),
    clientAddress: options.clientAddress ?? null,
    authRoutes: options.authRoutes ?? true,
    onError: options.onError ?? defaultOnError,
  };
}
