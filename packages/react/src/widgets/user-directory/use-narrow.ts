import { type RefObject, useLayoutEffect, useState } from "react";
import { flushSync } from "react-dom";

/**
 * Whether the element is narrower than `below` pixels — a container query in JavaScript, so a
 * widget can render another layout (not just restyle one) when its own box, not the window, is
 * narrow. Read from a ResizeObserver, which reports after the browser's own layout: reading the
 * width in the commit (getBoundingClientRect) forced a layout of the whole fresh table first, the
 * largest single cost of the directory's first render (~60 ms of 10 000 users' first page,
 * bench/profile.mjs). The first report comes before that frame is painted and is applied
 * synchronously, so a narrow box never flashes the table. An element with no layout (width 0:
 * hidden, or a DOM without layout such as jsdom) counts as wide.
 *
 * @example const frame = useRef<HTMLDivElement>(null); const narrow = useNarrow(frame, 640);
 */
export function useNarrow(ref: RefObject<HTMLElement | null>, below: number): boolean {
  const [narrow, setNarrow] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    let first = true;
    let disposed = false;
    const observer = new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      const next = width > 0 && width < below;
      if (!first) {
        setNarrow(next);
        return;
      }
      first = false;
      // Before the first paint: render the right layout in this frame. The switch resizes the box
      // inside the observer's own callback, which browsers report as a "ResizeObserver loop" error;
      // so the box is watched again from the next frame.
      observer.unobserve(element);
      flushSync(() => setNarrow(next));
      requestAnimationFrame(() => {
        if (!disposed) observer.observe(element);
      });
    });
    observer.observe(element);
    return () => {
      disposed = true;
      observer.disconnect();
    };
  }, [ref, below]);
  return narrow;
}
