import { SCIM_CONTENT_TYPE } from "./constants";
import { ScimError } from "./error";

/**
 * A SCIM JSON answer: `application/scim+json`, never cached; 204 and 304 have no body.
 *
 * @example scimJson(200, document)
 */
export function scimJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const empty = status === 204 || status === 304;
  return new Response(empty ? null : JSON.stringify(body), {
    status,
    headers: {
      ...(empty ? {} : { "Content-Type": SCIM_CONTENT_TYPE }),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...headers,
    },
  });
}

/** A media type a SCIM body may have: application/scim+json, application/json, any other `+json`. */
const JSON_MEDIA = /^application\/(?:[\w.+-]*\+)?json\s*(?:;.*)?$/i;

/**
 * The JSON body of a request, read up to `maxBytes`: 413 beyond, 415 for a media type that is no
 * JSON (a missing one is read as JSON, as Okta and Entra always send one), 400 `invalidSyntax`
 * for bytes that are not UTF-8 or text that is not JSON.
 *
 * @example const body = await readJsonBody(request, 1_048_576);
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get("content-type");
  if (type !== null && !JSON_MEDIA.test(type.trim()))
    throw new ScimError(415, null, "Send the body as application/scim+json or application/json.");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new ScimError(413, null, `A body has at most ${maxBytes} bytes.`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new ScimError(413, null, `A body has at most ${maxBytes} bytes.`);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ScimError(400, "invalidSyntax", "The body is not UTF-8.");
  }
  if (text.trim() === "") throw new ScimError(400, "invalidSyntax", "The request needs a JSON body.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ScimError(400, "invalidSyntax", "The body is not valid JSON.");
  }
}

/**
 * The secret of `Authorization: Bearer <secret>` (scheme in any case), or null.
 *
 * @example bearerSecret(request) // "Zx9…"
 */
export function bearerSecret(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header ? /^bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
  return match ? (match[1] as string) : null;
}

/**
 * A positive whole number from a query parameter (RFC 7644 §3.4.2.4 `startIndex` and `count`):
 * absent gives `fallback`; anything but digits is `invalidValue`.
 *
 * @example wholeNumber(url.searchParams.get("count"), "count", 100)
 */
export function wholeNumber(value: string | null, name: string, fallback: number): number {
  if (value === null || value === "") return fallback;
  if (!/^-?\d{1,15}$/.test(value.trim()))
    throw new ScimError(400, "invalidValue", `${name} is a whole number.`);
  return Number(value.trim());
}
