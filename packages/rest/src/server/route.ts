import type { Actor, Directory, ErrorCode, RequestMetadata, StaffDirectory } from "@staffroom/core";
import type * as z from "zod/mini";
import type { ResolvedOptions } from "./options";

/** The HTTP methods the API uses. @example const method: HttpMethod = "PATCH"; */
export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/**
 * What a route answers: a status, a JSON body (omitted for 204), the version for an `ETag`, extra
 * headers and `Set-Cookie` values.
 *
 * @example { status: 200, body: user, etag: user.version }
 */
export interface RouteResult {
  readonly status: 200 | 201 | 204;
  readonly body?: unknown;
  readonly etag?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly cookies?: readonly string[];
  /** A text body instead of JSON (a CSV file), with its media type. */
  readonly text?: { readonly body: string; readonly contentType: string };
  /** May be cached by browsers and proxies (only the OpenAPI document). */
  readonly cacheable?: boolean;
}

/** What every route handler gets. @example handle: async (c: BaseContext) => ok(await c.directory.auth.invitation(String(c.body))) */
export interface BaseContext {
  readonly request: Request;
  /** Path parameters, already checked to be ids where the template says `{…Id}`. */
  readonly params: Readonly<Record<string, string>>;
  /** The query, typed per the route's query schema (core validates it). */
  readonly query: Readonly<Record<string, unknown>>;
  /** The parsed JSON body (undefined for routes without one). */
  readonly body: unknown;
  /** The version from `If-Match`, for routes that require it. */
  readonly version: number | undefined;
  readonly metadata: RequestMetadata;
  readonly directory: Directory<string>;
  readonly settings: ResolvedOptions;
  /** The Staffroom session token (bearer header first, then cookie), if any. */
  readonly sessionToken: string | null;
  /** How the session token came: `bearer` (Authorization header), `cookie`, or null. */
  readonly tokenSource: "bearer" | "cookie" | null;
}

/** Context of routes acting as an authenticated actor. @example handle: async (c: ActorRouteContext) => ok(await c.staff.users.list()) */
export interface ActorRouteContext extends BaseContext {
  readonly actor: Actor;
  /** `directory.forActor(actor)`. */
  readonly staff: StaffDirectory<string>;
}

/** Context of routes that need a Staffroom session token. @example handle: async (c: SessionRouteContext) => ok(await c.directory.auth.session(c.token)) */
export interface SessionRouteContext extends BaseContext {
  readonly token: string;
}

/**
 * How a route reads its body: none (a body is refused), JSON, or JSON or `text/csv` (the import,
 * up to `maxImportBytes`). Directory routes hand JSON to core,
 * which validates it with its strict schemas; auth routes check it with `parseBody` first.
 *
 * @example const route = { …, body: "json" as BodyMode };
 */
export type BodyMode = "none" | "json" | "json-or-csv";

/** The OpenAPI side of a route; generated into `/openapi.json`. @example { operationId: "users.get", summary: "One user", tags: ["users"], success: 200, response: UserSchema, etag: true, errors: [] } */
export interface RouteDoc {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  /** Query parameters (typed from this schema's JSON Schema: integers and booleans are coerced). */
  readonly query?: z.ZodMiniType;
  /** The request body (input side of the schema). */
  readonly body?: z.ZodMiniType;
  /** The success status and body (output side), null for no body. */
  readonly success: 200 | 201 | 204;
  readonly response: z.ZodMiniType | null;
  /** The success answer can be `text/csv` (always when `response` is null, else on `Accept: text/csv`). */
  readonly csv?: boolean;
  /** The success response carries an ETag. */
  readonly etag?: boolean;
  /** Error codes this route answers with beyond the common ones. */
  readonly errors: readonly ErrorCode[];
}

interface RouteCommon {
  readonly method: HttpMethod;
  /** Template relative to the base path, e.g. `/organizations/{orgId}/users/{userId}`. */
  readonly path: string;
  readonly body: BodyMode;
  /** `If-Match` with the version read is required (428 without it). */
  readonly ifMatch: boolean;
  /** The schema whose types coerce query values, when wider than the documented `doc.query`. */
  readonly queryTypes?: z.ZodMiniType;
  readonly doc: RouteDoc;
}

/** A route acting as the authenticated actor (`authenticate`). @example { method: "GET", path: "/organizations/{orgId}/usage", auth: "actor", body: "none", ifMatch: false, doc, handle: async (c) => ok(await c.staff.organization.usage()) } */
export interface ActorRoute extends RouteCommon {
  readonly auth: "actor";
  handle(ctx: ActorRouteContext): Promise<RouteResult>;
}

/** A route on the caller's Staffroom session (bearer token or cookie required). @example { method: "GET", path: "/auth/session", auth: "session", body: "none", ifMatch: false, doc, handle: async (c) => ok(await c.directory.auth.session(c.token)) } */
export interface SessionRoute extends RouteCommon {
  readonly auth: "session";
  handle(ctx: SessionRouteContext): Promise<RouteResult>;
}

/** A route anyone may call (sign-in, password reset, invitations, the OpenAPI document). @example { method: "GET", path: "/openapi.json", auth: "public", body: "none", ifMatch: false, doc, handle: async () => ok(document) } */
export interface PublicRoute extends RouteCommon {
  readonly auth: "public";
  handle(ctx: BaseContext): Promise<RouteResult>;
}

/**
 * One entry of the route table: method, path template, how it reads its input, its handler and its
 * documentation. The table drives routing, the OpenAPI document, the README and the fuzz test.
 *
 * @example
 * const route: Route = { method: "GET", path: "/organizations/{orgId}/usage", auth: "actor", body: "none",
 *   ifMatch: false, doc: { operationId: "organization.usage", … }, handle: async (c) => ok(await c.staff.organization.usage()) };
 */
export type Route = ActorRoute | SessionRoute | PublicRoute;

/**
 * A 200 (or `status`) result, with an ETag when `etag` is given.
 *
 * @example return ok(user, { etag: user.version });
 */
export function ok(
  body: unknown,
  options: {
    status?: 200 | 201;
    etag?: number;
    headers?: Record<string, string>;
    cookies?: string[];
    text?: RouteResult["text"];
  } = {},
): RouteResult {
  return {
    status: options.status ?? 200,
    body,
    ...(options.text ? { text: options.text } : {}),
    ...(options.etag !== undefined ? { etag: options.etag } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.cookies ? { cookies: options.cookies } : {}),
  };
}

/** A 204 result. @example return noContent(); */
export function noContent(cookies?: string[]): RouteResult {
  return { status: 204, ...(cookies ? { cookies } : {}) };
}
