/**
 * Deep-copies plain data (objects, arrays, primitives) and freezes every copied level, so the stored
 * value can be shared with any number of readers: nobody holding it, nor the caller who passed the
 * original, can change what the store keeps.
 *
 * Records are JSON-like by contract (DESIGN §1: plain data in, plain data out), so class instances,
 * maps and dates are not expected; they would be copied as plain objects.
 *
 * @example
 * const stored = snapshot(record); // later: stored.profile.givenName = "x" throws in strict mode
 */
export function snapshot<T>(value: T): T {
  return copyFrozen(value) as T;
}

function copyFrozen(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyFrozen(value[i]);
    return Object.freeze(out);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    out[key] = copyFrozen((value as Record<string, unknown>)[key]);
  }
  return Object.freeze(out);
}
