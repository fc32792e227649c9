import { defineConfig } from "tsup";

// `pnpm start` runs the bundle: Node 20 does not run TypeScript itself.
export default defineConfig({
  entry: { main: "src/main.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  clean: true,
});
