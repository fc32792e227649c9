import { DirectoryError } from "@staffroom/core";
import { formatEtag } from "../shared/etag";
import {
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  type ProblemDocument,
  problemFromError,
} from "../shared/problem";
import { toJson } from "./json";
import { RestProblem } from "./rest-problem";
import type { RouteResult } from "./route";

/** A response before the common headers go on. @example { status: 200, body: "{…}", contentType: "application/json; charset=utf-8", headers: { ETag: "\"3\"" }, cookies: [], cacheable: false } */
export interface Reply {
  readonly status: number;
  readonly body: string | null;
  readonly contentType: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly cookies: readonly string[];
  readonly cacheable: boolean;
}

/** The reply of a route's result. @example replyOf({ status: 200, body: user, etag: 3 }) */
export function replyOf(result: RouteResult): Reply {
  const hasBody = result.status !== 204;
  return {
    status: result.status,
    body: hasBody ? (result.text?.body ?? toJson(result.body)) : null,
    contentType: hasBody ? (result.text?.contentType ?? "application/json; charset=utf-8") : null,
    headers: {
      ...(result.etag !== undefined ? { ETag: formatEtag(result.etag) } : {}),
      ...result.headers,
    },
    cookies: result.cookies ?? [],
    cacheable: result.cacheable ?? false,
  };
}

/** A problem reply. @example problemReply(problemFromError(error)) */
export function problemReply(problem: ProblemDocument, headers: Record<string, string> = {}): Reply {
  return {
    status: problem.status,
    body: JSON.stringify(problem),
    contentType: PROBLEM_CONTENT_TYPE,
    headers,
    cookies: [],
    cacheable: false,
  };
}

/** The 500 answer: nothing about the failure is disclosed; the request id ties it to the log line. @example problemReply(INTERNAL_PROBLEM).status // 500 */
export const INTERNAL_PROBLEM: ProblemDocument = {
  type: `${PROBLEM_TYPE_BASE}internal`,
  title: "Internal error",
  status: 500,
  detail: "Something went wrong on the server. Quote the request id when you report it.",
};

/** Headers a refusal carries: the auth challenge of a 401, the wait of a 429 (RFC 9110 `Retry-After`). */
function refusalHeaders(error: DirectoryError): Record<string, string> {
  if (error.code === "unauthenticated") return { "WWW-Authenticate": 'Bearer realm="staffroom"' };
  const wait = error.details.retryAfterSeconds;
  if (error.code === "rate_limited" && typeof wait === "number" && Number.isSafeInteger(wait) && wait >= 0) {
    return { "Retry-After": String(wait) };
  }
  return {};
}

/**
 * The reply of an expected refusal (DirectoryError or transport problem), or null for anything else.
 *
 * @example refusalReply(fail.stale())?.status // 412
 * @example refusalReply(fail.rateLimited(undefined, 61_000))?.headers // { "Retry-After": "62" }
 */
export function refusalReply(error: unknown): Reply | null {
  if (error instanceof DirectoryError) return problemReply(problemFromError(error), refusalHeaders(error));
  if (error instanceof RestProblem) return problemReply(error.toProblem(), { ...error.headers });
  return null;
}
