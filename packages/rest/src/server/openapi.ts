import { ERROR_STATUS, type ErrorCode, ID_PATTERN } from "@staffroom/core";
import {
  FieldOptionSchema,
  LocationSchema,
  OrganizationFormOptionsSchema,
  OrganizationSchema,
  RoleFormOptionsSchema,
  RoleSchema,
  UserFormOptionsSchema,
  UserSchema,
  VerdictSchema,
} from "@staffroom/core/schemas";
import * as z from "zod/mini";
import { PROBLEM_CONTENT_TYPE } from "../shared/problem";
import { SESSION_TRANSPORT_HEADER } from "../shared/wire";
import { ProblemSchema } from "../shared/wire-schemas";
import type { ResolvedOptions } from "./options";
import type { Route } from "./route";

/** A JSON value of the document. */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The OpenAPI 3.1 document served at `/openapi.json`. @example const doc: OpenApiDocument = await (await fetch("/api/staffroom/openapi.json")).json() */
export interface OpenApiDocument {
  readonly openapi: "3.1.0";
  readonly info: JsonObject;
  readonly servers: Json[];
  readonly paths: Record<string, Record<string, JsonObject>>;
  readonly components: { schemas: Record<string, JsonObject>; securitySchemes: JsonObject };
  readonly tags: Json[];
  readonly security: Json[];
}

const REF = "#/components/schemas/";
const NAMED: readonly [z.ZodMiniType, string][] = [
  [UserSchema, "User"],
  [RoleSchema, "Role"],
  [LocationSchema, "Location"],
  [OrganizationSchema, "Organization"],
  [VerdictSchema, "Verdict"],
  [FieldOptionSchema, "FieldOption"],
  [UserFormOptionsSchema, "UserFormOptions"],
  [RoleFormOptionsSchema, "RoleFormOptions"],
  [OrganizationFormOptionsSchema, "OrganizationFormOptions"],
  [ProblemSchema, "Problem"],
];

const TAGS: readonly [string, string][] = [
  ["actor", "Who is calling: user, role, permissions"],
  ["users", "Users, invitations and bulk actions (W1, W2, W4–W6, W12)"],
  ["roles", "Roles and the permission catalog (W7)"],
  ["locations", "Locations (W8)"],
  ["organization", "Organization settings and seats (W11, R9)"],
  ["audit", "Audit trail (W14, R18)"],
  ["auth", "Sign-in, sessions, passwords, invitations (W3, W13)"],
];

const pascal = (operationId: string, suffix: string): string =>
  operationId
    .split(/[^A-Za-z0-9]+/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join("") + suffix;

const toJson = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

/** Registers each distinct schema once, under a stable name, in the registry of its side (input/output). */
class Components {
  private readonly names = new Map<z.ZodMiniType, string>();
  readonly input = z.registry<{ id: string }>();
  readonly output = z.registry<{ id: string }>();

  constructor() {
    for (const [schema, name] of NAMED) this.add(schema, name, "output");
  }

  add(schema: z.ZodMiniType, name: string, side: "input" | "output"): string {
    const known = this.names.get(schema);
    if (known) return known;
    this.names.set(schema, name);
    (side === "input" ? this.input : this.output).add(schema, { id: name });
    return name;
  }

  schemas(): Record<string, JsonObject> {
    const out: Record<string, JsonObject> = {};
    for (const [registry, io] of [
      [this.input, "input"],
      [this.output, "output"],
    ] as const) {
      const { schemas } = z.toJSONSchema(registry, {
        io,
        target: "draft-2020-12",
        unrepresentable: "any",
        uri: (id) => `${REF}${id}`,
      });
      for (const [name, schema] of Object.entries(schemas)) {
        const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
        out[name] = toJson(rest) as JsonObject;
      }
    }
    return out;
  }
}

const problem = (description: string): JsonObject => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `${REF}Problem` } } },
});

const ERROR_TEXT: Record<ErrorCode, string> = {
  validation: "Invalid input, unknown field, malformed JSON or If-Match",
  unauthenticated: "No session, or it ended",
  forbidden: "Missing permission, or a cross-site request",
  not_found: "Missing, of another organization, outside the actor's scope, or not an id (R5)",
  conflict: "Conflicts with the current state",
  stale: "The If-Match version is no longer current; nothing was written (R12)",
  precondition_required: "If-Match is missing",
  rule: "Refused by a rule; `rule` names it",
  rate_limited: "Too many requests; `Retry-After` says how long to wait",
};

