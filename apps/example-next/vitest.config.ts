import { defineConfig } from "vitest/config";
import "../../packages/core/vitest.node20.ts";

export default defineConfig({
  test: { include: ["test/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 180_000 },
});
