import { defineConfig } from "tsup";

// The server's own files (and the seed it shares with the app) are bundled; workspace packages and
// node_modules stay external (tsup leaves every dependency of package.json out of the bundle).
export default defineConfig({
  entry: { main: "server/main.ts", server: "server/server.ts" },
  outDir: "dist-server",
  format: ["esm"],
  platform: "node",
  target: "node20",
  dts: { entry: { server: "server/server.ts" } },
  clean: true,
  sourcemap: true,
  splitting: true,
  tsconfig: "server/tsconfig.json",
});
