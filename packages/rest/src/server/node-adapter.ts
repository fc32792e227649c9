import { rememberAddress } from "./client-address";
import type { RestHandler } from "./handler";
import { knownResponse } from "./known-response";
import { type NodeBody, type NodeBodySource, nodeBody } from "./node-body";

/**
 * The parts of Node's `http.IncomingMessage` the adapter uses (Express's request is one too). Typed
 * structurally so this module imports nothing from Node and the server entry stays runtime-neutral.
 *
 * @example createServer(toNodeListener(handler)) // req is an http.IncomingMessage
 */
export interface NodeRequestLike extends NodeBodySource {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  /** Express keeps the full path here when mounted under a prefix. */
  readonly originalUrl?: string | undefined;
  readonly rawHeaders: readonly string[];
  readonly socket: { readonly remoteAddress?: string | undefined; readonly encrypted?: boolean | undefined };
  /** Set by body-parsing middleware that already read the stream. */
  readonly body?: unknown;
  destroy(): void;
}

/** The parts of Node's `http.ServerResponse` the adapter uses. @example createServer(toNodeListener(handler)) // res is an http.ServerResponse */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string | readonly string[]): unknown;
  writeHead(status: number, headers: string[]): unknown;
  write(chunk: Uint8Array | string): unknown;
  end(chunk?: Uint8Array | string): unknown;
  readonly headersSent?: boolean;
}

/**
 * Options of {@link toNodeListener}.
 *
 * @example { protocol: "https", drainBytes: 16 * 1024 * 1024, drainMs: 10_000 }
 */
export interface NodeListenerOptions {
  /** The scheme of the request URL when the socket does not say (TLS terminated before Node). Default from the socket. */
  readonly protocol?: "http" | "https";
  /**
   * How much of a body still arriving after the answer (a 413, or a 401 before reading) is read and
   * dropped so the client can read that answer; past it the connection is cut. Default 16 MiB.
   */
  readonly drainBytes?: number;
  /** How long that may take, in milliseconds. Default 10 000. */
  readonly drainMs?: number;
}

const NO_BODY = new Set(["GET", "HEAD"]);

function headersOf(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? "";
    if (name.startsWith(":")) continue;
    headers.append(name, raw[i + 1] ?? "");
  }
  return headers;
}

const encoder = new TextEncoder();

function bodyOf(req: NodeRequestLike, headers: Headers): NodeBody | string | null {
  if (req.readableEnded && req.body !== undefined) {
    // Middleware (express.json) read the stream already: hand its result on as JSON.
    return typeof req.body === "string" ? req.body : JSON.stringify(req.body);
  }
  if (!headers.has("content-length") && !headers.has("transfer-encoding")) return null;
  return nodeBody(req);
}

function requestOf(
  req: NodeRequestLike,
  options: NodeListenerOptions,
): { request: Request; body: NodeBody | null } {
  const headers = headersOf(req.rawHeaders);
  const protocol = options.protocol ?? (req.socket.encrypted ? "https" : "http");
  const host = headers.get("host") ?? "localhost";
  const url = new URL(req.originalUrl ?? req.url ?? "/", `${protocol}://${host}`);
  const method = (req.method ?? "GET").toUpperCase();
  const body = NO_BODY.has(method) ? null : bodyOf(req, headers);
  const init: RequestInit & { duplex?: "half" } = { method, headers };
  if (typeof body === "string") init.body = body;
  else if (body) {
    init.body = body.stream;
    init.duplex = "half";
  }
  return { request: new Request(url, init), body: typeof body === "string" ? null : body };
}

/** An answer ready for the socket: status, header list (name, value, name, value…) and body. */
interface Answer {
  readonly status: number;
  readonly headers: string[];
  readonly body: Uint8Array | string | null;
}

async function answerOf(response: Response): Promise<Answer> {
  const known = knownResponse(response);
  if (known) return { status: known.status, headers: known.headers.flat(), body: known.text };
  const headers: string[] = [];
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") headers.push(name, value);
  }
  for (const cookie of response.headers.getSetCookie()) headers.push("set-cookie", cookie);
  const body = response.body ? new Uint8Array(await response.arrayBuffer()) : null;
  if (body) headers.push("content-length", String(body.byteLength));
  return { status: response.status, headers, body };
}

