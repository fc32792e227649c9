import { sha256Hex } from "../ports/crypto";

/**
 * The previous hash of an organization's first event.
 *
 * @example await sealAuditEvent(firstEvent, GENESIS_HASH)
 */
export const GENESIS_HASH = "0".repeat(64);

/**
 * JSON with object keys sorted at every depth, so a hash does not depend on key order.
 *
 * @example canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * The SHA-256 of an event: every field but `hash`, previous hash included (R18). For a chained event
 * that covers its `personal` references (subjects and digests), never the personal values; legacy
 * events (hashed whole) verify with the same function.
 *
 * @example const hash = await hashEvent({ ...event, previousHash });
 */
export function hashEvent(event: object): Promise<string> {
  const { hash: _ignored, ...rest } = event as { hash?: unknown };
  return sha256Hex(canonicalJson(rest));
}

/**
 * What {@link checkLink} reads of an event: its place in the chain and its hashes.
 *
 * @example { sequence: 12, previousHash: "3a…", hash: "9f…" }
 */
export interface ChainLink {
  readonly sequence: number;
  readonly previousHash: string;
  readonly hash: string;
}

/** State carried through a verification, one event at a time. @example { sequence: 1204, hash: "9f…" } */
export interface ChainCursor {
  readonly sequence: number;
  readonly hash: string;
}

/**
 * Why an event breaks the chain, or null when it fits.
 *
 * @example const problem = await checkLink(previous, event); // null when the event fits
 */
export async function checkLink(
  previous: ChainCursor,
  event: ChainLink,
): Promise<"edited" | "inserted" | "removed" | null> {
  if (event.sequence > previous.sequence + 1) return "removed";
  if (event.sequence <= previous.sequence) return "inserted";
  if ((await hashEvent(event)) !== event.hash) return "edited";
  if (event.previousHash !== previous.hash) return "inserted";
  return null;
}
