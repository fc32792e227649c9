import { sha256HexSync } from "./sha256";

/** Bytes as lowercase hex. */
export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

/** Bytes as base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Base64 (standard) encoding. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Base64 (standard) decoding. */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * SHA-256 of a UTF-8 string, as lowercase hex. Asynchronous in its signature so a platform digest can
 * replace it; computed synchronously (see sha256.ts for why).
 *
 * @example await sha256Hex("abc") // "ba7816bf…"
 */
export async function sha256Hex(text: string): Promise<string> {
  return sha256HexSync(text);
}

/** `n` cryptographically random bytes. */
export function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

/**
 * A fresh secret token: 32 random bytes (256 bits, R15 asks ≥ 128) as base64url.
 *
 * @example const token = randomToken(); const stored = await sha256Hex(token);
 */
export function randomToken(): string {
  return toBase64Url(randomBytes(32));
}

/** Constant-time comparison of two equal-length byte arrays. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
