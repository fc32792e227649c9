import type { DirectoryAuth, SessionView, StaffDirectory } from "@staffroom/core";
import type { Wiring } from "../routing/wiring";
import type { OutboxMessage } from "../seed/outbox";

/** Why a signed-in page lost its session: it ended (idle, signed out elsewhere, disabled), or a new password is required. */
export type SessionProblem = "ended" | "must_change_password";

/** A session the page holds: the token for the account screens and its view. */
export interface HeldSession {
  /** The session token (in-browser), or "" for the HttpOnly cookie (REST). */
  readonly token: string;
  readonly session: SessionView;
}

/**
 * Everything the app needs from a wiring, and all it knows of it: the rest of the app runs the same
 * on both. Built by `loadBackend` from the page's `?wiring=`.
 *
 * @example
 * const backend = await loadBackend("browser", onProgress);
 * const { token } = await backend.auth.signIn({ email, password });
 * const directory = await backend.open(token, (problem) => signOut(problem));
 */
export interface DemoBackend {
  readonly wiring: Wiring;
  /** The account side (sign-in, passwords, invitations, organizations) for the account widgets. */
  readonly auth: DirectoryAuth;
  /** The session this page already has (REST: the cookie's; in-browser: never), or null. */
  resume(): Promise<HeldSession | null>;
  /**
   * The directory of the session behind `token`. Every call is checked against the session first,
   * as the REST handler checks every request; `onProblem` hears when it no longer holds.
   */
  open(token: string, onProblem: (problem: SessionProblem) => void): Promise<StaffDirectory>;
  /** The mail sent so far, newest first. */
  outbox(): Promise<readonly OutboxMessage[]>;
}

/** Progress of the in-browser seed, for the loading screen. */
export type SeedProgress = (done: number, total: number) => void;

/**
 * The backend for a wiring. The in-browser one (core, memory store, seed and word list) loads as a
 * separate chunk, so the REST wiring never downloads it.
 *
 * @example const backend = await loadBackend(PAGE_WIRING, (done, total) => setProgress(done / total));
 */
export async function loadBackend(wiring: Wiring, onProgress: SeedProgress): Promise<DemoBackend> {
  if (wiring === "browser") {
    const { browserBackend } = await import("./browser-backend");
    return browserBackend(onProgress);
  }
  const { restBackend } = await import("./rest-backend");
  return restBackend();
}