const BAD_REQUEST: Answer = {
  status: 400,
  headers: [
    "content-type",
    "application/problem+json",
    "x-content-type-options",
    "nosniff",
    "cache-control",
    "no-store",
    "connection",
    "close",
  ],
  body: JSON.stringify({
    type: "https://staffroom.dev/problems/bad_request",
    title: "Bad request",
    status: 400,
    detail: "The request line or headers are malformed.",
    code: "validation",
  }),
};

/** Framing headers the adapter sets itself when it closes the connection. */
const FRAMING = new Set(["connection", "content-length", "transfer-encoding", "keep-alive"]);

interface DrainLimits {
  readonly bytes: number;
  readonly ms: number;
}

/**
 * Writes the answer. A body the handler left unread is the delicate case: closing a socket with
 * unread data makes the kernel reset the connection, and the reset can wipe the answer before the
 * client reads it. So when part of the body is still on its way, the answer goes out at once with
 * `Connection: close` and a `Content-Length`, the rest of the body is read and dropped (up to the
 * limits), and only then does the response end and the connection close — in the same order a client
 * expects (RFC 9112 §9.6). A body that had fully arrived is read from memory and the connection stays.
 */
async function deliver(
  req: NodeRequestLike,
  res: NodeResponseLike,
  body: NodeBody | null,
  answer: Answer,
  limits: DrainLimits,
): Promise<void> {
  // Node marks a request complete only once its parser has run over the whole buffer it read, and
  // a handler that answers without reading can be done before that: let the parser finish first.
  if (body && !body.ended && req.complete === false) await nextTask();
  if (!body || body.ended || req.complete !== false) {
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body ?? undefined);
    // Whatever the handler left of a body that had fully arrived: off the socket, so the next request
    // on this connection can be read.
    if (body && !body.ended) await body.discard(Number.POSITIVE_INFINITY, limits.ms);
    return;
  }
  const bytes = typeof answer.body === "string" ? encoder.encode(answer.body) : answer.body;
  const headers: string[] = [];
  for (let i = 0; i + 1 < answer.headers.length; i += 2) {
    const name = answer.headers[i] ?? "";
    if (!FRAMING.has(name.toLowerCase())) headers.push(name, answer.headers[i + 1] ?? "");
  }
  headers.push("Connection", "close", "Content-Length", String(bytes?.byteLength ?? 0));
  res.writeHead(answer.status, headers);
  if (bytes) res.write(bytes);
  const ended = await body.discard(limits.bytes, limits.ms);
  res.end();
  // Past the limits: cut the connection (the answer went out long before).
  if (!ended) req.destroy();
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function limitsOf(options: NodeListenerOptions): DrainLimits {
  const bytes = options.drainBytes ?? 16 * 1024 * 1024;
  const ms = options.drainMs ?? 10_000;
  if (!Number.isInteger(bytes) || bytes < 0) throw new TypeError("drainBytes must be a whole number ≥ 0");
  if (!Number.isFinite(ms) || ms < 0) throw new TypeError("drainMs must be ≥ 0");
  return { bytes, ms };
}

/**
 * Mounts a fetch handler on Node's `http.createServer` (or Express, Connect, Fastify's raw handler):
 * turns the Node request into a Web `Request`, records the socket address for the audit trail
 * (never from a header unless the handler has `trustProxy`), and writes the `Response` back. An
 * answer given before the body was read (413, or 401 before reading) goes out with `Connection:
 * close`; the rest of the body is then read and dropped (up to `drainBytes` and `drainMs`) before the
 * connection closes, so every client reads the answer instead of a connection reset.
 *
 * @example
 * import { createServer } from "node:http";
 * createServer(toNodeListener(handler)).listen(3000, "127.0.0.1");
 * // Express, before any body parser:
 * app.use("/api/staffroom", toNodeListener(handler));
 */
export function toNodeListener(
  handler: RestHandler,
  options: NodeListenerOptions = {},
): (req: NodeRequestLike, res: NodeResponseLike) => void {
  const limits = limitsOf(options);
  return (req, res) => {
    let parsed: { request: Request; body: NodeBody | null };
    try {
      parsed = requestOf(req, options);
    } catch {
      void deliver(req, res, req.readableEnded ? null : nodeBody(req), BAD_REQUEST, limits).catch(() =>
        req.destroy(),
      );
      return;
    }
    const { request, body } = parsed;
    rememberAddress(request, req.socket.remoteAddress);
    handler(request)
      .then(answerOf)
      .catch(() => BAD_REQUEST)
      .then((answer) => deliver(req, res, body, answer, limits))
      .catch(() => req.destroy());
  };
}
