import { type RefObject, useLayoutEffect, useState } from "react";

/**
 * Whether the element is narrower than `below` pixels — a container query in JavaScript, so a
 * widget can render another layout (not just restyle one) when its own box, not the window, is
 * narrow. Measured before paint and again on every resize. An element with no layout (width 0:
 * hidden, or a DOM without layout such as jsdom) counts as wide.
 *
 * @example const frame = useRef<HTMLDivElement>(null); const narrow = useNarrow(frame, 640);
 */
export function useNarrow(ref: RefObject<HTMLElement | null>, below: number): boolean {
  const [narrow, setNarrow] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const width = element.getBoundingClientRect().width;
      setNarrow(width > 0 && width < below);
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, below]);
  return narrow;
}
