import { type Actor, type Directory, fail, isId } from "@staffroom/core";
import { parseIfMatch } from "../shared/etag";
import { REQUEST_ID_HEADER } from "../shared/wire";
import { authenticateWithSession } from "./authenticate";
import { readJsonBody, readJsonOrCsvBody, refuseBody } from "./body";
import { corsHeaders, preflightHeaders } from "./cors";
import { checkCsrf } from "./csrf";
import { respond } from "./known-response";
import { type ResolvedOptions, type RestHandlerOptions, resolveOptions } from "./options";
import { parseQuery, type QueryTypes, queryTypes } from "./query";
import { redact, secretValues } from "./redact";
import { INTERNAL_PROBLEM, problemReply, type Reply, refusalReply, replyOf } from "./reply";
import { requestIdOf, requestMetadata } from "./request-meta";
import { transport } from "./rest-problem";
import type { BaseContext, Route, RouteResult } from "./route";
import { createRouter, type Router } from "./router";
import { routeTable } from "./routes";
import { type HeaderList, securityHeaders } from "./security-headers";
import { sessionTokenOf } from "./session-token";

/**
 * A Web-standard fetch handler: Node (through `toNodeListener`), Next.js route handlers, Hono, Bun,
 * Deno and workers all call it the same way.
 *
 * @example export const GET = handler; export const POST = handler; // Next.js app/api/staffroom/[...path]/route.ts
 */
export type RestHandler = (request: Request) => Promise<Response>;

interface Prepared {
  readonly directory: Directory<string>;
  readonly settings: ResolvedOptions;
  readonly router: Router;
  readonly queries: ReadonlyMap<Route, QueryTypes>;
}

async function authenticateActor(p: Prepared, request: Request, base: BaseContext): Promise<Actor> {
  const authenticate = p.settings.authenticate ?? authenticateWithSession;
  const actor = await authenticate(request, {
    metadata: base.metadata,
    sessionToken: base.sessionToken,
    directory: p.directory,
  });
  if (!actor) throw fail.unauthenticated();
  return actor.metadata ? actor : { ...actor, metadata: base.metadata };
}

function checkIds(params: Readonly<Record<string, string>>): void {
  for (const value of Object.values(params)) if (!isId(value)) throw fail.notFound();
}

function readVersion(route: Route, request: Request): number | undefined {
  const ifMatch = parseIfMatch(request.headers.get("if-match"));
  if (!route.ifMatch) {
    if (ifMatch.kind !== "absent" && route.method !== "GET") {
      throw fail.field(["If-Match"], "not_conditional", "This operation takes no If-Match.");
    }
    return undefined;
  }
  if (ifMatch.kind === "absent" || ifMatch.kind === "any") throw fail.preconditionRequired();
  if (ifMatch.kind === "invalid") {
    throw fail.field(["version"], "invalid_version", "The version must be a whole number.");
  }
  return ifMatch.version;
}

async function run(
  p: Prepared,
  request: Request,
  requestId: string,
  url: URL,
  path: string,
  secrets: string[],
): Promise<Reply> {
  const { settings, router } = p;
  if (request.method === "OPTIONS") {
    const methods = router.methods(path);
    if (!methods.length) throw fail.notFound();
    return { ...replyOf({ status: 204 }), headers: preflightHeaders(request, settings, methods) };
  }
  const match = router.match(request.method, path);
  if (match.kind === "not_found") throw fail.notFound();
  if (match.kind === "method_not_allowed") throw transport.methodNotAllowed(match.allow);
  const { route, params } = match;
  const token = sessionTokenOf(request, settings);
  if (token.token) secrets.push(token.token);
  checkCsrf(request, settings, token.source === "bearer");
  const base: BaseContext = {
    request,
    params,
    query: {},
    body: undefined,
    version: undefined,
    metadata: requestMetadata(request, settings, requestId),
    directory: p.directory,
    settings,
    sessionToken: token.token,
    tokenSource: token.source,
  };
  let actor: Actor | null = null;
  if (route.auth === "actor") {
    actor = await authenticateActor(p, request, base);
    if (params.orgId !== undefined && params.orgId !== actor.organizationId) throw fail.notFound();
  } else if (route.auth === "session") {
    if (!token.token) throw fail.unauthenticated();
    // Authentication before the body (as for actor routes): an unknown or ended session is 401
    // whatever it sent. GETs carry no body and their handler resolves the session itself.
    if (route.body !== "none" || request.body !== null) await p.directory.auth.session(token.token);
  }
  checkIds(params);
  const version = readVersion(route, request);
  const query = parseQuery(url.searchParams, p.queries.get(route) ?? null);
  const body =
    route.body === "json"
      ? await readJsonBody(request, settings.maxBodyBytes)
      : route.body === "json-or-csv"
        ? await readJsonOrCsvBody(request, settings.maxImportBytes)
        : await refuseBody(request, settings.maxBodyBytes);
  secretValues(body, secrets);
  const ctx: BaseContext = { ...base, query, body, version };
  let result: RouteResult;
  if (route.auth === "actor" && actor) {
    result = await route.handle({ ...ctx, actor, staff: p.directory.forActor(actor) });
  } else if (route.auth === "session" && token.token) {
    result = await route.handle({ ...ctx, token: token.token });
  } else if (route.auth === "public") {
    result = await route.handle(ctx);
  } else {
    throw fail.unauthenticated();
  }
  return replyOf(result);
}

