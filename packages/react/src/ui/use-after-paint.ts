import { useEffect, useState } from "react";
import { hashKey } from "../query/query-key";

/**
 * The value as it was on the last painted frame: a change shows here only after the frame that
 * follows it has been painted (`requestAnimationFrame`, then a task). The first value is immediate.
 * For work that must not delay what the change is for — the directory's tab counts, which scan
 * the same users again, wait for the filtered page to be on screen (keystroke → paint, bench/).
 * Values are compared by their query hash, so a new object with the same content changes nothing.
 *
 * @example const shownCounts = useAfterPaint(countQuery);
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  const changed = hashKey([value]) !== hashKey([shown]);
  useEffect(() => {
    if (!changed) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      timer = setTimeout(() => setShown(value), 0);
    };
    // Without frames (a DOM without rendering), a task is the nearest "after".
    if (typeof requestAnimationFrame !== "function") {
      later();
      return () => clearTimeout(timer);
    }
    const frame = requestAnimationFrame(later);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [changed, value]);
  return shown;
}
