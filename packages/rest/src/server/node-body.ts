/**
 * The parts of Node's `http.IncomingMessage` the body reader uses: its events and flow control.
 * Typed structurally so the adapter imports nothing from Node.
 *
 * @example const body = nodeBody(req); // req is an http.IncomingMessage
 */
export interface NodeBodySource {
  /** True once the whole message (the body too) has arrived, read or not. */
  readonly complete?: boolean;
  /** True once the stream was read to its end (by anyone: a body parser too). */
  readonly readableEnded?: boolean;
  on(event: "data", listener: (chunk: Uint8Array | string) => void): unknown;
  on(event: "end" | "close" | "error", listener: () => void): unknown;
  pause(): unknown;
  resume(): unknown;
}

/**
 * A request body read from Node's stream: the Web stream the handler reads, and afterwards the
 * rest of it read and thrown away. Cancelling the Web stream only pauses Node's: destroying it would
 * destroy the socket before the refusal is written.
 *
 * @example
 * const body = nodeBody(req);
 * new Request(url, { method: "POST", body: body.stream, duplex: "half" });
 * // …after the answer went out:
 * const ended = await body.discard(16 * 1024 * 1024, 10_000);
 */
export interface NodeBody {
  readonly stream: ReadableStream<Uint8Array>;
  /** True once the body was read to its end (by the handler or by {@link discard}). */
  readonly ended: boolean;
  /**
   * Reads and drops what is left of the body: resolves true when it ended, false when more than
   * `maxBytes` came, `maxMs` passed or the client went away first.
   */
  discard(maxBytes: number, maxMs: number): Promise<boolean>;
}

const encoder = new TextEncoder();
const bytesOf = (chunk: Uint8Array | string): Uint8Array =>
  typeof chunk === "string" ? encoder.encode(chunk) : chunk;

/**
 * Wraps a Node request's body. Nothing is read until the handler (or `discard`) asks: a body the
 * handler refuses unread stays in the socket until the adapter decides what to do with it.
 *
 * @example const { stream } = nodeBody(req);
 */
export function nodeBody(req: NodeBodySource): NodeBody {
  let listening = false;
  let finished: "end" | "gone" | null = req.readableEnded ? "end" : null;
  // Who gets the next chunk, and who hears that no more will come: the pending read, or discard().
  let take: ((chunk: Uint8Array) => void) | null = null;
  let settle: (() => void) | null = null;
  // A chunk that came while nobody was reading (Node stops after pause(), but only between chunks).
  const held: Uint8Array[] = [];

  const listen = (): void => {
    if (listening) return;
    listening = true;
    req.on("data", (chunk) => {
      if (take) take(bytesOf(chunk));
      else {
        held.push(bytesOf(chunk));
        req.pause();
      }
    });
    const stop = (how: "end" | "gone") => () => {
      finished ??= how;
      settle?.();
    };
    req.on("end", stop("end"));
    req.on("error", stop("gone"));
    req.on("close", stop("gone"));
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const early = held.shift();
        if (early) return controller.enqueue(early);
        if (finished === "end") return controller.close();
        if (finished === "gone") return controller.error(new Error("The client went away."));
        return new Promise<void>((resolve) => {
          const done = (): void => {
            take = null;
            settle = null;
            resolve();
          };
          take = (chunk) => {
            req.pause();
            controller.enqueue(chunk);
            done();
          };
          settle = () => {
            if (finished === "end") controller.close();
            else controller.error(new Error("The client went away."));
            done();
          };
          listen();
          req.resume();
        });
      },
      cancel() {
        take = null;
        settle = null;
        if (listening) req.pause();
      },
    },
    // Nothing is pulled before the handler reads.
    { highWaterMark: 0 },
  );

  return {
    stream,
    get ended() {
      return finished === "end";
    },
    discard(maxBytes, maxMs) {
      if (finished !== null) return Promise.resolve(finished === "end");
      return new Promise<boolean>((resolve) => {
        let seen = 0;
        const stop = (ended: boolean): void => {
          clearTimeout(timer);
          take = null;
          settle = null;
          req.pause();
          resolve(ended);
        };
        const timer = setTimeout(() => stop(false), maxMs);
        const count = (chunk: Uint8Array): void => {
          seen += chunk.byteLength;
          if (seen > maxBytes) stop(false);
        };
        for (const chunk of held.splice(0)) count(chunk);
        if (seen > maxBytes) return;
        take = count;
        settle = () => stop(finished === "end");
        listen();
        req.resume();
      });
    },
  };
}
