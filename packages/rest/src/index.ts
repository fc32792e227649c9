/**
 * `@staffroom/rest`: what the server and the client share — the problem-document codec, entity tags,
 * header names and the wire schemas. The handler is in `@staffroom/rest/server`, the client in
 * `@staffroom/rest/client`.
 *
 * @example
 * import { errorFromProblem } from "@staffroom/rest";
 * const error = errorFromProblem(await response.json()); // a DirectoryError, or null
 */

export * from "./shared/auth-schemas";
export { formatEtag, type IfMatch, parseIfMatch } from "./shared/etag";
export {
  errorFromProblem,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TITLES,
  PROBLEM_TYPE_BASE,
  type ProblemDocument,
  problemFromError,
} from "./shared/problem";
export { REQUEST_ID_HEADER, SESSION_COOKIE, SESSION_TRANSPORT_HEADER } from "./shared/wire";
export * from "./shared/wire-schemas";
