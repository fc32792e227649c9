/** Kinds of versioned resources. @example versions.get("user", id) */
export type VersionedKind = "user" | "role" | "location" | "organization";

/**
 * The last version the client saw of each resource, so a write whose caller named no version still
 * goes out with `If-Match` (bounded: least recently seen entries go first).
 *
 * @example const versions = versionCache(2000); versions.see("user", user); versions.get("user", user.id)
 */
export interface VersionCache {
  /** Remembers `item.version` when the item has an id and a whole-number version. */
  see(kind: VersionedKind, item: unknown): void;
  get(kind: VersionedKind, id: string): number | undefined;
  forget(kind: VersionedKind, id: string): void;
}

const isVersioned = (item: unknown): item is { id: string; version: number } =>
  typeof item === "object" &&
  item !== null &&
  typeof (item as { id?: unknown }).id === "string" &&
  Number.isInteger((item as { version?: unknown }).version);

/** A {@link VersionCache} holding at most `size` versions. @example versionCache(2000) */
export function versionCache(size: number): VersionCache {
  const map = new Map<string, number>();
  return {
    see(kind, item) {
      if (!isVersioned(item) || size < 1) return;
      const key = `${kind}:${item.id}`;
      map.delete(key);
      map.set(key, item.version);
      if (map.size > size) {
        const oldest = map.keys().next().value;
        if (oldest !== undefined) map.delete(oldest);
      }
    },
    get(kind, id) {
      return map.get(`${kind}:${id}`);
    },
    forget(kind, id) {
      map.delete(`${kind}:${id}`);
    },
  };
}
