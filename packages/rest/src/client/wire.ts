import type { ActorView } from "@staffroom/core";
import { DirectoryError, ID_PATTERN, type VersionOption } from "@staffroom/core";
import { createHttp, type Http, type HttpRequest } from "./http";
import type { RestClientOptions } from "./options";
import { type VersionCache, type VersionedKind, versionCache } from "./versions";

/**
 * Reads a response body as the type the route documents (the server is the trust boundary).
 *
 * @example const page = as<Page<User>>(await w.send({ method: "GET", path }));
 */
export const as = <T>(body: unknown): T => body as T;

/** A version core would accept (R12). @example isWholeNumber(options?.version) ? options.version : undefined */
export const isWholeNumber = (v: unknown): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= 0;

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
 * What the resource APIs of the client share: the transport, the version cache and the organization path.
 *
 * @example const user = await w.sendSeen<User>("user", { method: "GET", path: await w.orgPath(`/users/${id}`) });
 */
export interface Wire {
  readonly http: Http;
  readonly versions: VersionCache;
  readonly orgPath: (suffix?: string) => Promise<string>;
  send(request: HttpRequest): Promise<unknown>;
  /** Sends and remembers the version of the returned resource. */
  sendSeen<T>(kind: VersionedKind, request: HttpRequest): Promise<T>;
  /**
   * A write on a versioned resource whose core signature makes the version optional: the caller's
   * version, else the last one seen, else a fresh read; a stale remembered version is re-read once
   * (the caller asked for no check, so the write behaves as locally).
   */
  conditional<T>(
    kind: VersionedKind,
    id: string,
    options: Partial<VersionOption> | undefined,
    read: () => Promise<unknown>,
    write: (version: unknown) => Promise<T>,
  ): Promise<T>;
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
  const versions = versionCache(options.versionCacheSize ?? 2000);
  let organizationId = options.organizationId ?? "";
  let learning: Promise<void> | null = null;
  const send = async (request: HttpRequest) => (await http.send(request)).body;
  const sendSeen = async <T>(kind: VersionedKind, request: HttpRequest): Promise<T> => {
    const body = await send(request);
    versions.see(kind, body);
    return as<T>(body);
  };
  return {
    http,
    versions,
    send,
    sendSeen,
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
        learning ??= send({ method: "GET", path: "/me" })
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
    async conditional(kind, id, given, read, write) {
      if (given?.version !== undefined) return write(given.version);
      const remembered = versions.get(kind, id);
      const fresh = async () => {
        const item = await read();
        versions.see(kind, item);
        return as<{ version: number }>(item).version;
      };
      try {
        return await write(remembered ?? (await fresh()));
      } catch (error) {
        if (remembered === undefined || !DirectoryError.is(error, "stale")) throw error;
        return write(await fresh());
      }
    },
  };
}
