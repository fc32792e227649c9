import type { StoreUserQuery, UserRecord } from "../store/records";
import { earliestExpiry } from "../users/credential.rules";
import type { UserStatus } from "../users/user.schema";
import { canonicalInstant, compareStrings } from "./ordering";

/** A sort field of `queryUsers`. @example "lastSignInAt" */
export type UserSort = StoreUserQuery["sort"];
/** A sort direction of `queryUsers`. @example "desc" */
export type SortDirection = StoreUserQuery["direction"];

/**
 * A stored user with everything queries need precomputed: sort keys, the search haystack and the
 * filter fields. Immutable; an update makes a new entry (with the same slot).
 *
 * @example { id: "usr_0000000001", slot: 0, nameKey: "smith jane", haystack: "jane smith\njane@clinic.org\njs\n", … }
 */
export interface UserEntry {
  readonly id: string;
  /** Position of the user in its organization's bitmaps; -1 for a transaction's uncommitted user. */
  readonly slot: number;
  readonly record: UserRecord;
  readonly status: UserStatus;
  readonly roleId: string;
  /** `locationAccess === "organization"`. */
  readonly orgWide: boolean;
  /** Locations of a user with a location list; empty when org-wide. */
  readonly locationIds: readonly string[];
  readonly practitioner: boolean;
  readonly licences: readonly string[];
  /** The earliest expiry date of the provider's credentials (`YYYY-MM-DD`), or null. */
  readonly earliestExpiry: string | null;
  /** `${given} ${family}\n${email}\n${initials}\n${npi}`, lower-cased. */
  readonly haystack: string;
  /** `${family} ${given}`, lower-cased. */
  readonly nameKey: string;
  readonly email: string;
  readonly createdAt: string;
  readonly lastSignInAt: string | null;
}

/**
 * Precomputes the entry of a (frozen) user record; `slot` defaults to -1 (not in an index).
 *
 * @example makeUserEntry(record, 0).nameKey // "smith jane"
 */
export function makeUserEntry(record: UserRecord, slot = -1): UserEntry {
  const { givenName, familyName, initials } = record.profile;
  const npi = record.provider?.npi ?? "";
  const access = record.locationAccess;
  return {
    id: record.id,
    slot,
    record,
    status: record.status,
    roleId: record.roleId,
    orgWide: access === "organization",
    locationIds: access === "organization" ? [] : access,
    practitioner: record.flags.practitioner,
    licences: record.licences,
    earliestExpiry: earliestExpiry(record.provider?.credentials),
    haystack: `${givenName} ${familyName}\n${record.email}\n${initials}\n${npi}`.toLowerCase(),
    nameKey: `${familyName.toLowerCase()} ${givenName.toLowerCase()}`,
    email: record.email,
    createdAt: canonicalInstant(record.createdAt),
    lastSignInAt: record.lastSignInAt === null ? null : canonicalInstant(record.lastSignInAt),
  };
}

/** A position in an order: the sort key and id of the last row of a page. @example { key: "smith jane", id: "usr_0000000001" } */
export interface Anchor {
  readonly key: string | null;
  readonly id: string;
}

/**
 * One of the eight orders of `queryUsers`: key ascending or descending, users without a key
 * (`lastSignInAt` only) last in both directions, ties by id ascending in both directions. Note that
 * descending is therefore not the reverse of ascending, so each direction has its own index.
 *
 * @example userOrder("name", "asc").compare(a, b) // < 0 when a sorts first
 */
export interface UserOrder {
  readonly name: `${UserSort}:${SortDirection}`;
  keyOf(entry: UserEntry): string | null;
  /** Compares two entries. */
  compare(a: UserEntry, b: UserEntry): number;
  /** Compares an entry with an anchor: > 0 when the entry comes after it. */
  compareToAnchor(entry: UserEntry, anchor: Anchor): number;
}

const KEY_OF: Record<UserSort, (entry: UserEntry) => string | null> = {
  name: (e) => e.nameKey,
  email: (e) => e.email,
  createdAt: (e) => e.createdAt,
  lastSignInAt: (e) => e.lastSignInAt,
};

function makeOrder(sort: UserSort, direction: SortDirection): UserOrder {
  const keyOf = KEY_OF[sort];
  const sign = direction === "asc" ? 1 : -1;
  const compareKeys = (a: string | null, aId: string, b: string | null, bId: string): number => {
    if (a !== b) {
      if (a === null) return 1;
      if (b === null) return -1;
      return compareStrings(a, b) < 0 ? -sign : sign;
    }
    return compareStrings(aId, bId);
  };
  return {
    name: `${sort}:${direction}`,
    keyOf,
    compare: (a, b) => compareKeys(keyOf(a), a.id, keyOf(b), b.id),
    compareToAnchor: (entry, anchor) => compareKeys(keyOf(entry), entry.id, anchor.key, anchor.id),
  };
}

const ORDERS = new Map<string, UserOrder>();
for (const sort of ["name", "email", "createdAt", "lastSignInAt"] as const) {
  for (const direction of ["asc", "desc"] as const)
    ORDERS.set(`${sort}:${direction}`, makeOrder(sort, direction));
}

/**
 * The order for a sort and direction.
 *
 * @example entries.sort(userOrder("lastSignInAt", "desc").compare)
 */
export function userOrder(sort: UserSort, direction: SortDirection): UserOrder {
  const order = ORDERS.get(`${sort}:${direction}`);
  if (!order) throw new Error(`Unknown user order ${String(sort)}:${String(direction)}.`);
  return order;
}
