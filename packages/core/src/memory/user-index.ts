import type { UserRecord } from "../store/records";
import { Bits } from "./bitset";
import { SortedIndex } from "./sorted-index";
import { TrigramIndex } from "./trigram-index";
import {
  makeUserEntry,
  type SortDirection,
  type UserEntry,
  type UserOrder,
  type UserSort,
  userOrder,
} from "./user-entry";

/** Bitmaps by a key; empty ones are dropped. */
type BitsIndex = Map<string, Bits>;

function addTo(index: BitsIndex, key: string, slot: number): void {
  let bits = index.get(key);
  if (!bits) {
    bits = new Bits();
    index.set(key, bits);
  }
  bits.add(slot);
}

function removeFrom(index: BitsIndex, key: string, slot: number): void {
  const bits = index.get(key);
  if (!bits) return;
  bits.delete(slot);
  if (bits.count === 0) index.delete(key);
}

/**
 * The users of one organization and their indexes, all maintained together on every change. Each
 * user holds a slot (a small integer, reused after deletion) and the filter indexes are bitmaps
 * over slots: all users, by status, by location (+ org-wide), by role, practitioners, by licence.
 * Search uses a trigram index of slots; sorting uses presorted indexes per order, built on first use
 * and then maintained incrementally.
 *
 * @example
 * const index = new UserIndex(512);
 * index.put(record);
 * index.byStatus.get("active")?.count;
 */
export class UserIndex {
  readonly entries = new Map<string, UserEntry>();
  /** Entry per slot (undefined for a free slot). */
  readonly bySlot: (UserEntry | undefined)[] = [];
  /** accountId → user id (an account has at most one membership per organization). */
  readonly byAccount = new Map<string, string>();
  readonly all = new Bits();
  readonly byStatus: BitsIndex = new Map();
  readonly byLocation: BitsIndex = new Map();
  /** Users whose `locationAccess` is `"organization"`. */
  readonly orgWide = new Bits();
  readonly byRole: BitsIndex = new Map();
  readonly practitioners = new Bits();
  readonly byLicence: BitsIndex = new Map();
  readonly trigrams = new TrigramIndex();
  private readonly freeSlots: number[] = [];
  /**
   * Users with an expiring credential (issue 15), by earliest expiry date then slot: the credential
   * filter's range is a binary search away, whatever the date (which moves, so no bitmap could
   * hold "expired"). Built on first use, then maintained.
   */
  private expiry: { date: string; slot: number }[] | null = null;
  private readonly sorted = new Map<string, { order: UserOrder; index: SortedIndex<UserEntry> }>();

  /** @param chunkSize chunk size of the presorted indexes (see {@link SortedIndex}). */
  constructor(private readonly chunkSize: number) {}

  /** Number of users. */
  get size(): number {
    return this.entries.size;
  }

  /** Length in 32-bit words of a bitmap able to hold every slot in use. */
  get words(): number {
    return (this.bySlot.length + 31) >>> 5;
  }

  /** Inserts or replaces a user (the record must already be frozen). */
  put(record: UserRecord): void {
    const previous = this.entries.get(record.id);
    const slot = previous ? previous.slot : (this.freeSlots.pop() ?? this.bySlot.length);
    const next = makeUserEntry(record, slot);
    if (previous) this.unlink(previous, next);
    this.entries.set(next.id, next);
    this.bySlot[slot] = next;
    this.byAccount.set(record.accountId, next.id);
    this.all.add(slot);
    addTo(this.byStatus, next.status, slot);
    addTo(this.byRole, next.roleId, slot);
    if (next.orgWide) this.orgWide.add(slot);
    for (const location of next.locationIds) addTo(this.byLocation, location, slot);
    if (next.practitioner) this.practitioners.add(slot);
    if (previous?.earliestExpiry !== next.earliestExpiry) {
      if (previous) this.unlistExpiry(previous);
      this.listExpiry(next);
    }
    for (const licence of next.licences) addTo(this.byLicence, licence, slot);
    if (previous?.haystack !== next.haystack) this.trigrams.add(slot, next.haystack);
    for (const { order, index } of this.sorted.values()) {
      if (previous && order.compare(previous, next) === 0) index.replace(next);
      else {
        if (previous) index.remove(previous);
        index.insert(next);
      }
    }
  }

