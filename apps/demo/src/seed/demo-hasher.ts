import { type PasswordHash, type PasswordHasher, pbkdf2Hasher } from "@staffroom/core";

/**
 * What the seed memoises: hashes by password, and verification answers by password and hash. Kept by
 * whoever reseeds (the server keeps one for its lifetime, so `/demo/reset` derives no key at all);
 * it only ever holds the seed's own passwords, which are public (the demo password and a known-wrong
 * one).
 */
export interface SeedMemo {
  readonly hashes: Map<string, Promise<PasswordHash>>;
  readonly checks: Map<string, Promise<boolean>>;
}

/**
 * An empty {@link SeedMemo}.
 *
 * @example const memo = seedMemo(); demoHasher(pbkdf2Hasher(), memo);
 */
export function seedMemo(): SeedMemo {
  return { hashes: new Map(), checks: new Map() };
}

/**
 * A password hasher that can seed quickly: {@link DemoHasher.seeding} memoises hashes and
 * verifications while the seed runs, everything before and after goes to the real hasher.
 */
export interface DemoHasher extends PasswordHasher {
  /**
   * Runs `work` (the seed) with memoised hashing: every seeded account with the same password shares
   * one hash, so one salt, and repeated checks of one password against one hash (the failed sign-ins
   * that lock an account, the seeded sign-ins) derive the key once. The memo is off again when `work`
   * settles.
   */
  seeding<T>(work: () => Promise<T>): Promise<T>;
}

function memoised<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) {
    value = make();
    map.set(key, value);
    // A failed derivation is not an answer to remember.
    value.catch(() => map.delete(key));
  }
  return value;
}

/**
 * The demo's hasher: core's `pbkdf2Hasher()` (PBKDF2-SHA256, 600 000 iterations, about 100+ ms a
 * hash) with a memo that is on only while seeding. The shared salt of seeded accounts is a demo-only
 * concession, documented in the README: ~60 accounts × 100 ms would make every start, every page
 * load of the in-browser wiring and every end-to-end reset take seconds. A password set afterwards
 * (an invitation accepted, a change, a reset, an admin's temporary one) gets a fresh salt and the
 * default iterations.
 *
 * Defaults: `pbkdf2Hasher()`, a memo of its own.
 * @example
 * const passwords = demoHasher();
 * const directory = createDirectory({ store, passwords });
 * await passwords.seeding(() => seedDemo(directory, options));
 */
export function demoHasher(inner: PasswordHasher = pbkdf2Hasher(), memo: SeedMemo = seedMemo()): DemoHasher {
  let active = false;
  return {
    hash(password) {
      if (!active) return inner.hash(password);
      return memoised(memo.hashes, password, () => inner.hash(password));
    },
    verify(password, stored) {
      if (!active) return inner.verify(password, stored);
      // The stored hash is part of the key, so a memoised answer is the answer for that exact hash.
      const key = JSON.stringify([password, stored.algorithm, stored.iterations, stored.salt, stored.hash]);
      return memoised(memo.checks, key, () => inner.verify(password, stored));
    },
    needsRehash: (stored) => inner.needsRehash(stored),
    async seeding(work) {
      active = true;
      try {
        return await work();
      } finally {
        active = false;
      }
    },
  };
}
