// Bundle size of the whole widget kit as a host app would ship it: every export of @staffroom/react
// with its dependencies (core, Radix, TanStack Table, react-hook-form, zod/mini, immer), minified and
// gzipped, React and React DOM excluded. Run `pnpm build` first (turbo's bench task does).
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { measureTimings } from "./timings.mjs";

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

// Timings in headless Chromium of the real UserDirectory over 10 000 seeded users, on a production
// build of bench/page (bench/timings.mjs).
const t = await measureTimings();
const ms = (n) => `${n.toFixed(0)} ms`;
const row = (name, s, budget) =>
  `| ${name.padEnd(46)} | ${ms(s.median).padStart(7)} | ${`${ms(s.min)}–${ms(s.max)}`.padStart(13)} | ${budget.padEnd(6)} | ${s.median <= Number.parseInt(budget.slice(2), 10) ? "met" : "MISSED"} |`;
console.log(
  `UserDirectory, 10 000 seeded users, production build, headless Chromium, median of ${t.runs} runs (${t.detail})`,
);
console.log(`| ${"measure".padEnd(46)} | median  | ${"range".padEnd(13)} | budget | verdict |`);
console.log(row("first render (render() → first rows painted)", t.firstRender, "≤ 100"));
console.log(row("keystroke → filtered rows painted (no debounce)", t.keystroke, "≤ 50"));
