import { ID_PREFIXES, type IdKind } from "../primitives/ids.schema";
import { randomBytes } from "./crypto";

/**
 * Generates ids. The default gives the kind's prefix and 20 random base-32 characters (100 bits).
 *
 * @example createDirectory({ store, ids: sequentialIds() }) // deterministic ids in tests
 */
export type IdGenerator = (kind: IdKind) => string;

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** Random ids (default). @example randomIds("user") // "usr_k3j9…" */
export const randomIds: IdGenerator = (kind) => {
  const bytes = randomBytes(20);
  let out = "";
  for (const b of bytes) out += ALPHABET[b & 31];
  return `${ID_PREFIXES[kind]}_${out}`;
};

/**
 * Deterministic ids for tests and fixtures: prefix and a zero-padded counter.
 *
 * @example const ids = sequentialIds(); ids("user") // "usr_0000000001"
 */
export function sequentialIds(): IdGenerator {
  let n = 0;
  return (kind) => `${ID_PREFIXES[kind]}_${String(++n).padStart(10, "0")}`;
}
