import { useMemo, useSyncExternalStore } from "react";
import { withWiring } from "./wiring";

/** Where the app is: the path, its query and the history entry's state. */
export interface AppLocation {
  readonly pathname: string;
  readonly search: URLSearchParams;
  readonly hash: string;
  readonly state: unknown;
}

const CHANGE = "demo:navigate";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

// history.state is part of the snapshot: a redirect may keep the URL and change only the state.
let snapshot = { href: "", state: null as unknown };
function read(): typeof snapshot {
  const href = window.location.href;
  const state: unknown = window.history.state;
  if (href !== snapshot.href || state !== snapshot.state) snapshot = { href, state };
  return snapshot;
}

/**
 * The current location, re-rendering on every in-app navigation and on Back/Forward.
 *
 * @example const { pathname } = useAppLocation();
 */
export function useAppLocation(): AppLocation {
  const { href, state } = useSyncExternalStore(subscribe, read);
  return useMemo(() => {
    const url = new URL(href);
    return { pathname: url.pathname, search: url.searchParams, hash: url.hash, state };
  }, [href, state]);
}

/** Options of {@link navigate}. */
export interface NavigateOptions {
  /** Replace the current history entry (redirects) instead of adding one. Default false. */
  readonly replace?: boolean;
  /** State kept with the entry, e.g. where to go after signing in. Default null. */
  readonly state?: unknown;
}

/**
 * Goes to an in-app path without reloading (the in-browser wiring keeps its state only in this
 * page), keeping the wiring parameter. Scrolls to the top like a page change would.
 *
 * @example navigate("/settings/users");
 * @example navigate("/sign-in", { replace: true, state: { from: "/settings/roles" } });
 */
export function navigate(to: string, options: NavigateOptions = {}): void {
  const target = withWiring(to);
  const state = options.state ?? null;
  if (options.replace) window.history.replaceState(state, "", target);
  else window.history.pushState(state, "", target);
  window.dispatchEvent(new Event(CHANGE));
  if (!options.replace) window.scrollTo(0, 0);
}

/**
 * True for an app path that is safe to return to after signing in: one of ours, never another
 * origin or a protocol-relative `//host` (no open redirect through history state).
 *
 * @example isInAppPath("/settings/roles") // true
 * @example isInAppPath("//evil.example/") // false
 */
export function isInAppPath(value: unknown): value is string {
  return (
    typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.includes("\\")
  );
}
