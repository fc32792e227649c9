import { fail } from "@staffroom/core";
import { parseCsv } from "./csv";
import { transport } from "./rest-problem";

const CSV_MEDIA = /^text\/csv\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?(?:;\s*header\s*=\s*present\s*)?$/i;
const JSON_MEDIA = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

function declaredLength(request: Request, max: number): number | null {
  const header = request.headers.get("content-length");
  if (header === null) return null;
  if (!/^\d{1,15}$/.test(header.trim())) {
    throw fail.field([], "invalid_content_length", "Content-Length is not a number.");
  }
  const length = Number(header.trim());
  if (length > max) throw transport.tooLarge(max);
  return length;
}

/** Reads at most `max` bytes of the body; more is a 413 (the rest is never read). */
async function readCapped(request: Request, max: number): Promise<Uint8Array> {
  const declared = declaredLength(request, max);
  if (!request.body || declared === 0) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw transport.tooLarge(max);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * Reads a JSON body: `application/json` (UTF-8) or 415, at most `max` bytes or 413, well-formed or
 * 400. Never a 5xx, and nothing downstream runs on a refusal.
 *
 * @example const body = await readJsonBody(request, 100 * 1024);
 */
export async function readJsonBody(request: Request, max: number): Promise<unknown> {
  const type = request.headers.get("content-type");
  if (type === null || !JSON_MEDIA.test(type.trim())) {
    declaredLength(request, max);
    throw transport.mediaType();
  }
  const bytes = await readCapped(request, max);
  if (bytes.byteLength === 0) throw fail.field([], "required", "This request needs a JSON body.");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw fail.field([], "invalid_encoding", "The body is not valid UTF-8.");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw fail.field([], "invalid_json", "The body is not well-formed JSON.");
  }
}

/**
 * Refuses a body on a route that takes none (400): input is an allowlist (R14), and an ignored body
 * would hide a client's mistake.
 *
 * @example await refuseBody(request, settings.maxBodyBytes);
 */
export async function refuseBody(request: Request, max: number): Promise<void> {
  const bytes = await readCapped(request, max);
  if (bytes.byteLength > 0) throw fail.field([], "unexpected_body", "This request takes no body.");
}

/**
 * Reads a body that may be JSON or CSV: `text/csv` (UTF-8, with or without a BOM) is parsed into
 * `{ columns, rows }` (see `parseCsv`), anything else goes through {@link readJsonBody}. At most
 * `max` bytes or 413; text that is not UTF-8 is a 400.
 *
 * @example const body = await readJsonOrCsvBody(request, settings.maxImportBytes);
 */
export async function readJsonOrCsvBody(request: Request, max: number): Promise<unknown> {
  const type = request.headers.get("content-type");
  if (type === null || !CSV_MEDIA.test(type.trim())) return readJsonBody(request, max);
  const bytes = await readCapped(request, max);
  if (bytes.byteLength === 0) throw fail.field([], "required", "This request needs a CSV body.");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw fail.field([], "invalid_encoding", "The file is not UTF-8: save it as “CSV UTF-8”.");
  }
  return parseCsv(text);
}
