import { useEffect, useState } from "react";

/**
 * The value, once it has stopped changing for `ms` milliseconds; with `ms` ≤ 0, the value itself
 * in the same render (no effect and second render per keystroke).
 *
 * @example const search = useDebounced(input, 250);
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  // When the delay itself changes, the value of that render counts as settled (React's "adjust
  // state while rendering" pattern), so turning a debounce on never shows a stale value.
  const [delay, setDelay] = useState(ms);
  if (delay !== ms) {
    setDelay(ms);
    setSettled(value);
  }
  useEffect(() => {
    if (ms <= 0) return;
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return ms <= 0 ? value : settled;
}
