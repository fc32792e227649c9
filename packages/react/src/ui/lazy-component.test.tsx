import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { lazyComponent } from "./lazy-component";

function Greeting({ name }: { readonly name: string }) {
  return <p>Hello {name}</p>;
}

/** A module load the test resolves or rejects by hand. */
function deferredLoad() {
  let resolve: () => void = () => {};
  let reject: (error: Error) => void = () => {};
  let calls = 0;
  const load = () => {
    calls += 1;
    return new Promise<typeof Greeting>((ok, fail) => {
      resolve = () => ok(Greeting);
      reject = fail;
    });
  };
  return { load, resolve: () => resolve(), reject: (e: Error) => reject(e), calls: () => calls };
}

describe("lazyComponent", () => {
  it("renders nothing until its module loads, then the component with its props", async () => {
    const d = deferredLoad();
    const Lazy = lazyComponent(d.load);
    render(<Lazy name="Ada" />);
    expect(screen.queryByText("Hello Ada")).not.toBeInTheDocument();
    await act(async () => d.resolve());
    expect(await screen.findByText("Hello Ada")).toBeInTheDocument();
  });

  it("after preload() renders in the same commit as the click that opens it, and loads once", async () => {
    const d = deferredLoad();
    const Lazy = lazyComponent(d.load);
    const loading = Lazy.preload();
    d.resolve();
    await loading;
    render(<Lazy name="Grace" />);
    // Synchronously: no Suspense fallback, no waiting.
    expect(screen.getByText("Hello Grace")).toBeInTheDocument();
    await Lazy.preload();
    expect(d.calls()).toBe(1);
  });

  it("a failed load rejects preload() and the next preload() tries again", async () => {
    const d = deferredLoad();
    const Lazy = lazyComponent(d.load);
    const first = Lazy.preload();
    d.reject(new Error("chunk failed"));
    await expect(first).rejects.toThrow("chunk failed");
    const second = Lazy.preload();
    d.resolve();
    await second;
    expect(d.calls()).toBe(2);
    render(<Lazy name="Linus" />);
    expect(screen.getByText("Hello Linus")).toBeInTheDocument();
  });
});
