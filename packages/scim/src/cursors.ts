/**
 * Where pages of users start, remembered per process: SCIM pages by `startIndex`, core by cursor,
 * so a client reading page after page (Okta's import: startIndex 1, 101, 201 …) would otherwise
 * make each request walk every page before its own. After answering a page the handler keeps the
 * cursor of the position that follows; the next request starts there. A cursor grants nothing
 * (core re-runs it with the caller's permissions and checks it is the same query), entries are
 * keyed by token, expire after 10 minutes, and at most 2 000 are kept. A miss (another server
 * instance, an expired entry, a random jump) walks core's pages, 200 users at a time.
 *
 * @example const cursors = new PageCursors(); cursors.set("ptk_…|active|100", "eyJ…");
 */
export class PageCursors {
  private readonly entries = new Map<string, { cursor: string; until: number }>();

  constructor(
    private readonly max = 2000,
    private readonly ttlMs = 600_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.until < this.now()) return null;
    this.entries.set(key, entry);
    return entry.cursor;
  }

  set(key: string, cursor: string): void {
    this.entries.delete(key);
    this.entries.set(key, { cursor, until: this.now() + this.ttlMs });
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
