import { defineConfig } from "vitest/config";
import "./vitest.node20.ts";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.mjs"],
    testTimeout: 30_000,
  },
});
