/**
 * `@staffroom/rest/server`: a Web-standard fetch handler exposing a Staffroom directory over HTTP,
 * a Node adapter, and the link builder for emailed links.
 *
 * @example
 * import { createRestHandler, directoryLinks, toNodeListener } from "@staffroom/rest/server";
 * const handler = createRestHandler(directory, { basePath: "/api/staffroom", publicBaseUrl: "https://ehr.example" });
 * createServer(toNodeListener(handler)).listen(3000);
 */
export { authenticateWithSession } from "./authenticate";
export { nodeClientAddress } from "./client-address";
export { createRestHandler, type RestHandler } from "./handler";
export { directoryLinks, type LinkPaths } from "./links";
export {
  type NodeListenerOptions,
  type NodeRequestLike,
  type NodeResponseLike,
  toNodeListener,
} from "./node-adapter";
export type { OpenApiDocument } from "./openapi";
export type {
  Authenticate,
  AuthenticateContext,
  CorsOptions,
  HstsOptions,
  RestErrorEvent,
  RestHandlerOptions,
  SessionCookieOptions,
} from "./options";
export { type ResolvedOptions, resolveOptions } from "./options";
export { redact } from "./redact";
export type { HttpMethod, Route } from "./route";
export { routeTable } from "./routes";
export { createFhirHandler, type FhirHandlerOptions } from "./routes.fhir";
