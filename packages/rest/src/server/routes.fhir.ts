import type { Directory, StaffDirectory } from "@staffroom/core";
import {
  FHIR_SYSTEMS,
  fromFhirId,
  operationOutcome,
  type StaffroomFhirResource,
  searchsetBundle,
  toFhirId,
  toLocation,
  toOrganization,
  toPractitioner,
  toPractitionerRole,
} from "@staffroom/core/fhir";
import { REQUEST_ID_HEADER } from "../shared/wire";
import { authenticateWithSession } from "./authenticate";
import { corsHeaders, preflightHeaders } from "./cors";
import { capabilityStatement } from "./fhir/fhir-capability";
import { encodeCursor, type FhirCursor, type FhirType, isStrict, parseSearch } from "./fhir/fhir-params";
import { FhirProblem, fhirRefusal, notFound } from "./fhir/fhir-problem";
import { offsetPage, practitionerById, practitionerPage, type SearchContext } from "./fhir/fhir-search";
import type { RestHandler } from "./handler";
import { respond } from "./known-response";
import type {
  Authenticate,
  CorsOptions,
  HstsOptions,
  ResolvedOptions,
  RestErrorEvent,
  SessionCookieOptions,
} from "./options";
import { resolveOptions } from "./options";
import { redact } from "./redact";
import { requestIdOf, requestMetadata } from "./request-meta";
import { type HeaderList, securityHeaders } from "./security-headers";
import { sessionTokenOf } from "./session-token";

/**
 * Options of {@link createFhirHandler}; the session, CORS, proxy and error options mean what they
 * mean for `createRestHandler` (pass the same values so both accept the same sessions).
 *
 * @example { basePath: "/fhir/r4", publicBaseUrl: "https://ehr.example", identifierSystem: "https://ehr.example/fhir/sid/staff" }
 */
export interface FhirHandlerOptions {
  /** Where the FHIR endpoint is mounted. Default `/fhir/r4`. */
  readonly basePath?: string;
  /** The public origin: absolute `fullUrl`s and paging links start with it. Default: the request's own origin. */
  readonly publicBaseUrl?: string;
  /** Maps a request to an actor. Default: a Staffroom session from the bearer token or the session cookie. */
  readonly authenticate?: Authenticate;
  /** The session cookie's name, if not the default. */
  readonly cookie?: Pick<SessionCookieOptions, "name">;
  readonly originAliases?: readonly string[];
  readonly cors?: CorsOptions;
  readonly hsts?: boolean | HstsOptions;
  readonly trustProxy?: boolean | number;
  readonly clientAddress?: (request: Request) => string | undefined;
  readonly onError?: (event: RestErrorEvent) => void;
  /** System of the Practitioner identifier that carries the Staffroom user id. Default `urn:staffroom:user`. */
  readonly identifierSystem?: string;
  /** Page size without `_count`. Default 50. */
  readonly defaultCount?: number;
  /** Largest page; a larger `_count` is lowered to it. Default 200. */
  readonly maxCount?: number;
  /** Most practitioners one verified search (name, identifier, specialty …) looks at; beyond, `too-costly`. Default 10 000. */
  readonly scanLimit?: number;
}

interface FhirSettings {
  readonly rest: ResolvedOptions;
  readonly identifierSystem: string;
  readonly defaultCount: number;
  readonly maxCount: number;
  readonly scanLimit: number;
}

const FHIR_JSON = "application/fhir+json; charset=utf-8";
const NDJSON = "application/fhir+ndjson; charset=utf-8";
const TYPES: readonly FhirType[] = ["Practitioner", "PractitionerRole", "Location", "Organization"];
const JSON_FORMATS = new Set(["json", "application/json", "application/fhir+json", "application/json+fhir"]);
const NDJSON_FORMATS = new Set(["application/fhir+ndjson", "application/ndjson", "ndjson"]);

/** An answer before the common headers. */
interface FhirReply {
  readonly status: number;
  readonly body: unknown;
  readonly contentType?: string;
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

function positiveInt(value: number | undefined, fallback: number, what: string, max = 1_000_000): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < 1 || n > max)
    throw new TypeError(`${what} must be a whole number from 1 to ${max}`);
  return n;
}

