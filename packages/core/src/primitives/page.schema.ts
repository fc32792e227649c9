/**
 * A page of results with the total count of matches (ignoring the cursor) and the cursor of the
 * next page, or null on the last page.
 *
 * @example { items: [...], total: 1234, nextCursor: "eyJ…" }
 */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly nextCursor: string | null;
}
