import type { IncomingMessage } from "node:http";

/**
 * The loopback names a browser on this machine reaches the server by, for the address it listens
 * on: 127.0.0.1 → `127.0.0.1` and `localhost`; ::1 → `[::1]` and `localhost`; another 127.x address
 * → itself; a wildcard (0.0.0.0, ::) → the loopback names of its families. None for any other
 * address. Never a name that could resolve elsewhere: `localhost` is loopback in every browser.
 *
 * @example loopbackNames("127.0.0.1") // ["127.0.0.1", "localhost"]
 */
export function loopbackNames(address: string): readonly string[] {
  const bare = address.replace(/^\[|\]$/g, "");
  if (bare === "127.0.0.1" || bare === "0.0.0.0") return ["127.0.0.1", "localhost"];
  if (bare === "::1") return ["[::1]", "localhost"];
  if (bare === "::") return ["127.0.0.1", "localhost", "[::1]"];
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare)) return [bare];
  return [];
}

const WILDCARDS = new Set(["0.0.0.0", "::", "[::]"]);

/**
 * The `Host` header values the server answers: when it listens on a loopback address, only its
 * loopback names with its port, so a web page on another site whose DNS name is rebound to
 * 127.0.0.1 cannot read the outbox (mailed tokens) or drive the API. Listening elsewhere (`--host
 * 0.0.0.0`) accepts any host: the person chose to expose the demo.
 *
 * @example allowedHosts("127.0.0.1", 5180)?.has("localhost:5180") // true
 */
export function allowedHosts(address: string, port: number): ReadonlySet<string> | null {
  const names = loopbackNames(address);
  if (WILDCARDS.has(address) || names.length === 0) return null;
  return new Set(names.map((name) => `${name}:${port}`));
}

/**
 * The origins of the demo's own pages: `http://` and each loopback name with the port it listens
 * on. The REST handler takes the one it prints as its own origin and the others as aliases, so the
 * demo opened at `http://localhost:5180` signs in like `http://127.0.0.1:5180` does; another port, a
 * name it does not listen on or any other site stays cross-site.
 *
 * @example loopbackOrigins("127.0.0.1", 5180) // ["http://127.0.0.1:5180", "http://localhost:5180"]
 */
export function loopbackOrigins(address: string, port: number): readonly string[] {
  return loopbackNames(address).map((name) => `http://${name}:${port}`);
}

/**
 * True when an unsafe request comes from the demo's own pages or from no browser at all: a browser
 * sends `Origin` (and `Sec-Fetch-Site`) with every cross-site POST, so a page elsewhere cannot reset
 * the demo. Scripts and tests without `Origin` pass (they carry no ambient credential).
 *
 * @example isSameOrigin(req) // false for a form posted from https://evil.example
 */
export function isSameOrigin(req: IncomingMessage): boolean {
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