/** The media type a `_format` value or an `Accept` header asks for, or a 406. */
function negotiate(url: URL, request: Request): void {
  const format = url.searchParams.get("_format");
  const refuse = () =>
    new FhirProblem(406, "not-supported", "This endpoint answers application/fhir+json only.");
  if (
    format !== null &&
    format !== "" &&
    !JSON_FORMATS.has(format.split(";")[0]?.trim().toLowerCase() ?? "")
  ) {
    throw refuse();
  }
  const accept = request.headers.get("accept");
  if (accept && !/json|\*\/\*|application\/\*/i.test(accept)) throw refuse();
}

/** `Type/id` of a path, or null. */
function segmentsOf(path: string): string[] | null {
  try {
    return path.split("/").slice(1).map(decodeURIComponent);
  } catch {
    return null;
  }
}

/** The URL of a search page: the base, the type, the parameters honoured, `_count`, and a cursor. */
function searchUrl(
  base: string,
  type: string,
  applied: readonly (readonly [string, string])[],
  count: number,
  cursor: string | null,
): string {
  const params = new URLSearchParams();
  for (const [k, v] of applied) params.append(k, v);
  params.set("_count", String(count));
  if (cursor) params.set("_cursor", cursor);
  return `${base}/${type}?${params.toString()}`;
}

/** The viewer's directory, after the gate: FHIR reads need what `users.list` needs (users.view). */
async function gate(staff: StaffDirectory<string>): Promise<void> {
  await staff.users.list({ limit: 1, practitioner: true });
}

async function context(staff: StaffDirectory<string>, settings: FhirSettings): Promise<SearchContext> {
  return {
    staff,
    organization: await staff.organization.get(),
    locations: await staff.locations.list(),
    identifierSystem: settings.identifierSystem,
    scanLimit: settings.scanLimit,
  };
}

async function read(ctx: SearchContext, type: FhirType, id: string): Promise<FhirReply> {
  let resource: StaffroomFhirResource | null = null;
  let version = 0;
  if (type === "Practitioner" || type === "PractitionerRole") {
    const user = await practitionerById(ctx.staff, id);
    if (user) {
      resource =
        type === "Practitioner"
          ? toPractitioner(user, { identifierSystem: ctx.identifierSystem })
          : toPractitionerRole(user, ctx.organization, ctx.locations);
      version = user.version;
    }
  } else if (type === "Location") {
    const locationId = fromFhirId(id, "location");
    const location = ctx.locations.find((l) => l.id === locationId);
    if (location) {
      resource = toLocation(location, ctx.organization);
      version = location.version;
    }
  } else if (fromFhirId(id, "organization") === ctx.organization.id) {
    resource = toOrganization(ctx.organization);
    version = ctx.organization.version;
  }
  if (!resource) throw notFound();
  return { status: 200, body: resource, headers: { ETag: `W/"${version}"` } };
}

async function search(
  ctx: SearchContext,
  type: FhirType,
  url: URL,
  request: Request,
  base: string,
  settings: FhirSettings,
): Promise<FhirReply> {
  const parsed = parseSearch(type, url.searchParams, {
    defaultCount: settings.defaultCount,
    maxCount: settings.maxCount,
    strict: isStrict(request.headers),
    base,
  });
  let resources: StaffroomFhirResource[];
  let total: number;
  let next: FhirCursor | null;
  if (type === "Practitioner" || type === "PractitionerRole") {
    const page = await practitionerPage(ctx, parsed);
    resources = page.users.map((u) =>
      type === "Practitioner"
        ? toPractitioner(u, { identifierSystem: ctx.identifierSystem })
        : toPractitionerRole(u, ctx.organization, ctx.locations),
    );
    ({ total, next } = page);
  } else if (type === "Location") {
    const page = offsetPage(
      parsed,
      ctx.locations.map((l) => ({ id: toFhirId(l.id), names: [l.name], item: l })),
    );
    resources = page.items.map((l) => toLocation(l, ctx.organization));
    ({ total, next } = page);
  } else {
    const org = ctx.organization;
    const page = offsetPage(parsed, [{ id: toFhirId(org.id), names: [org.name], item: org }]);
    resources = page.items.map(toOrganization);
    ({ total, next } = page);
  }
  const bundle = searchsetBundle({
    base,
    resources,
    total,
    self: searchUrl(base, type, parsed.applied, parsed.count, parsed.cursor),
    next: next ? searchUrl(base, type, parsed.applied, parsed.count, encodeCursor(next)) : null,
  });
  return { status: 200, body: bundle };
}

