import { fail } from "../errors/directory-error";

/**
 * R12 in one place. A write is checked twice, and both checks are here: against the version the
 * caller read (`expectVersion`, before any rule runs, so a stale form hears "stale" first), and at
 * the store's compare-and-set (`orStale`), which catches a writer that committed in between.
 */

/** The version a write is based on (R12). @example { version: 3 } */
export interface VersionOption {
  readonly version: number;
}

/**
 * R12: the version a write is based on; `precondition_required` when absent or not a whole number.
 *
 * @example const version = requireVersion(options); // options = { version: 3 }
 */
export function requireVersion(options: { version?: unknown } | undefined): number {
  const v = options?.version;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw fail.preconditionRequired();
  return v;
}

/**
 * An optional version: undefined when absent; `validation` on `version` when present but not a
 * whole number ≥ 0.
 *
 * @example const expected = optionalVersion(options); // undefined for {}
 */
export function optionalVersion(options: { version?: unknown } | undefined): number | undefined {
  const v = options?.version;
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
    throw fail.field(["version"], "invalid_version", "The version must be a whole number.");
  }
  return v;
}

/**
 * R12: `stale` when the record is no longer at the version the caller read. `expected` undefined
 * (an optional version not given) checks nothing.
 *
 * @example expectVersion(target.user, expected);
 */
export function expectVersion(current: { readonly version: number }, expected: number | undefined): void {
  if (expected !== undefined && current.version !== expected) throw fail.stale();
}

/**
 * R12 at the write: a store's compare-and-set (`update*`, `deleteRole`) answers false when another
 * writer got there first; that is `stale`, and the unit's transaction rolls back.
 *
 * @example await orStale(unit.tx.updateUser(next, before.version));
 */
export async function orStale(written: Promise<boolean>): Promise<void> {
  if (!(await written)) throw fail.stale();
}
