// Bundle size of the whole widget kit as a host app would ship it: every export of @staffroom/react
// with its dependencies (core, Radix, TanStack Table, react-hook-form, zod/mini, immer), minified and
// gzipped, React and React DOM excluded. Run `pnpm build` first (turbo's bench task does).
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { measureTimings } from "./timings.mjs";

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
async function size(contents) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: "js" },
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
  return { min: code.length, gzip: gzipSync(code).length };
}

// The whole kit is the budgeted figure (60 kB min+gzip); the slices show what a host that embeds
// only some widgets ships (esbuild drops the rest: the package has no side effects).
const slices = [
  ["whole kit (every export)", 'export * from "./dist/index.js";'],
  ["UserDirectory + its dialogs", 'export { StaffroomProvider, UserDirectory } from "./dist/index.js";'],
  [
    "account screens",
    'export { StaffroomProvider, SignInForm, AcceptInvitation, ChangePasswordForm, ForgotPasswordForm, ResetPasswordForm } from "./dist/index.js";',
  ],
];
console.log(`| ${"bundle (deps included, React excluded)".padEnd(40)} | min      | min+gzip | budget |`);
for (const [name, contents] of slices) {
  const { min, gzip } = await size(contents);
  const verdict = name.startsWith("whole") ? (gzip <= 60 * 1024 ? "≤ 60 kB met" : "≤ 60 kB MISSED") : "—";
  console.log(`| ${name.padEnd(40)} | ${kb(min).padStart(8)} | ${kb(gzip).padStart(8)} | ${verdict} |`);
}

// Timings in headless Chromium of the real UserDirectory over 10 000 seeded users, on a production
// build of bench/page (bench/timings.mjs).
const t = await measureTimings();
const ms = (n) => `${n.toFixed(1)} ms`;
const row = (name, s, budget) =>
  `| ${name.padEnd(46)} | ${ms(s.median).padStart(7)} | ${`${ms(s.min)}–${ms(s.max)}`.padStart(13)} | ${budget.padEnd(6)} | ${s.median <= Number.parseInt(budget.slice(2), 10) ? "met" : "MISSED"} |`;
console.log(
  `UserDirectory, 10 000 seeded users, production build, headless Chromium, median of ${t.runs} runs (${t.detail})`,
);
console.log(`| ${"measure".padEnd(46)} | median  | ${"range".padEnd(13)} | budget | verdict |`);
console.log(row("first render (render() → first rows painted)", t.firstRender, "≤ 100"));
console.log(row("keystroke → filtered rows painted (no debounce)", t.keystroke, "≤ 50"));