/** Every published resource, one JSON per line (organization, locations, practitioners, roles). */
async function bulkExport(ctx: SearchContext, url: URL, settings: FhirSettings): Promise<FhirReply> {
  const format = url.searchParams.get("_outputFormat");
  if (format && !NDJSON_FORMATS.has(format)) {
    throw new FhirProblem(400, "not-supported", "_outputFormat is application/fhir+ndjson.", [
      "_outputFormat",
    ]);
  }
  const typeParam = url.searchParams.get("_type");
  const wanted = new Set(typeParam ? typeParam.split(",") : TYPES);
  for (const t of wanted) {
    if (!TYPES.includes(t as FhirType))
      throw new FhirProblem(400, "not-supported", `_type ${t} is not exported.`, ["_type"]);
  }
  const lines: string[] = [];
  if (wanted.has("Organization")) lines.push(JSON.stringify(toOrganization(ctx.organization)));
  if (wanted.has("Location"))
    for (const l of ctx.locations) lines.push(JSON.stringify(toLocation(l, ctx.organization)));
  if (wanted.has("Practitioner") || wanted.has("PractitionerRole")) {
    const roles: string[] = [];
    const all = parseSearch("Practitioner", new URLSearchParams(), {
      defaultCount: settings.maxCount,
      maxCount: settings.maxCount,
      strict: false,
      base: "",
    });
    let cursor: FhirCursor | null = null;
    do {
      const page = await practitionerPage(ctx, { ...all, cursor: cursor ? encodeCursor(cursor) : null });
      for (const u of page.users) {
        if (wanted.has("Practitioner"))
          lines.push(JSON.stringify(toPractitioner(u, { identifierSystem: ctx.identifierSystem })));
        if (wanted.has("PractitionerRole"))
          roles.push(JSON.stringify(toPractitionerRole(u, ctx.organization, ctx.locations)));
      }
      cursor = page.next;
    } while (cursor);
    lines.push(...roles);
  }
  return { status: 200, body: null, contentType: NDJSON, text: lines.length ? `${lines.join("\n")}\n` : "" };
}

async function dispatch(
  directory: Directory<string>,
  settings: FhirSettings,
  request: Request,
  requestId: string,
  url: URL,
  path: string,
): Promise<FhirReply> {
  const base = `${settings.rest.publicBaseUrl ?? url.origin}${settings.rest.basePath}`;
  const segments = segmentsOf(path);
  if (!segments || segments.length === 0 || segments.length > 2 || segments.some((s) => s.length === 0))
    throw notFound();
  if (request.method !== "GET") {
    throw new FhirProblem(405, "not-supported", "This endpoint is read-only: GET.", [], {
      Allow: "GET, OPTIONS",
    });
  }
  negotiate(url, request);
  const [first, id] = segments as [string, string | undefined];
  if (first === "metadata" && id === undefined) return { status: 200, body: capabilityStatement(base) };
  const type = TYPES.find((t) => t === first);
  const exporting = first === "$export" && id === undefined;
  if (!type && !exporting) throw notFound();
  const authenticate = settings.rest.authenticate ?? authenticateWithSession;
  const token = sessionTokenOf(request, settings.rest);
  const actor = await authenticate(request, {
    metadata: requestMetadata(request, settings.rest, requestId),
    sessionToken: token.token,
    directory,
  });
  if (!actor)
    throw new FhirProblem(401, "login", "Sign in: send a Staffroom session (bearer token or cookie).", [], {
      "WWW-Authenticate": 'Bearer realm="staffroom"',
    });
  const staff = directory.forActor(actor);
  await gate(staff);
  const ctx = await context(staff, settings);
  if (exporting) return bulkExport(ctx, url, settings);
  if (!type) throw notFound();
  return id === undefined ? search(ctx, type, url, request, base, settings) : read(ctx, type, id);
}

