/** Shortest search term the trigram index answers (3); shorter terms are verified by substring. @example "smi".length >= TRIGRAM */
export const TRIGRAM = 3;

const EMPTY: ReadonlySet<number> = new Set();

/**
 * Key of the trigram of `text` at `i`: a small integer when its three UTF-16 code units are below
 * 1024 (Latin scripts — no string is allocated), else the substring itself.
 */
function gramKey(text: string, i: number): number | string {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  const c = text.charCodeAt(i + 2);
  return a < 1024 && b < 1024 && c < 1024 ? (a << 20) | (b << 10) | c : text.slice(i, i + TRIGRAM);
}

/**
 * An n-gram (trigram) index from search text to user slots: posting sets per trigram. A term of ≥ 3
 * characters can only be a substring of texts that contain every one of its trigrams, so the
 * smallest posting set of the term's trigrams is a small superset of its matches, to verify.
 *
 * @example
 * const index = new TrigramIndex();
 * index.add(0, "jane smith");
 * index.candidates("smi"); // Set { 0 }
 */
export class TrigramIndex {
  private readonly postings = new Map<number | string, Set<number>>();

  /** Indexes `slot` under every trigram of `text`. */
  add(slot: number, text: string): void {
    for (let i = 0; i + TRIGRAM <= text.length; i++) {
      const gram = gramKey(text, i);
      let set = this.postings.get(gram);
      if (!set) {
        set = new Set();
        this.postings.set(gram, set);
      }
      set.add(slot);
    }
  }

  /** Removes `slot` from the trigrams of `text` (the text it was added with). */
  remove(slot: number, text: string): void {
    for (let i = 0; i + TRIGRAM <= text.length; i++) {
      const gram = gramKey(text, i);
      const set = this.postings.get(gram);
      if (set?.delete(slot) && set.size === 0) this.postings.delete(gram);
    }
  }

  /**
   * The smallest posting set among the trigrams of `term` — a superset of the slots whose text
   * contains `term`; empty when some trigram is indexed nowhere — or null when `term` is shorter
   * than {@link TRIGRAM} and the index cannot help.
   */
  candidates(term: string): ReadonlySet<number> | null {
    if (term.length < TRIGRAM) return null;
    let best: ReadonlySet<number> | null = null;
    for (let i = 0; i + TRIGRAM <= term.length; i++) {
      const set = this.postings.get(gramKey(term, i));
      if (!set) return EMPTY;
      if (best === null || set.size < best.size) best = set;
    }
    return best;
  }

  /** Number of distinct trigrams indexed. */
  get size(): number {
    return this.postings.size;
  }
}