function errorResponses(route: Route): JsonObject {
  const codes = new Set<ErrorCode>(route.doc.errors);
  if (route.auth !== "public") codes.add("unauthenticated");
  if (route.path.includes("{")) codes.add("not_found");
  if (route.ifMatch) {
    codes.add("precondition_required");
    codes.add("stale");
    codes.add("validation");
  }
  if (route.body !== "none" || route.doc.query) codes.add("validation");
  if (route.method !== "GET") codes.add("forbidden");
  const out: JsonObject = {};
  for (const code of codes) out[String(ERROR_STATUS[code])] = problem(ERROR_TEXT[code]);
  const throttled = out[String(ERROR_STATUS.rate_limited)];
  if (throttled && typeof throttled === "object" && !Array.isArray(throttled)) {
    throttled.headers = {
      "Retry-After": {
        description: "Whole seconds to wait (also `details.retryAfterSeconds`), when the limit says",
        schema: { type: "integer", minimum: 0 },
      },
    };
  }
  if (route.body !== "none") {
    out["413"] = problem("The body is larger than the handler's limit");
    out["415"] = problem(
      route.body === "json"
        ? "The body is not application/json"
        : "The body is neither application/json nor text/csv",
    );
  }
  out["500"] = problem("An unexpected error (no details are disclosed)");
  return out;
}

function parameters(route: Route): Json[] {
  const out: Json[] = [];
  for (const [, name] of route.path.matchAll(/\{([A-Za-z]+)\}/g)) {
    out.push({
      name: name ?? "",
      in: "path",
      required: true,
      schema: { type: "string", pattern: ID_PATTERN.source },
    });
  }
  if (route.doc.query) {
    const json = z.toJSONSchema(route.doc.query, { io: "input", unrepresentable: "any" }) as {
      properties?: Record<string, unknown>;
    };
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: "query", required: false, schema: toJson(schema) });
    }
  }
  if (route.ifMatch) {
    out.push({
      name: "If-Match",
      in: "header",
      required: true,
      description: 'The version read, as its ETag: `"3"`. Missing → 428; not current → 412, nothing written.',
      schema: { type: "string", pattern: '^"\\d+"$' },
    });
  }
  if (route.doc.operationId === "auth.signIn" || route.doc.operationId === "auth.switchOrganization") {
    out.push({
      name: SESSION_TRANSPORT_HEADER,
      in: "header",
      required: false,
      description: "`bearer`: return the session token in the body instead of setting the cookie.",
      schema: { type: "string", enum: ["bearer"] },
    });
  }
  return out;
}

function operation(route: Route, components: Components): JsonObject {
  const doc = route.doc;
  const op: JsonObject = {
    operationId: doc.operationId,
    summary: doc.summary,
    tags: [...doc.tags],
    parameters: parameters(route),
  };
  if (doc.description) op.description = doc.description;
  if (route.auth === "public") op.security = [];
  if (doc.body) {
    const name = components.add(doc.body, pascal(doc.operationId, "Body"), "input");
    op.requestBody = {
      required: true,
      content: {
        "application/json": { schema: { $ref: `${REF}${name}` } },
        ...(route.body === "json-or-csv" ? { "text/csv": { schema: { type: "string" } } } : {}),
      },
    };
  }
  const success: JsonObject = { description: doc.summary };
  if (doc.response) {
    const name = components.add(doc.response, pascal(doc.operationId, "Response"), "output");
    success.content = { "application/json": { schema: { $ref: `${REF}${name}` } } };
  }
  if (doc.csv) {
    success.content = {
      ...(success.content as JsonObject | undefined),
      "text/csv": { schema: { type: "string" } },
    };
  }
  if (doc.etag) {
    success.headers = {
      ETag: { description: 'The version as a strong entity tag: `"3"`', schema: { type: "string" } },
    };
  }
  op.responses = { [String(doc.success)]: success, ...errorResponses(route) };
  return op;
}

/**
 * The OpenAPI 3.1 document of a route table, generated from the zod schemas the routes use (the
 * same ones core validates with): bodies on their input side, responses on their output side.
 *
 * @example const doc = openApiDocument(routes, settings); doc.paths["/organizations/{orgId}/users"].get
 */
export function openApiDocument(routes: readonly Route[], settings: ResolvedOptions): OpenApiDocument {
  const components = new Components();
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes) {
    const item = paths[route.path] ?? {};
    item[route.method.toLowerCase()] = operation(route, components);
    paths[route.path] = item;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Staffroom directory",
      version: "0.1.0",
      description:
        "User and access administration for clinical software. Errors are RFC 9457 problem documents " +
        "carrying the DirectoryError `code`, `rule` and `issues`. Reads return the version as `ETag`; " +
        'writes name it in `If-Match` (`"3"`).',
    },
    servers: [{ url: `${settings.publicBaseUrl ?? ""}${settings.basePath}` || "/" }],
    tags: TAGS.map(([name, description]) => ({ name, description })),
    security: [{ bearer: [] }, { cookie: [] }],
    paths,
    components: {
      schemas: components.schemas(),
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A Staffroom session token" },
        cookie: { type: "apiKey", in: "cookie", name: settings.cookieName },
      },
    },
  };
}
