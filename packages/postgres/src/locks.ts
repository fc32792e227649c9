const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/**
 * The 64-bit advisory lock key of a named lock: FNV-1a over the UTF-8 bytes of
 * `staffroom:<name>`, as a signed bigint (what `pg_advisory_xact_lock(bigint)` takes). Every
 * instance computes the same key for the same name.
 *
 * @example lockKey("org_0000000001") // -5274365178234458171n (some fixed value)
 */
export function lockKey(name: string): bigint {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(`staffroom:${name}`)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK;
  }
  return BigInt.asIntN(64, hash);
}

/**
 * The distinct keys of `names`, ascending. Every transaction takes its locks in this one global
 * order, so two transactions can never each hold a lock the other waits for.
 *
 * @example lockKeys(["account:acc_1", "org_1"]) // ["-412…", "8821…"] (decimal strings)
 */
export function lockKeys(names: readonly string[]): string[] {
  const keys = [...new Set(names.map(lockKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.map((k) => k.toString());
}

/** Takes the locks of {@link lockKeys}, one after the other in array order, until the transaction ends. */
export const LOCK_SQL =
  "SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) WITH ORDINALITY AS t(k, n) ORDER BY n";
