/** Overlays the defined fields of `patch` on `base` (zod's partial objects may carry `undefined`). */
export function mergeDefined<T extends object>(
  base: T,
  patch: { [K in keyof T]?: T[K] | undefined } | undefined,
): T {
  const out = { ...base };
  if (!patch) return out;
  for (const key of Object.keys(patch) as (keyof T)[]) {
    const value = patch[key];
    if (value !== undefined) out[key] = value as T[keyof T];
  }
  return out;
}
