import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, beforeAll } from "vitest";
import { preloadDirectoryDialogs } from "../src/widgets/user-directory/lazy-dialogs";

afterEach(() => {
  cleanup();
});

// The directory loads its dialogs lazily, a moment after it mounts (lazy-dialogs.ts). In a browser
// that is a small chunk; here it is Vitest transforming Radix and the form on first import, which on
// a busy machine can outlast a findBy's wait. The tests are about the dialogs, so they start loaded;
// src/ui/lazy-component.test.tsx proves the lazy path itself.
beforeAll(() => preloadDirectoryDialogs());

// jsdom lacks a few browser APIs Radix uses for menus and dialogs.
if (!("ResizeObserver" in globalThis)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(globalThis, { ResizeObserver: ResizeObserverStub });
}
Object.assign(Element.prototype, {
  scrollIntoView() {},
  hasPointerCapture: () => false,
  setPointerCapture() {},
  releasePointerCapture() {},
});
