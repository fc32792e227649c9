import type { ActorView } from "@staffroom/core";
import { DirectoryError, ID_PATTERN } from "@staffroom/core";
import { createHttp, type Http, type HttpRequest } from "./http";
import type { RestClientOptions } from "./options";

/**
 * Reads a response body as the type the route documents (the server is the trust boundary; the
 * test worlds check every body against core's schema with `checkResponse`).
 *
 * @example const page = as<Page<User>>(await w.send({ operation: "users.list", method: "GET", path }));
 */
export const as = <T>(body: unknown): T => body as T;

/**
 * A path segment for an id; anything not shaped like an id names nothing (as core's `checkId`), and
 * never reaches a URL where `..` could climb out of the resource.
 *
 * @example `/users/${idSegment(id)}` // rejects "../roles" with not_found
 */
export function idSegment(id: unknown): string {
  if (typeof id !== "string" || !ID_PATTERN.test(id)) {
    throw new DirectoryError({ code: "not_found", message: "Not found." });
  }
  return id;
}

/**
 * The version a write names (R12), as the caller gave it: the client never reads one for it. An
 * absent one leaves `If-Match` out and the server answers `precondition_required` (428), exactly as a
 * local directory does.
 *
 * @example await w.send({ operation: "users.disable", method: "POST", path, ifMatch: versionOf(options) });
 */
export const versionOf = (options: unknown): unknown =>
  typeof options === "object" && options !== null ? (options as { version?: unknown }).version : undefined;

/**
 * What the resource APIs of the client share: the transport and the organization path.
 *
 * @example const user = as<User>(await w.send({ operation: "users.get", method: "GET", path: await w.orgPath(`/users/${id}`) }));
 */
export interface Wire {
  readonly http: Http;
  readonly orgPath: (suffix?: string) => Promise<string>;
  send(request: HttpRequest): Promise<unknown>;
}

/** The organization the client acts in, given or learnt. @example w.learn(me); w.organizationId() */
export interface WireState {
  organizationId(): string;
  /** Adopts the organization a `me` answer names, when none was given or learnt yet. */
  learn(me: ActorView<string>): void;
  /** Forgets a learnt organization (after sign-in, sign-out or a switch); a given one stays. */
  unlearn(): void;
}

/**
 * Builds the shared transport of one client.
 *
 * @example const w = wire(options); const users = usersApi(w, state);
 */
export function wire(options: RestClientOptions): Wire & WireState {
  const http = createHttp(options);
  let organizationId = options.organizationId ?? "";
  let learning: Promise<void> | null = null;
  const send = async (request: HttpRequest) => (await http.send(request)).body;
  return {
    http,
    send,
    organizationId: () => organizationId,
    unlearn() {
      organizationId = options.organizationId ?? "";
    },
    learn(me) {
      organizationId ||= me.user.organizationId;
    },
    async orgPath(suffix = "") {
      if (!organizationId) {
        // Concurrent first calls share one `GET /me`. It only learns the organization: the snapshot
        // `can()` and `actions()` answer from is the caller's own `me()`, never a side effect.
        learning ??= send({ operation: "me.current", method: "GET", path: "/me" })
          .then((body) => {
            organizationId ||= as<ActorView<string>>(body).user.organizationId;
          })
          .finally(() => {
            learning = null;
          });
        await learning;
      }
      return `/organizations/${organizationId}${suffix}`;
    },
  };
}
