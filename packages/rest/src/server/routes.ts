import { type OpenApiDocument, openApiDocument } from "./openapi";
import type { ResolvedOptions } from "./options";
import type { PublicRoute, Route } from "./route";
import { authRoutes } from "./routes.auth";
import { credentialRoutes } from "./routes.credentials";
import { locationRoutes } from "./routes.locations";
import { organizationRoutes } from "./routes.organization";
import { provisioningRoutes } from "./routes.provisioning";
import { roleRoutes } from "./routes.roles";
import { sessionRoutes } from "./routes.sessions";
import { userActionRoutes } from "./routes.user-actions";
import { userRoutes } from "./routes.users";

/**
 * The whole route table for a handler's options: the directory routes, the `/auth/*` routes unless
 * turned off, and `GET /openapi.json` generated from the table itself.
 *
 * @example routeTable(resolveOptions({})).map((r) => `${r.method} ${r.path}`)
 */
export function routeTable(settings: ResolvedOptions): readonly Route[] {
  const routes: Route[] = [
    ...organizationRoutes,
    ...userRoutes,
    ...userActionRoutes,
    ...credentialRoutes,
    ...roleRoutes,
    ...locationRoutes,
    ...sessionRoutes,
    ...provisioningRoutes,
    ...(settings.authRoutes ? authRoutes : []),
  ];
  let document: OpenApiDocument | null = null;
  const openapi: PublicRoute = {
    method: "GET",
    path: "/openapi.json",
    auth: "public",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "openapi",
      summary: "This document",
      tags: [],
      success: 200,
      response: null,
      errors: [],
    },
    handle: async () => {
      document ??= openApiDocument(routes, settings);
      return { status: 200, body: document, cacheable: true };
    },
  };
  routes.push(openapi);
  return routes;
}
