import { useCallback, useRef, useState } from "react";

/** Options of {@link useControllable}. */
export interface ControllableOptions<T> {
  /** The value when the host controls it; `undefined` leaves it to the component. */
  readonly value: T | undefined;
  /** The first value when uncontrolled. */
  readonly defaultValue: T;
  /** Told of every change, controlled or not. */
  readonly onChange: ((value: T) => void) | undefined;
}

/**
 * One piece of state a host may control (`value` + `onChange`) or leave to the component
 * (`defaultValue`), as Radix primitives do. The setter takes a value or an updater of the current
 * value, and is stable across renders.
 *
 * @example const [status, setStatus] = useControllable({ value: props.status, defaultValue: "active", onChange: props.onStatusChange });
 */
export function useControllable<T>({
  value,
  defaultValue,
  onChange,
}: ControllableOptions<T>): [T, (next: T | ((current: T) => T)) => void] {
  const [own, setOwn] = useState(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : own;
  // The setter reads the latest value and callback through refs, so it never changes identity.
  const latest = useRef({ current, controlled, onChange });
  latest.current = { current, controlled, onChange };
  const set = useCallback((next: T | ((current: T) => T)) => {
    const { current: before, controlled: isControlled, onChange: notify } = latest.current;
    const resolved = typeof next === "function" ? (next as (current: T) => T)(before) : next;
    if (Object.is(resolved, before)) return;
    // Two updates in one event (a tab change also clears the page) each see the one before.
    latest.current = { ...latest.current, current: resolved };
    if (!isControlled) setOwn(resolved);
    notify?.(resolved);
  }, []);
  return [current, set];
}
