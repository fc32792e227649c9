import { rememberAddress } from "./client-address";
import type { RestHandler } from "./handler";
import { knownResponse } from "./known-response";

/**
 * The parts of Node's `http.IncomingMessage` the adapter uses (Express's request is one too). Typed
 * structurally so this module imports nothing from Node and the server entry stays runtime-neutral.
 *
 * @example createServer(toNodeListener(handler)) // req is an http.IncomingMessage
 */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  /** Express keeps the full path here when mounted under a prefix. */
  readonly originalUrl?: string | undefined;
  readonly rawHeaders: readonly string[];
  readonly socket: { readonly remoteAddress?: string | undefined; readonly encrypted?: boolean | undefined };
  readonly complete?: boolean;
  readonly readableEnded?: boolean;
  /** Set by body-parsing middleware that already read the stream. */
  readonly body?: unknown;
  destroy(): void;
}

/** The parts of Node's `http.ServerResponse` the adapter uses. @example createServer(toNodeListener(handler)) // res is an http.ServerResponse */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string | readonly string[]): unknown;
  writeHead(status: number, headers: string[]): unknown;
  end(chunk?: Uint8Array | string): unknown;
  once(event: "finish" | "close", listener: () => void): unknown;
  readonly headersSent?: boolean;
}

/** Options of {@link toNodeListener}. @example { protocol: "https" } */
export interface NodeListenerOptions {
  /** The scheme of the request URL when the socket does not say (TLS terminated before Node). Default from the socket. */
  readonly protocol?: "http" | "https";
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
const chunkBytes = (chunk: Uint8Array | string): Uint8Array =>
  typeof chunk === "string" ? encoder.encode(chunk) : chunk;

function bodyOf(req: NodeRequestLike, headers: Headers): ReadableStream<Uint8Array> | string | null {
  if (req.readableEnded && req.body !== undefined) {
    // Middleware (express.json) read the stream already: hand its result on as JSON.
    return typeof req.body === "string" ? req.body : JSON.stringify(req.body);
  }
  if (!headers.has("content-length") && !headers.has("transfer-encoding")) return null;
  const iterator = req[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(chunkBytes(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

function requestOf(req: NodeRequestLike, options: NodeListenerOptions): Request {
  const headers = headersOf(req.rawHeaders);
  const protocol = options.protocol ?? (req.socket.encrypted ? "https" : "http");
  const host = headers.get("host") ?? "localhost";
  const url = new URL(req.originalUrl ?? req.url ?? "/", `${protocol}://${host}`);
  const method = (req.method ?? "GET").toUpperCase();
  const body = NO_BODY.has(method) ? null : bodyOf(req, headers);
  const init: RequestInit & { duplex?: "half" } = { method, headers, body };
  if (body instanceof ReadableStream) init.duplex = "half";
  return new Request(url, init);
}

async function send(res: NodeResponseLike, response: Response): Promise<void> {
  const known = knownResponse(response);
  if (known) {
    res.writeHead(known.status, known.headers.flat());
    res.end(known.text ?? undefined);
    return;
  }
  res.statusCode = response.status;
  const cookies = response.headers.getSetCookie();
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  if (cookies.length) res.setHeader("set-cookie", cookies);
  res.end(response.body ? new Uint8Array(await response.arrayBuffer()) : undefined);
}

function badRequest(res: NodeResponseLike): void {
  res.statusCode = 400;
  res.setHeader("content-type", "application/problem+json");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("cache-control", "no-store");
  res.setHeader("connection", "close");
  res.end(
    encoder.encode(
      JSON.stringify({
        type: "https://staffroom.dev/problems/bad_request",
        title: "Bad request",
        status: 400,
        detail: "The request line or headers are malformed.",
        code: "validation",
      }),
    ),
  );
}

/**
 * Mounts a fetch handler on Node's `http.createServer` (or Express, Connect, Fastify's raw handler):
 * turns the Node request into a Web `Request`, records the socket address for the audit trail
 * (never from a header unless the handler has `trustProxy`), and writes the `Response` back. A body
 * the handler refused before reading it (413) is not drained: the connection closes.
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
  return (req, res) => {
    let request: Request;
    try {
      request = requestOf(req, options);
    } catch {
      badRequest(res);
      return;
    }
    rememberAddress(request, req.socket.remoteAddress);
    res.once("finish", () => {
      if (req.complete === false) req.destroy();
    });
    handler(request)
      .then((response) => send(res, response))
      .catch(() => {
        if (!res.headersSent) badRequest(res);
        else req.destroy();
      });
  };
}
