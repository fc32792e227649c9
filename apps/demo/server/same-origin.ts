import type { IncomingMessage } from "node:http";

const LOOPBACK_NAMES = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * The `Host` header values the server answers: when it listens on a loopback address, only loopback
 * names with its port, so a web page on another site whose DNS name is rebound to 127.0.0.1 cannot
 * read the outbox (mailed tokens) or drive the API. Listening elsewhere (`--host 0.0.0.0`) accepts
 * any host: the person chose to expose the demo.
 *
 * @example allowedHosts("127.0.0.1", 5180)?.has("localhost:5180") // true
 */
export function allowedHosts(host: string, port: number): ReadonlySet<string> | null {
  const bare = host.startsWith("[") ? host : host.includes(":") ? `[${host}]` : host;
  if (!LOOPBACK_NAMES.has(bare) && !bare.startsWith("127.")) return null;
  return new Set([...LOOPBACK_NAMES, bare].map((name) => `${name}:${port}`));
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
