import { copyFileSync, mkdirSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

// Every source module is an ESM entry of its own (tests, stories and story worlds excepted), so
// dist/ keeps the modules apart and a host's bundler tree-shakes and code-splits them one by one:
// a widget pulls only its own modules (and strings), and the dialogs a widget loads with import()
// stay out of its first load. One bundled index.js would tie them together: a host's bundler
// cannot split inside a file, so the lazy dialogs' form code rode along with the directory.
const modules = ["src/**/*.{ts,tsx}", "!src/**/*.{test,stories}.{ts,tsx}", "!src/testing/**", "!src/**/*-world.ts"];

const shared: Options = {
  target: "es2022",
  treeshake: true,
  sourcemap: true,
  external: ["react", "react-dom", "react/jsx-runtime", "@staffroom/core"],
};

export default defineConfig([
  {
    ...shared,
    entry: modules,
    format: ["esm"],
    splitting: true,
    dts: { entry: { index: "src/index.ts" } },
    clean: true,
    async onSuccess() {
      mkdirSync("dist", { recursive: true });
      copyFileSync("src/styles.css", "dist/styles.css");
    },
  },
  // CommonJS consumers (Node, Jest) get one file, as before.
  { ...shared, entry: { index: "src/index.ts" }, format: ["cjs"], dts: { entry: { index: "src/index.ts" } } },
]);
