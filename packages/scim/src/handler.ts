import { type Directory, type RequestMetadata, toPlainText } from "@staffroom/core";
import { URN } from "./constants";
import { RequestContext, type ResolvedScimOptions, resolveOptions, type ScimHandlerOptions } from "./context";
import { PageCursors } from "./cursors";
import { resourceTypes, schemaDocuments, serviceProviderConfig } from "./discovery";
import type { Json } from "./document";
import { errorDocument, isDirectoryError, ScimError, scimErrorOf } from "./error";
import { parseFilter } from "./filter";
import {
  createGroup,
  deleteGroup,
  GROUP_SCOPE,
  groupResource,
  listGroups,
  patchGroup,
  replaceGroup,
} from "./groups";
import { bearerSecret, readJsonBody, scimJson, wholeNumber } from "./http";
import { ifMatchOf, ifNoneMatchHolds } from "./precondition";
import { attributeList, project } from "./project";
import { userScope } from "./user-resource";
import {
  createUser,
  deleteUser,
  type ListQuery,
  listUsers,
  patchUser,
  replaceUser,
  userResource,
} from "./users";

/** A Web-standard fetch handler: `(request) => Promise<Response>`. */
export type ScimHandler = (request: Request) => Promise<Response>;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function metadataOf(request: Request, options: ResolvedScimOptions): RequestMetadata {
  const ip = options.clientAddress?.(request);
  const userAgent = request.headers.get("user-agent");
  const requestId = request.headers.get("x-request-id") ?? request.headers.get("client-request-id");
  return {
    ...(ip ? { ip: toPlainText(ip.slice(0, 64)) } : {}),
    ...(userAgent ? { userAgent: toPlainText(userAgent.slice(0, 512)) } : {}),
    ...(requestId && REQUEST_ID.test(requestId) ? { requestId } : {}),
  };
}

function allow(methods: string): never {
  throw new ScimError(405, null, `This endpoint answers ${methods}.`, { Allow: methods });
}

function listQuery(url: URL, options: ResolvedScimOptions, urns: readonly string[]): ListQuery {
  const raw = url.searchParams.get("filter");
  return {
    filter: raw === null || raw.trim() === "" ? null : parseFilter(raw, urns),
    startIndex: Math.max(1, wholeNumber(url.searchParams.get("startIndex"), "startIndex", 1)),
    count: Math.min(
      options.maxResults,
      Math.max(0, wholeNumber(url.searchParams.get("count"), "count", options.defaultCount)),
    ),
  };
}

/** The `ETag` of a resource document: its `meta.version` (RFC 7644 §3.14). */
function etagHeader(doc: Json): Record<string, string> {
  const version = (doc.meta as Json | undefined)?.version;
  return typeof version === "string" ? { ETag: version } : {};
}

/**
 * One resource, with its `ETag`; a GET whose `If-None-Match` names the version is 304 (no body).
 */
function resource(status: number, doc: Json, shape: (doc: Json) => Json, request?: Request): Response {
  const etag = etagHeader(doc);
  if (request && etag.ETag && ifNoneMatchHolds(request, etag.ETag)) return scimJson(304, null, etag);
  return scimJson(status, shape(doc), etag);
}