function finish(reply: Reply, request: Request, settings: ResolvedOptions, requestId: string): Response {
  const headers: HeaderList = [];
  const named = new Set<string>();
  const add = (name: string, value: string) => {
    named.add(name.toLowerCase());
    headers.push([name, value]);
  };
  if (reply.contentType) add("Content-Type", reply.contentType);
  for (const [name, value] of Object.entries(reply.headers)) add(name, value);
  for (const cookie of reply.cookies) add("Set-Cookie", cookie);
  for (const [name, value] of Object.entries(corsHeaders(request, settings))) {
    if (!named.has(name.toLowerCase())) add(name, value);
  }
  for (const [name, value] of securityHeaders(settings, { cacheable: reply.cacheable })) add(name, value);
  add(REQUEST_ID_HEADER, requestId);
  return respond(reply.body, reply.status, headers);
}

function routeOf(p: Prepared, request: Request, path: string | null): string | null {
  if (path === null) return null;
  const match = p.router.match(request.method, path);
  return match.kind === "found" ? match.route.path : null;
}

/**
 * Creates the fetch handler that exposes a directory over HTTP: every `StaffDirectory` and
 * `directory.auth` use case, organization-scoped paths, ETag/If-Match versions, RFC 9457 problems,
 * CSRF and CORS checks, security headers, body limits, and `GET /openapi.json`.
 *
 * @example
 * import { createServer } from "node:http";
 * import { createRestHandler, directoryLinks, toNodeListener } from "@staffroom/rest/server";
 * const directory = createDirectory({ store, links: directoryLinks("https://ehr.example") });
 * const handler = createRestHandler(directory, { basePath: "/api/staffroom", publicBaseUrl: "https://ehr.example" });
 * createServer(toNodeListener(handler)).listen(3000);
 */
export function createRestHandler<P extends string>(
  directory: Directory<P>,
  options: RestHandlerOptions = {},
): RestHandler {
  const settings = resolveOptions(options);
  const routes = routeTable(settings);
  const queries = new Map<Route, QueryTypes>();
  for (const route of routes) {
    const schema = route.queryTypes ?? route.doc.query;
    if (schema) queries.set(route, queryTypes(schema));
  }
  const p: Prepared = { directory, settings, router: createRouter(routes), queries };
  return async (request) => {
    const requestId = requestIdOf(request);
    let path: string | null = null;
    // The request's own secrets (its session token, its body's passwords and tokens), masked in the log.
    const secrets: string[] = [];
    let reply: Reply;
    try {
      const url = new URL(request.url);
      const base = settings.basePath;
      if (base && url.pathname !== base && !url.pathname.startsWith(`${base}/`)) throw fail.notFound();
      path = url.pathname.slice(base.length) || "/";
      reply = await run(p, request, requestId, url, path, secrets);
    } catch (error) {
      const refusal = refusalReply(error);
      if (refusal) {
        reply = refusal;
      } else {
        const message = error instanceof Error ? `${error.name}: ${error.message}` : "non-error thrown";
        try {
          settings.onError({
            requestId,
            method: request.method,
            route: routeOf(p, request, path),
            message: redact(message, secrets),
            error,
          });
        } catch {
          // A failing logger must not turn a 500 into a crash.
        }
        reply = problemReply(INTERNAL_PROBLEM);
      }
    }
    return finish(reply, request, settings, requestId);
  };
}
