import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
  // Drivers are optional peers: the store never imports them, it is handed an instance.
  external: ["@staffroom/core", "pg", "@electric-sql/pglite"],
});
