import { DirectoryError } from "@staffroom/core";
import { restDirectory } from "@staffroom/rest/client";
import type { OutboxMessage } from "../seed/outbox";
import type { DemoBackend } from "./backend";
import { sessionDirectory } from "./session-directory";

/** Where the demo server mounts `@staffroom/rest`. */
const API = "/api";

/**
 * Reads the demo server's outbox (`GET /demo/outbox`).
 *
 * @example const messages = await fetchOutbox(); messages[0]?.subject
 */
export async function fetchOutbox(): Promise<readonly OutboxMessage[]> {
  const response = await fetch("/demo/outbox", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`The outbox answered HTTP ${response.status}.`);
  const body = (await response.json()) as { messages?: readonly OutboxMessage[] };
  return body.messages ?? [];
}

/**
 * The REST wiring: `restDirectory({ baseUrl: "/api" })` against the demo server, with the session
 * in the HttpOnly cookie sign-in sets. A fresh client per session, so no actor, organization or
 * version it learnt crosses a sign-out or an organization switch.
 *
 * @example const backend = restBackend(); await backend.auth.signIn({ email, password });
 */
export function restBackend(): DemoBackend {
  // Cookie sessions: the token lives in an HttpOnly cookie; the page holds "" and restAuth sends the cookie.
  const auth = restDirectory({ baseUrl: API }).auth;
  return {
    wiring: "rest",
    auth,
    async resume() {
      try {
        return { token: "", session: await auth.session("") };
      } catch (error) {
        if (DirectoryError.is(error)) return null;
        throw error;
      }
    },
    async open(_token, onProblem) {
      const directory = restDirectory({ baseUrl: API });
      const guarded = sessionDirectory(directory, async () => directory, onProblem);
      await guarded.me();
      return guarded;
    },
    outbox: fetchOutbox,
  };
}
