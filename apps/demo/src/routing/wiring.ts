/** The two ways the app reaches its directory: core in the page, or `@staffroom/rest` over HTTP. */
export type Wiring = "browser" | "rest";

/** The query parameter that names the wiring. @example new URLSearchParams(search).get(WIRING_PARAM) */
export const WIRING_PARAM = "wiring";

/**
 * The wiring a URL asks for: `?wiring=browser` or `?wiring=rest`; anything else is REST.
 *
 * Default: "rest".
 * @example wiringOf("?wiring=browser") // "browser"
 */
export function wiringOf(search: string): Wiring {
  return new URLSearchParams(search).get(WIRING_PARAM) === "browser" ? "browser" : "rest";
}

/**
 * The wiring this page was loaded with. It never changes while the page lives: choosing the other
 * one in the top bar loads the app again.
 *
 * @example if (PAGE_WIRING === "browser") showSeedProgress();
 */
export const PAGE_WIRING: Wiring = wiringOf(window.location.search);

/**
 * A path of this app with the wiring parameter set, so every in-app link keeps the wiring.
 *
 * Default wiring: the page's.
 * @example withWiring("/settings/users") // "/settings/users?wiring=rest"
 * @example withWiring("/accept-invitation?token=abc", "browser") // "/accept-invitation?token=abc&wiring=browser"
 */
export function withWiring(path: string, wiring: Wiring = PAGE_WIRING): string {
  const url = new URL(path, "http://app.invalid");
  url.searchParams.set(WIRING_PARAM, wiring);
  return `${url.pathname}${url.search}${url.hash}`;
}
