import { defineConfig } from "vitest/config";
// Vitest 5's reporters need Map.groupBy, which Node 20 lacks (see core/vitest.node20.ts).
import "../../packages/core/vitest.node20.ts";

// The demo's own unit and server tests (seed, server, CLI, mail links); the end-to-end suite has
// its own config (vitest.config.ts).
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "server/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
