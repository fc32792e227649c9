import { defineConfig } from "vitest/config";
// Vitest 5's reporters need Map.groupBy, which Node 20 lacks (see core/vitest.node20.ts).
import "../../packages/core/vitest.node20.ts";

// The end-to-end suite: each file starts its own demo server and headless Chromium, so two files can
// run side by side (the machine has two cores; most of a test is waiting on the page, not CPU).
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    globalSetup: ["e2e/support/global-setup.ts"],
    maxWorkers: 2,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
    // A step that waits on the page may meet a busy machine (CI has two cores): polls get room.
    expect: { poll: { timeout: 20_000 } },
  },
});
