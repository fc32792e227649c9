import type { ServerResponse } from "node:http";

/**
 * Headers every answer of the demo server carries (the REST handler sets its own, stricter ones).
 *
 * @example res.writeHead(200, { ...BASE_HEADERS, "content-type": "text/plain" });
 */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  // Invitation and reset pages carry their token in the URL: never send it on as a Referer.
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

/**
 * Answers with a JSON body, never cached.
 *
 * @example sendJson(res, 200, { users: 0 });
 */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_HEADERS,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
}

/**
 * Answers with a short plain-text message (errors of the demo's own routes and the static files).
 *
 * Default headers: none beyond {@link BASE_HEADERS}.
 * @example sendText(res, 404, "Not found");
 */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  res.writeHead(status, {
    ...BASE_HEADERS,
    ...headers,
    "content-type": "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
}
