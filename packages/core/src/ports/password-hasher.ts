import type { PasswordHash } from "../auth/account.schema";
import { fromBase64, randomBytes, timingSafeEqual, toBase64 } from "./crypto";

/**
 * Hashes and verifies passwords (R15). The parameters travel with each hash, so a stronger setting
 * or another algorithm can take over on the next sign-in (`needsRehash`).
 *
 * @example createDirectory({ store, passwords: pbkdf2Hasher({ iterations: 1_000 }) }) // tests only
 */
export interface PasswordHasher {
  /** Hashes a (normalised) password with a fresh salt. */
  hash(password: string): Promise<PasswordHash>;
  /** True when `password` matches. False, never a throw, for a hash of an unknown algorithm. */
  verify(password: string, stored: PasswordHash): Promise<boolean>;
  /** True when `stored` was made with other parameters than this hasher's; rehash after a successful verify. */
  needsRehash(stored: PasswordHash): boolean;
}

/** Options of {@link pbkdf2Hasher}. */
export interface Pbkdf2Options {
  /** PBKDF2-SHA256 iterations. Default 600 000 (OWASP 2023). Lower only in tests. */
  readonly iterations?: number;
}

/** Default PBKDF2 iterations (OWASP Password Storage Cheat Sheet, PBKDF2-HMAC-SHA256). */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;

const encoder = new TextEncoder();

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/**
 * PBKDF2-SHA256 through WebCrypto (default hasher): 16-byte salt, 256-bit output.
 *
 * @example const hasher = pbkdf2Hasher(); const h = await hasher.hash("a long passphrase");
 */
export function pbkdf2Hasher(options: Pbkdf2Options = {}): PasswordHasher {
  const iterations = options.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < 1)
    throw new Error("pbkdf2Hasher: iterations must be a positive integer");
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const hash = await derive(password, salt, iterations);
      return { algorithm: "pbkdf2-sha256", iterations, salt: toBase64(salt), hash: toBase64(hash) };
    },
    async verify(password, stored) {
      if (stored.algorithm !== "pbkdf2-sha256" || stored.iterations < 1) return false;
      const expected = fromBase64(stored.hash);
      const actual = await derive(password, fromBase64(stored.salt), stored.iterations);
      return timingSafeEqual(actual, expected);
    },
    needsRehash: (stored) => stored.algorithm !== "pbkdf2-sha256" || stored.iterations !== iterations,
  };
}
