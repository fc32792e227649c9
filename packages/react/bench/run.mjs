// Bundle size of the whole widget kit as a host app would ship it: every export of @staffroom/react
// with its dependencies (core, Radix, TanStack Table, react-hook-form, zod/mini, immer), minified and
// gzipped, React and React DOM excluded. Run `pnpm build` first (turbo's bench task does).
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const result = await build({
  stdin: { contents: 'export * from "./dist/index.js";', resolveDir: process.cwd(), loader: "js" },
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  write: false,
  external: ["react", "react-dom", "react/jsx-runtime"],
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "silent",
});
const code = result.outputFiles[0].contents;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log(
  `@staffroom/react bundle (all widgets, deps included, React excluded): ${kb(code.length)} min, ${kb(gzipSync(code).length)} min+gzip`,
);
