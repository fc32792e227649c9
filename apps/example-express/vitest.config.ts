import { defineConfig } from "vitest/config";
import "../../packages/core/vitest.node20.ts";

export default defineConfig({
  test: { include: ["test/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 30_000 },
});