  /** Removes a user and frees its slot; no-op when missing. */
  delete(id: string): void {
    const previous = this.entries.get(id);
    if (!previous) return;
    this.unlink(previous, null);
    this.entries.delete(id);
    this.bySlot[previous.slot] = undefined;
    this.all.delete(previous.slot);
    this.unlistExpiry(previous);
    this.freeSlots.push(previous.slot);
    for (const { index } of this.sorted.values()) index.remove(previous);
  }

  /**
   * The slots of users whose earliest credential expiry lies from `from` (absent: no bound) through
   * `to`, both inclusive, as a bitmap of `words` words.
   *
   * @example andInto(bits, index.expiringBetween(undefined, "2026-12-05", bits.length))
   */
  expiringBetween(from: string | undefined, to: string, words: number): Uint32Array {
    const out = new Uint32Array(words);
    const list = this.expiryList();
    for (let i = from === undefined ? 0 : this.expiryIndex(from, -1); i < list.length; i++) {
      const item = list[i] as { date: string; slot: number };
      if (item.date > to) break;
      if (item.slot >>> 5 < words)
        out[item.slot >>> 5] = (out[item.slot >>> 5] as number) | (1 << (item.slot & 31));
    }
    return out;
  }

  private expiryList(): { date: string; slot: number }[] {
    if (this.expiry) return this.expiry;
    const list: { date: string; slot: number }[] = [];
    for (const e of this.entries.values())
      if (e.earliestExpiry !== null) list.push({ date: e.earliestExpiry, slot: e.slot });
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.slot - b.slot));
    this.expiry = list;
    return list;
  }

  /** The first position whose (date, slot) is not before (`date`, `slot`). */
  private expiryIndex(date: string, slot: number): number {
    const list = this.expiryList();
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const item = list[mid] as { date: string; slot: number };
      if (item.date < date || (item.date === date && item.slot < slot)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private listExpiry(entry: UserEntry): void {
    if (!this.expiry || entry.earliestExpiry === null) return;
    this.expiry.splice(this.expiryIndex(entry.earliestExpiry, entry.slot), 0, {
      date: entry.earliestExpiry,
      slot: entry.slot,
    });
  }

  private unlistExpiry(entry: UserEntry): void {
    if (!this.expiry || entry.earliestExpiry === null) return;
    const at = this.expiryIndex(entry.earliestExpiry, entry.slot);
    const item = this.expiry[at];
    if (item && item.date === entry.earliestExpiry && item.slot === entry.slot) this.expiry.splice(at, 1);
  }

  /**
   * The presorted index for an order, built on first use (O(n log n)) and maintained incrementally
   * afterwards.
   */
  sortedFor(sort: UserSort, direction: SortDirection): SortedIndex<UserEntry> {
    const order = userOrder(sort, direction);
    const built = this.sorted.get(order.name);
    if (built) return built.index;
    const index = SortedIndex.build([...this.entries.values()], order.compare, this.chunkSize);
    this.sorted.set(order.name, { order, index });
    return index;
  }

  /** Removes `previous` from the filter indexes (and from trigrams unless `next` has the same haystack). */
  private unlink(previous: UserEntry, next: UserEntry | null): void {
    const slot = previous.slot;
    if (this.byAccount.get(previous.record.accountId) === previous.id)
      this.byAccount.delete(previous.record.accountId);
    removeFrom(this.byStatus, previous.status, slot);
    removeFrom(this.byRole, previous.roleId, slot);
    this.orgWide.delete(slot);
    for (const location of previous.locationIds) removeFrom(this.byLocation, location, slot);
    this.practitioners.delete(slot);
    for (const licence of previous.licences) removeFrom(this.byLicence, licence, slot);
    if (next?.haystack !== previous.haystack) this.trigrams.remove(slot, previous.haystack);
  }
}
