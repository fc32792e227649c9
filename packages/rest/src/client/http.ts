import {
  DEFAULT_MESSAGES,
  DirectoryError,
  fail,
  type RequestMetadata,
  textIssue,
  textProblem,
} from "@staffroom/core";
import { formatEtag } from "../shared/etag";
import { errorFromProblem } from "../shared/problem";
import { REQUEST_ID_HEADER } from "../shared/wire";
import type { HeadersOption, RestClientOptions, TokenOption } from "./options";

/**
 * An unexpected answer (a 5xx, a proxy's HTML error page, an unreadable body). Expected failures
 * are always `DirectoryError`s; this is the "bug" side of DESIGN §5.
 *
 * @example if (error instanceof RestError && error.status >= 500) retryLater();
 */
export class RestError extends Error {
  override readonly name = "RestError";
  readonly status: number;
  readonly requestId: string | null;

  constructor(status: number, message: string, requestId: string | null) {
    super(message);
    this.status = status;
    this.requestId = requestId;
  }
}

/** One request. @example { operation: "users.update", method: "PATCH", path: "/organizations/org_…/users/usr_…", body: { profile: { title: "RN" } }, ifMatch: 3 } */
export interface HttpRequest {
  /** The route's OpenAPI `operationId` (`users.list` …): what `checkResponse` checks the answer against. */
  readonly operation: string;
  readonly method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Path relative to the base URL, already encoded. */
  readonly path: string;
  readonly query?: Readonly<Record<string, unknown>> | undefined;
  readonly body?: unknown;
  /**
   * The version the caller read (R12), sent as `If-Match` exactly as given: nothing when undefined
   * (the server answers 428), a weak tag the server refuses as malformed when not a whole number.
   */
  readonly ifMatch?: unknown;
  /** A session token for this request (auth calls); "" means the cookie. */
  readonly token?: string | undefined;
  /** Request metadata a server-side caller relays (user agent, forwarded ip, request id). */
  readonly metadata?: RequestMetadata | undefined;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A successful response. @example { status: 200, body: { id: "usr_…", … }, etag: "\"3\"" } */
export interface HttpResponse {
  readonly status: number;
  readonly body: unknown;
  readonly etag: string | null;
}

/** Sends requests to one handler. @example const { body } = await http.send({ method: "GET", path: "/me" }) */
export interface Http {
  send(request: HttpRequest): Promise<HttpResponse>;
}

/** Header-safe token text: visible ASCII without separators. */
const TOKEN_TEXT = /^[\x21-\x7e]{1,1024}$/;

/**
 * A URL carries UTF-8, which has no unpaired surrogate: URLSearchParams would send U+FFFD instead
 * and the server would answer for another value. The client refuses it as core would, on its field.
 */
function checkQueryValue(key: string, value: string): void {
  if (textProblem(value) !== "unpaired_surrogate") return;
  const issue = textIssue([key], value);
  if (issue) throw fail.validation([issue]);
}

function queryString(query: Readonly<Record<string, unknown>> | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const text = typeof value === "object" ? JSON.stringify(value) : String(value);
    checkQueryValue(key, text);
    params.append(key, text);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** A value that is not a version goes out as a weak tag, which `If-Match` never accepts (400 on `version`). */
function ifMatchHeader(value: unknown): string {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? formatEtag(value) : 'W/"0"';
}

async function resolveHeaders(option: HeadersOption | undefined): Promise<Headers> {
  const headers = new Headers();
  if (!option) return headers;
  const values = typeof option === "function" ? await option() : option;
  if (values instanceof Headers) {
    values.forEach((value, name) => {
      headers.append(name, value);
    });
  } else if (Array.isArray(values)) {
    for (const [name, value] of values as readonly (readonly [string, string])[]) headers.append(name, value);
  } else {
    for (const [name, value] of Object.entries(values)) headers.append(name, value);
  }
  return headers;
}

async function resolveToken(option: TokenOption | undefined): Promise<string | null> {
  if (option === undefined) return null;
  const value = typeof option === "function" ? await option() : option;
  return value || null;
}

function metadataHeaders(headers: Headers, metadata: RequestMetadata | undefined): void {
  if (!metadata) return;
  if (metadata.userAgent) headers.set("User-Agent", metadata.userAgent);
  if (metadata.ip) headers.set("X-Forwarded-For", metadata.ip);
  if (metadata.requestId) headers.set(REQUEST_ID_HEADER, metadata.requestId);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  return JSON.parse(text) as unknown;
}

/**
 * A 429 that carries no Staffroom problem (a gateway's own rate limit): the same `rate_limited`
 * error a Staffroom limit gives, with its `Retry-After` seconds when it sends them as a number.
 */
function throttledBy(response: Response): DirectoryError {
  const header = response.headers.get("retry-after")?.trim() ?? "";
  const seconds = /^\d{1,9}$/.test(header) ? Number(header) : null;
  return new DirectoryError({
    code: "rate_limited",
    message: DEFAULT_MESSAGES.rate_limited,
    ...(seconds !== null ? { details: { retryAfterSeconds: seconds } } : {}),
  });
}

/**
 * The transport of the client: builds URLs and headers, sends JSON, and turns problem documents back
 * into the `DirectoryError` the server threw (same code, rule, issues, message, details).
 *
 * @example const http = createHttp({ baseUrl: "/api/staffroom" }); await http.send({ method: "GET", path: "/me" });
 */
export function createHttp(options: RestClientOptions): Http {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  return {
    async send(request) {
      const headers = await resolveHeaders(options.headers);
      headers.set("Accept", "application/json");
      for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
      metadataHeaders(headers, request.metadata);
      const token = request.token !== undefined ? request.token || null : await resolveToken(options.token);
      if (token !== null) {
        if (!TOKEN_TEXT.test(token)) throw fail.unauthenticated();
        headers.set("Authorization", `Bearer ${token}`);
      }
      if (request.ifMatch !== undefined) headers.set("If-Match", ifMatchHeader(request.ifMatch));
      let body: string | undefined;
      if (request.body !== undefined) {
        headers.set("Content-Type", "application/json");
        body = JSON.stringify(request.body);
      }
      const response = await doFetch(`${base}${request.path}${queryString(request.query)}`, {
        method: request.method,
        headers,
        credentials: options.credentials ?? "same-origin",
        ...(body !== undefined ? { body } : {}),
      });
      const requestId = response.headers.get(REQUEST_ID_HEADER);
      let parsed: unknown;
      try {
        parsed = await readJson(response);
      } catch {
        if (response.status === 429) throw throttledBy(response);
        throw new RestError(response.status, `Unreadable response (HTTP ${response.status}).`, requestId);
      }
      if (!response.ok) {
        const error = errorFromProblem(parsed);
        if (error && response.status < 500) throw error;
        if (response.status === 429) throw throttledBy(response);
        throw new RestError(response.status, `The server answered HTTP ${response.status}.`, requestId);
      }
      options.checkResponse?.(request.operation, parsed);
      return { status: response.status, body: parsed, etag: response.headers.get("etag") };
    },
  };
}