function finish(reply: FhirReply, request: Request, settings: FhirSettings, requestId: string): Response {
  const headers: HeaderList = [["Content-Type", reply.contentType ?? FHIR_JSON]];
  for (const [name, value] of Object.entries(reply.headers ?? {})) headers.push([name, value]);
  for (const [name, value] of Object.entries(corsHeaders(request, settings.rest)))
    headers.push([name, value]);
  headers.push(...securityHeaders(settings.rest, { cacheable: false }));
  headers.push([REQUEST_ID_HEADER, requestId]);
  return respond(reply.text ?? JSON.stringify(reply.body), reply.status, headers);
}

/**
 * A read-only FHIR R4 endpoint (US Core) over a directory: `Practitioner`, `PractitionerRole`,
 * `Location` and `Organization` — read (`Type/id`) and search (`Type?…`, searchset Bundles with
 * `total` and `next` links) — `metadata` (the CapabilityStatement) and a synchronous `$export` of
 * all four as NDJSON. Every call is authenticated as `createRestHandler` does (bearer token or
 * session cookie) and needs what the directory needs to list users (`users.view`): all reads go
 * through the viewer's own `StaffDirectory`, so a delegated manager's FHIR view holds only what
 * their directory shows. Errors are OperationOutcomes; nothing a client sends gets a 5xx.
 *
 * @example
 * const fhir = createFhirHandler(directory, { basePath: "/fhir/r4", publicBaseUrl: "https://ehr.example" });
 * // GET https://ehr.example/fhir/r4/Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|1234567893
 */
export function createFhirHandler<P extends string>(
  directory: Directory<P>,
  options: FhirHandlerOptions = {},
): RestHandler {
  const rest = resolveOptions({
    basePath: options.basePath ?? "/fhir/r4",
    authRoutes: false,
    ...(options.publicBaseUrl !== undefined ? { publicBaseUrl: options.publicBaseUrl } : {}),
    ...(options.authenticate ? { authenticate: options.authenticate } : {}),
    ...(options.cookie ? { cookie: options.cookie } : {}),
    ...(options.originAliases ? { originAliases: options.originAliases } : {}),
    ...(options.cors ? { cors: options.cors } : {}),
    ...(options.hsts !== undefined ? { hsts: options.hsts } : {}),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  const maxCount = positiveInt(options.maxCount, 200, "maxCount", 200);
  const settings: FhirSettings = {
    rest,
    identifierSystem: options.identifierSystem ?? FHIR_SYSTEMS.staffroomUser,
    maxCount,
    defaultCount: positiveInt(options.defaultCount, Math.min(50, maxCount), "defaultCount", maxCount),
    scanLimit: positiveInt(options.scanLimit, 10_000, "scanLimit"),
  };
  const untyped = directory as unknown as Directory<string>;
  return async (request) => {
    const requestId = requestIdOf(request);
    let path: string | null = null;
    const token = sessionTokenOf(request, rest).token;
    let reply: FhirReply;
    try {
      const url = new URL(request.url);
      const base = rest.basePath;
      if (base && url.pathname !== base && !url.pathname.startsWith(`${base}/`)) throw notFound();
      path = url.pathname.slice(base.length) || "/";
      if (request.method === "OPTIONS") {
        return new Response(null, {
          status: 204,
          headers: { ...preflightHeaders(request, rest, ["GET"]), [REQUEST_ID_HEADER]: requestId },
        });
      }
      reply = await dispatch(untyped, settings, request, requestId, url, path);
    } catch (error) {
      const refusal = fhirRefusal(error);
      if (refusal) {
        reply = { status: refusal.status, body: refusal.outcome, headers: refusal.headers };
      } else {
        const message = error instanceof Error ? `${error.name}: ${error.message}` : "non-error thrown";
        try {
          rest.onError({
            requestId,
            method: request.method,
            route: path === null ? null : "fhir",
            message: redact(message, token ? [token] : []),
            error,
          });
        } catch {
          // A failing logger must not turn a 500 into a crash.
        }
        reply = {
          status: 500,
          body: operationOutcome(
            "exception",
            "Something went wrong on the server. Quote the request id when you report it.",
          ),
        };
      }
    }
    return finish(reply, request, settings, requestId);
  };
}
