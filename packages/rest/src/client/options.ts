/** Headers as a record, pairs or a `Headers` object. @example { "X-Tenant": "harbor" } */
export type HeaderValues =
  | Readonly<Record<string, string>>
  | readonly (readonly [string, string])[]
  | Headers;

/** A header set, or a function giving one per request (for example a CSRF token or tracing headers). @example () => ({ "X-Tenant": currentTenant() }) */
export type HeadersOption = HeaderValues | (() => HeaderValues | Promise<HeaderValues>);

/** A bearer token, or a function giving the current one. @example () => sessionStorage.getItem("staffroom-token") */
export type TokenOption = string | (() => string | null | undefined | Promise<string | null | undefined>);

/**
 * Options of `restDirectory` and `restAuth`.
 *
 * @example
 * // A browser on the vendor's own origin: the HttpOnly session cookie does the work.
 * restDirectory({ baseUrl: "/api/staffroom" })
 * // A server or a test: bearer tokens.
 * restDirectory({ baseUrl: "http://127.0.0.1:3000/api/staffroom", organizationId, token, session: "bearer" })
 */
export interface RestClientOptions {
  /** Where the handler is mounted, base path included: `https://ehr.example/api/staffroom` or `/api/staffroom`. */
  readonly baseUrl: string;
  /**
   * The organization to act in. Default: the one the request authenticates in, learnt from `GET /me`
   * before the first organization-scoped call (`organizationId` is "" until then).
   */
  readonly organizationId?: string;
  /** The fetch to use. Default `globalThis.fetch`. */
  readonly fetch?: typeof fetch;
  /** `fetch` credentials. Default `same-origin`; `include` for a cross-origin API with cookies. */
  readonly credentials?: "omit" | "same-origin" | "include";
  /** Extra headers on every request. */
  readonly headers?: HeadersOption;
  /** A bearer token for directory calls (instead of the cookie). */
  readonly token?: TokenOption;
  /**
   * How `auth.signIn` and `auth.switchOrganization` hand the session back: `cookie` (HttpOnly, the
   * result's `token` is "") or `bearer` (the token in the result). Default `cookie`.
   */
  readonly session?: "cookie" | "bearer";
  /**
   * Checks every successful response before the client returns it, with the route's OpenAPI
   * `operationId` (`users.list` …) and the parsed body (undefined for 204); throw to refuse it. For
   * tests and development: the worlds of `@staffroom/rest/testing` pass `checkResponses`, which
   * parses each body with the core schema its route documents, so every call over REST also proves
   * the wire. Default: none (the server is the trust boundary).
   */
  readonly checkResponse?: (operationId: string, body: unknown) => void;
}
