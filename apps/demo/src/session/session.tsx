import type { SessionView, SignInResult, StaffDirectory } from "@staffroom/core";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { DemoBackend, HeldSession, SessionProblem } from "../backend/backend";
import { sessionProblemOf } from "../backend/session-directory";

/** Where the page stands with its session. */
export type SessionState =
  /** Looking for a session the page already has (REST: the cookie). */
  | { readonly status: "resuming" }
  | { readonly status: "signed-out"; readonly notice: string | null }
  /** Signed in with a password an administrator set: nothing but the change is allowed (W5, W13). */
  | {
      readonly status: "must-change";
      readonly held: HeldSession;
      /** The temporary password just typed to sign in, so the change does not ask for it again. */
      readonly temporaryPassword?: string;
    }
  /** A session is being opened (the directory's first `me()`). */
  | { readonly status: "opening"; readonly held: HeldSession }
  | { readonly status: "signed-in"; readonly held: HeldSession; readonly directory: StaffDirectory };

/** The session and what changes it. */
export interface SessionApi {
  readonly state: SessionState;
  /** A new session from sign-in or an organization switch: opens its directory (or asks for a new password). */
  accept(result: SignInResult | HeldSession, forced?: { readonly temporaryPassword?: string }): Promise<void>;
  /** The signed-in person changed their password (the forced change too). */
  passwordChanged(session: SessionView): Promise<void>;
  /** Ends the session on the backend and in the page. */
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

const NOTICES: Readonly<Record<SessionProblem | "unavailable", string>> = {
  ended: "Your session ended. Sign in again to continue.",
  must_change_password: "Choose a new password to continue.",
  unavailable: "The directory could not be opened. Try signing in again.",
};

/**
 * Holds the page's session over a {@link DemoBackend}: resumes one the page already has, opens the
 * directory of a new one, and drops it when a call reports it gone (idle timeout, disabled, signed
 * out elsewhere) — the same on both wirings.
 *
 * @example <SessionProvider backend={backend}><Shell /></SessionProvider>
 */
export function SessionProvider({
  backend,
  children,
}: {
  readonly backend: DemoBackend;
  readonly children: ReactNode;
}): ReactNode {
  const [state, setState] = useState<SessionState>({ status: "resuming" });
  // The newest session wins: an older `accept` still opening must not overwrite it.
  const generation = useRef(0);

  const open = useCallback(
    async (held: HeldSession, temporaryPassword?: string): Promise<void> => {
      const mine = ++generation.current;
      if (held.session.mustChangePassword) {
        setState({ status: "must-change", held, ...(temporaryPassword ? { temporaryPassword } : {}) });
        return;
      }
      setState({ status: "opening", held });
      const onProblem = (problem: SessionProblem) => {
        if (generation.current !== mine) return;
        generation.current++;
        setState(
          problem === "must_change_password"
            ? { status: "must-change", held }
            : { status: "signed-out", notice: NOTICES[problem] },
        );
      };
      try {
        const directory = await backend.open(held.token, onProblem);
        if (generation.current === mine) setState({ status: "signed-in", held, directory });
      } catch (error) {
        if (generation.current !== mine) return;
        const problem = sessionProblemOf(error);
        if (problem) {
          onProblem(problem);
          return;
        }
        // An outage or a bug: say so on the sign-in page rather than leave the page half-open.
        console.error(error);
        generation.current++;
        setState({ status: "signed-out", notice: NOTICES.unavailable });
      }
    },
    [backend],
  );

  useEffect(() => {
    let live = true;
    backend.resume().then(
      (held) => {
        if (!live) return;
        if (held) void open(held);
        else setState({ status: "signed-out", notice: null });
      },
      () => {
        if (live) setState({ status: "signed-out", notice: null });
      },
    );
    return () => {
      live = false;
    };
  }, [backend, open]);

  const api = useMemo<SessionApi>(
    () => ({
      state,
      accept: (result, forced) =>
        open({ token: result.token, session: result.session }, forced?.temporaryPassword),
      passwordChanged: async (session) => {
        if (state.status !== "must-change" && state.status !== "signed-in") return;
        const held = { token: state.held.token, session };
        if (state.status === "signed-in") {
          setState({ ...state, held });
          return;
        }
        await open(held);
      },
      signOut: async () => {
        const token = "held" in state ? state.held.token : null;
        generation.current++;
        setState({ status: "signed-out", notice: null });
        // Ending the session is best effort: the page forgets it either way.
        // "" is a session too (the REST wiring's cookie); only null means none was held.
        if (token !== null) await backend.auth.signOut(token).catch(() => undefined);
      },
    }),
    [state, open, backend],
  );
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

/**
 * The page's session. Throws outside {@link SessionProvider}.
 *
 * @example const { state, signOut } = useSession();
 */
export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession must be used inside <SessionProvider>.");
  return value;
}
