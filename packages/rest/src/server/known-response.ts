import type { HeaderList } from "./security-headers";

/**
 * What the handler knows of each Response it made — status, header list and JSON text — kept
 * beside the response so the Node adapter writes them straight to the socket (Node encodes the text
 * natively while writing) instead of walking the Headers object and reading the body back through
 * its stream: for a 50-user page that round trip cost as much as the list query. Other runtimes read
 * the Response as usual; its body is encoded on first read.
 */
export interface KnownResponse {
  readonly status: number;
  readonly headers: HeaderList;
  readonly text: string | null;
}

const known = new WeakMap<Response, KnownResponse>();
const encoder = new TextEncoder();

/**
 * A Response remembered for {@link knownResponse}.
 *
 * @example respond('{"ok":true}', 200, [["Content-Type", "application/json"]])
 */
export function respond(text: string | null, status: number, headers: HeaderList): Response {
  // highWaterMark 0: nothing is pulled (encoded) until someone reads the body.
  const body =
    text === null
      ? null
      : new ReadableStream<Uint8Array>(
          {
            pull(controller) {
              controller.enqueue(encoder.encode(text));
              controller.close();
            },
          },
          { highWaterMark: 0 },
        );
  const response = new Response(body, { status, headers });
  known.set(response, { status, headers, text });
  return response;
}

/**
 * What {@link respond} knew of a Response, while its body is unread.
 *
 * @example const fast = knownResponse(response); if (fast) res.writeHead(fast.status, fast.headers.flat())
 */
export function knownResponse(response: Response): KnownResponse | undefined {
  return response.bodyUsed ? undefined : known.get(response);
}
