/**
 * A query key: a path of plain values, most general first, so that a prefix names a family of
 * queries (`["users"]` covers every list, count and detail of users).
 *
 * @example ["users", "list", { status: "active", search: "smith" }]
 */
export type QueryKey = readonly unknown[];

/**
 * A stable string for a key: object properties sorted, `undefined` properties dropped, so that
 * `{ a: 1, b: undefined }` and `{ a: 1 }` name the same query.
 *
 * @example hashKey(["users", "list", { search: "a", status: "active" }]) === hashKey(["users", "list", { status: "active", search: "a" }])
 */
export function hashKey(key: QueryKey): string {
  return JSON.stringify(key, (_name, value: unknown) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(value).sort()) {
        const v = (value as Record<string, unknown>)[k];
        if (v !== undefined) sorted[k] = v;
      }
      return sorted;
    }
    return value;
  });
}

/**
 * True when `key` starts with every element of `prefix` (compared by their hashes).
 *
 * @example matchesPrefix(["users", "list", {}], ["users"]) // true
 */
export function matchesPrefix(key: QueryKey, prefix: QueryKey): boolean {
  if (prefix.length > key.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    if (hashKey([key[i]]) !== hashKey([prefix[i]])) return false;
  }
  return true;
}