function listResponse(total: number, startIndex: number, resources: Json[]): Json {
  return {
    schemas: [URN.listResponse],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

/**
 * A SCIM 2.0 service provider (RFC 7643/7644) over a Staffroom directory, as a Web-standard fetch
 * handler: mount it at `basePath` (default `/scim/v2`) next to `@staffroom/rest` on any server.
 * Every request presents a provisioning token (`Authorization: Bearer …`, created by an
 * administrator), which `directory.provisioning.authenticate` turns into an actor; everything
 * else goes through that actor's public `StaffDirectory`, so every rule of core applies to the
 * identity provider as to a person, and refusals come back as SCIM Error documents (4xx with the
 * rule in `detail`). Users, Groups (roles and mapped groups), filters, PATCH in the RFC and
 * Microsoft Entra ID shapes, and discovery; see the README for the mapping.
 *
 * @example
 * const scim = createScimHandler(directory, { basePath: "/scim/v2" });
 * createServer(toNodeListener(scim)).listen(3000);           // @staffroom/rest/server's adapter
 * export { scim as GET, scim as POST, scim as PUT, scim as PATCH, scim as DELETE }; // Next.js
 */
export function createScimHandler(
  directory: Directory<string>,
  options: ScimHandlerOptions = {},
): ScimHandler {
  const settings = resolveOptions(options);
  const userUrns = [URN.user, URN.enterprise];
  const groupUrns = [URN.group];
  const cursors = new PageCursors();
  return async (request) => {
    try {
      return await handle(request);
    } catch (error) {
      if (error instanceof ScimError)
        return scimJson(error.status, errorDocument(error), { ...error.headers });
      if (isDirectoryError(error)) {
        const scim = scimErrorOf(error);
        return scimJson(scim.status, errorDocument(scim), { ...scim.headers });
      }
      settings.onError(error, request);
      return scimJson(500, errorDocument(new ScimError(500, null, "Something went wrong on the server.")));
    }
  };

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path !== settings.basePath && !path.startsWith(`${settings.basePath}/`))
      throw new ScimError(404, null, "Not a SCIM endpoint.");
    const segments = path
      .slice(settings.basePath.length)
      .split("/")
      .filter(Boolean)
      .map((s) => {
        try {
          return decodeURIComponent(s);
        } catch {
          throw new ScimError(404, null, "Not a SCIM endpoint.");
        }
      });
    const secret = bearerSecret(request);
    if (secret === null)
      throw new ScimError(401, null, "Send a provisioning token as Authorization: Bearer <token>.", {
        "WWW-Authenticate": 'Bearer realm="scim"',
      });
    const actor = await directory.provisioning.authenticate(secret, metadataOf(request, settings));
    const base = `${settings.publicBaseUrl ?? url.origin}${settings.basePath}`;
    const ctx = new RequestContext(directory.forActor(actor), base, settings, actor.userId, cursors);
    const method = request.method.toUpperCase();
    const [kind, id, ...rest] = segments;
    if (rest.length > 0 || kind === undefined) throw new ScimError(404, null, "Not a SCIM endpoint.");
    const body = () => readJsonBody(request, settings.maxBodyBytes);
    switch (kind.toLowerCase()) {
      case "users":
        return users(ctx, method, id, request, body);
      case "groups":
        return groups(ctx, method, id, request, body);
      case "serviceproviderconfig":
        if (method !== "GET") allow("GET");
        if (id !== undefined) throw new ScimError(404, null, "Not a SCIM endpoint.");
        return scimJson(200, serviceProviderConfig(settings, base));
      case "resourcetypes": {
        if (method !== "GET") allow("GET");
        const all = resourceTypes(base);
        if (id === undefined) return scimJson(200, listResponse(all.length, 1, all));
        const one = all.find((r) => String(r.id).toLowerCase() === id.toLowerCase());
        if (!one) throw new ScimError(404, null, `No resource type ${id}.`);
        return scimJson(200, one);
      }
      case "schemas": {
        if (method !== "GET") allow("GET");
        const all = schemaDocuments(settings, base);
        if (id === undefined) return scimJson(200, listResponse(all.length, 1, all));
        const one = all.find((s) => String(s.id).toLowerCase() === id.toLowerCase());
        if (!one) throw new ScimError(404, null, `No schema ${id}.`);
        return scimJson(200, one);
      }
      default:
        throw new ScimError(
          404,
          null,
          `${kind} is not an endpoint here: Users, Groups, ServiceProviderConfig, ResourceTypes, Schemas.`,
        );
    }
  }

  async function users(
    ctx: RequestContext,
    method: string,
    id: string | undefined,
    request: Request,
    body: () => Promise<unknown>,
  ): Promise<Response> {
    const url = new URL(request.url);
    const include = attributeList(url.searchParams.get("attributes"), userUrns);
    const exclude = attributeList(url.searchParams.get("excludedAttributes"), userUrns);
    const shape = (doc: Json) => project(doc, include, exclude, URN.user);
    if (id === undefined) {
      if (method === "GET") {
        const query = listQuery(url, settings, userUrns);
        const { total, documents } = await listUsers(ctx, query);
        return scimJson(200, listResponse(total, query.startIndex, documents.map(shape)));
      }
      if (method === "POST") {
        const created = await createUser(ctx, await body());
        return scimJson(201, shape(created), {
          Location: String((created.meta as Json).location),
          ...etagHeader(created),
        });
      }
      return allow("GET, POST");
    }
    const ifMatch = ifMatchOf(request);
    switch (method) {
      case "GET":
        return resource(200, await userResource(ctx, id), shape, request);
      case "PUT":
        return resource(200, await replaceUser(ctx, id, await body(), ifMatch), shape);
      case "PATCH":
        return resource(200, await patchUser(ctx, id, await body(), ifMatch), shape);
      case "DELETE":
        await deleteUser(ctx, id, ifMatch);
        return scimJson(204, null);
      default:
        return allow("GET, PUT, PATCH, DELETE");
    }
  }

  async function groups(
    ctx: RequestContext,
    method: string,
    id: string | undefined,
    request: Request,
    body: () => Promise<unknown>,
  ): Promise<Response> {
    const url = new URL(request.url);
    const include = attributeList(url.searchParams.get("attributes"), groupUrns);
    const exclude = attributeList(url.searchParams.get("excludedAttributes"), groupUrns);
    const named = (list: typeof include) => list.some((w) => w.attr.toLowerCase() === "members");
    const withMembers = include.length > 0 ? named(include) : !named(exclude);
    const shape = (doc: Json) => project(doc, include, exclude, URN.group);
    if (id === undefined) {
      if (method === "GET") {
        const query = listQuery(url, settings, groupUrns);
        const { total, documents } = await listGroups(ctx, query, withMembers);
        return scimJson(200, listResponse(total, query.startIndex, documents.map(shape)));
      }
      if (method === "POST") return createGroup(ctx, await body());
      return allow("GET, POST");
    }
    const ifMatch = ifMatchOf(request);
    switch (method) {
      case "GET":
        // No 304 for a group: its version covers its name and mapping, not its derived members.
        return resource(200, await groupResource(ctx, id, withMembers), shape);
      case "PUT":
        return resource(200, await replaceGroup(ctx, id, await body(), ifMatch), shape);
      case "PATCH":
        await patchGroup(ctx, id, await body(), ifMatch);
        return scimJson(204, null);
      case "DELETE":
        return deleteGroup(ctx, id, ifMatch);
      default:
        return allow("GET, PUT, PATCH, DELETE");
    }
  }
}

export { GROUP_SCOPE, userScope };
