import { useEffect, useState } from "react";

/**
 * The value, once it has stopped changing for `ms` milliseconds.
 *
 * @example const search = useDebounced(input, 250);
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (ms <= 0) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
