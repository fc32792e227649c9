/**
 * `@staffroom/rest/client`: the StaffDirectory and DirectoryAuth over HTTP. Runs in browsers, Node,
 * Deno, Bun and workers (it needs only `fetch`).
 *
 * @example
 * import { restDirectory } from "@staffroom/rest/client";
 * const dir = restDirectory({ baseUrl: "/api/staffroom" });
 * await dir.me();
 */
export { restAuth } from "./auth-client";
export { RestError } from "./http";
export type { HeadersOption, HeaderValues, RestClientOptions, TokenOption } from "./options";
export { type RestDirectory, restDirectory } from "./rest-directory";
