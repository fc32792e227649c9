import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import "./vitest.shared.ts";

export default defineConfig({
  plugins: [react()],
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
    environment: "jsdom",
    setupFiles: ["./test/setup.ts"],
    testTimeout: 30_000,
  },
});
