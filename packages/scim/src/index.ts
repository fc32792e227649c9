/**
 * `@staffroom/scim`: SCIM 2.0 provisioning (RFC 7643 / 7644) for a Staffroom directory, as a
 * Web-standard fetch handler. A provisioning token is one more actor of core: the handler maps
 * SCIM to the public `StaffDirectory` and back, and holds no rule of its own.
 *
 * @example
 * import { createScimHandler } from "@staffroom/scim";
 * const scim = createScimHandler(directory, { basePath: "/scim/v2" });
 */

export { SCIM_CONTENT_TYPE, URN as SCIM_URN } from "./constants";
export type { ScimHandlerOptions } from "./context";
export { createScimHandler, type ScimHandler } from "./handler";
