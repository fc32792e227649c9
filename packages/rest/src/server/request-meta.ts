import { type RequestMetadata, toPlainText } from "@staffroom/core";
import { REQUEST_ID_HEADER, REQUEST_ID_PATTERN } from "../shared/wire";
import { recordedAddress } from "./client-address";
import type { ResolvedOptions } from "./options";

const ADDRESS = /^[0-9A-Fa-f:.]{2,45}$/;

/**
 * The address `hops` trusted proxies vouch for: the `hops`-th entry from the end of
 * `X-Forwarded-For` (the leftmost when the chain is shorter), when it is an address.
 */
function forwardedFor(request: Request, hops: number): string | undefined {
  const header = request.headers.get("x-forwarded-for");
  if (!header) return undefined;
  const chain = header.split(",").map((entry) => entry.trim());
  const entry = chain[Math.max(0, chain.length - hops)];
  return entry && ADDRESS.test(entry) ? entry : undefined;
}

function peerAddress(request: Request, settings: ResolvedOptions): string | undefined {
  if (settings.trustProxy > 0) {
    const forwarded = forwardedFor(request, settings.trustProxy);
    if (forwarded) return forwarded;
  }
  const address = recordedAddress(request) ?? settings.clientAddress?.(request);
  return address?.startsWith("::ffff:") ? address.slice(7) : address;
}

/** A random prefix per handler process: ids stay unique across instances without a UUID per request. */
const PREFIX = crypto.randomUUID().slice(0, 13);
let counter = 0;

/**
 * A request id: the caller's `X-Request-Id` when it is a plain token, else a fresh one (a random
 * per-process prefix and a counter).
 *
 * @example requestIdOf(request) // "6f1c09ab-32d4-1a"
 */
export function requestIdOf(request: Request): string {
  const given = request.headers.get(REQUEST_ID_HEADER);
  if (given && REQUEST_ID_PATTERN.test(given)) return given;
  counter = (counter + 1) % Number.MAX_SAFE_INTEGER;
  return `${PREFIX}-${counter.toString(36)}`;
}

/**
 * The metadata that goes into the actor and every audit event of the request (R18), and whose ip
 * keys per-client throttling: the client ip (the socket's, or with `trustProxy` the
 * `X-Forwarded-For` entry the outermost trusted proxy appended),  the user agent, the request id.
 * Header values may carry bytes 0x80–0xFF (C1 controls once read as Latin-1) and `clientAddress` is
 * the integrator's: both are cleaned with core's `toPlainText`, so core's metadata check (which
 * refuses control characters) never refuses a request for what a browser sent.
 *
 * @example requestMetadata(request, settings, requestId) // { ip: "203.0.113.4", userAgent: "…", requestId: "…" }
 */
export function requestMetadata(
  request: Request,
  settings: ResolvedOptions,
  requestId: string,
): RequestMetadata {
  const ip = peerAddress(request, settings);
  const userAgent = request.headers.get("user-agent");
  return {
    ...(ip ? { ip: toPlainText(ip.slice(0, 64)) } : {}),
    ...(userAgent ? { userAgent: toPlainText(userAgent.slice(0, 512)) } : {}),
    requestId,
  };
}
