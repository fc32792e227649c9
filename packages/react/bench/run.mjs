// Bundle size of the whole widget kit as a host app would ship it: every export of @staffroom/react
// with its dependencies (core, Radix, TanStack Table, react-hook-form, zod/mini, immer), minified and
// gzipped, React and React DOM excluded. Run `pnpm build` first (turbo's bench task does).
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { measureTimings, STORYBOOK_ROOT } from "./timings.mjs";

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

// Timings in headless Chromium of the real UserDirectory over 10 000 seeded users (bench/timings.mjs),
// from the built Storybook (`pnpm build-storybook` at the repository root); skipped when it is missing.

if (!existsSync(STORYBOOK_ROOT)) {
  console.log(`timings skipped: ${STORYBOOK_ROOT} is missing (run pnpm build-storybook at the root)`);
} else {
  const t = await measureTimings();
  const ms = (n) => `${n.toFixed(0)} ms`;
  const row = (name, s, budget, figure = s.median) =>
    `| ${name.padEnd(52)} | ${ms(s.median).padStart(7)} | ${`${ms(s.min)}–${ms(s.max)}`.padStart(13)} | ${budget.padEnd(8)} | ${figure <= Number.parseInt(budget.slice(2), 10) ? "met" : "MISSED"} |`;
  const noDebounce = {
    median: t.keystroke.median - t.debounceMs,
    min: t.keystroke.min - t.debounceMs,
    max: t.keystroke.max - t.debounceMs,
  };
  console.log(
    `UserDirectory, 10 000 seeded users, headless Chromium, median of ${t.runs} runs (${t.detail})`,
  );
  console.log(`| ${"measure".padEnd(52)} | median  | ${"range".padEnd(13)} | budget   | verdict |`);
  console.log(row("first render (mount → first rows painted)", t.firstRender, "≤ 100"));
  console.log(
    row(`keystroke → filtered rows painted (incl. ${t.debounceMs} ms debounce)`, t.keystroke, "—", 0).replace(
      /\| (met|MISSED) \|$/,
      "| (raw) |",
    ),
  );
  console.log(row(`keystroke → filtered rows painted, minus debounce`, noDebounce, "≤ 50"));
}
