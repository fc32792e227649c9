import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useDebounced } from "./use-debounced";

describe("useDebounced", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("gives the value once it has been still for the delay", () => {
    const { result, rerender } = renderHook(({ value }) => useDebounced(value, 250), {
      initialProps: { value: "" },
    });
    rerender({ value: "s" });
    act(() => vi.advanceTimersByTime(200));
    rerender({ value: "sm" });
    act(() => vi.advanceTimersByTime(200));
    expect(result.current).toBe("");
    act(() => vi.advanceTimersByTime(50));
    expect(result.current).toBe("sm");
  });

  it("with no delay, gives the value in the same render, in a single render", () => {
    let renders = 0;
    const { result, rerender } = renderHook(
      ({ value }) => {
        renders++;
        return useDebounced(value, 0);
      },
      { initialProps: { value: "" } },
    );
    const before = renders;
    rerender({ value: "q" });
    expect(result.current).toBe("q");
    expect(renders - before).toBe(1);
  });

  it("turning the delay on keeps the current value rather than an old one", () => {
    const { result, rerender } = renderHook(({ value, ms }) => useDebounced(value, ms), {
      initialProps: { value: "", ms: 0 },
    });
    rerender({ value: "smith", ms: 0 });
    rerender({ value: "smith", ms: 250 });
    expect(result.current).toBe("smith");
  });
});
