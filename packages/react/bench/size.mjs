// Bundle size of the widget kit as a host app ships it, with budgets: every figure is a Vite 8
// production build (Rolldown, minified) of a page importing dist/ (run `pnpm build` first), React
// and React DOM external, every other dependency included (core, Radix Dialog, TanStack Table,
// react-hook-form, zod/mini, immer), code-split as a Vite host's app is. "initial" is what loads before anything is opened: the entry chunk and the
// chunks it imports statically, each gzipped on its own and summed. "on demand" is the chunks only
// reached through a dynamic import() (the directory's dialogs: they load when the directory mounts,
// after its first render, or when one opens).
//
// `node bench/size.mjs` prints the table and each slice's share per dependency (the analyzer);
// `--check` exits 1 when a figure exceeds its budget (the package's `test` script runs it, so CI
// fails); `--json` writes the figures into bench-results.json.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { BASELINE_REF, baselineDist } from "./baseline.mjs";
import { writeResults } from "./results.mjs";

const PACKAGE = path.resolve(import.meta.dirname, "..");
const KB = 1024;

/**
 * Message bundles of other languages: a host imports the one it uses and passes it to the
 * provider, so they are no part of "the whole kit" a host ships; each is measured on its own.
 */
const LOCALE_BUNDLES = ["spanishMessages"];

/** `export { …every export but the locale bundles… } from "./dist/index.js"`, read from dist. */
function kitWithoutLocales() {
  const index = readFileSync(path.join(PACKAGE, "dist/index.js"), "utf8");
  const names = [...index.matchAll(/export \{([^}]*)\}/g)]
    .flatMap((m) => m[1].split(","))
    .map((part) =>
      part
        .trim()
        .split(/\s+as\s+/)
        .pop(),
    )
    .filter((name) => name && !LOCALE_BUNDLES.includes(name));
  return `export { ${names.join(", ")} } from "./dist/index.js";`;
}

/**
 * The slices, their budgets (kB min+gzip, set at what this branch reaches plus a small margin) and
 * the issue's goal (#16). The baseline (main before #16, bench/baseline.mjs) is built and measured
 * the same way in the same run and printed beside each figure.
 */
export const SLICES = [
  {
    name: "whole kit, initial (all but locale packs)",
    entry: kitWithoutLocales(),
    // The baseline had no locale bundle: every export of it.
    baselineEntry: 'export * from "./dist/index.js";',
    measure: "initial",
    budget: 131,
    goal: 60,
  },
  {
    name: "UserDirectory, initial",
    entry: 'export { StaffroomProvider, UserDirectory } from "./dist/index.js";',
    measure: "initial",
    budget: 46.5,
    goal: 45,
  },
  {
    name: "UserDirectory + its dialogs (all chunks)",
    entry: 'export { StaffroomProvider, UserDirectory } from "./dist/index.js";',
    measure: "all",
    budget: 98,
    goal: 45,
  },
  {
    name: "account screens, initial",
    entry:
      'export { StaffroomProvider, SignInForm, AcceptInvitation, ChangePasswordForm, ForgotPasswordForm, ResetPasswordForm } from "./dist/index.js";',
    measure: "initial",
    budget: 37.5,
    goal: undefined,
  },
  {
    name: "Spanish messages (opt-in bundle)",
    entry: 'export { spanishMessages } from "./dist/index.js";',
    baselineEntry: null,
    measure: "initial",
    budget: 18.5,
    goal: undefined,
  },
];

/**
 * Bundles one slice (`entry`: the page's module source) with Vite; returns its initial and
 * on-demand bytes and each input's share. `alias` maps `@staffroom/core` (the baseline's core).
 */
export async function measureSlice(entry, alias = {}) {
  const { build } = await import("vite");
  const result = await build({
    configFile: false,
    logLevel: "silent",
    root: PACKAGE,
    mode: "production",
    resolve: { alias },
    plugins: [
      {
        name: "slice",
        resolveId: (id) => (id === "virtual:slice" ? "\0slice" : null),
        load: (id) => (id === "\0slice" ? entry : null),
      },
    ],
    build: {
      write: false,
      minify: true,
      target: "es2022",
      rollupOptions: {
        input: "virtual:slice",
        external: ["react", "react-dom", "react/jsx-runtime"],
        preserveEntrySignatures: "exports-only",
      },
    },
  });
  const chunks = (Array.isArray(result) ? result : [result])
    .flatMap((r) => r.output)
    .filter((o) => o.type === "chunk");
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  // The entry and what it imports statically, transitively.
  const initial = new Set();
  const visit = (c) => {
    if (!c || initial.has(c)) return;
    initial.add(c);
    for (const i of c.imports) visit(byName.get(i));
  };
  visit(chunks.find((c) => c.isEntry));
  const measure = (list) => {
    const by = new Map();
    let rendered = 0;
    for (const c of list)
      for (const [id, { renderedLength }] of Object.entries(c.modules)) {
        const owner = inputOwner(id);
        by.set(owner, (by.get(owner) ?? 0) + renderedLength);
        rendered += renderedLength;
      }
    return {
      min: list.reduce((n, c) => n + Buffer.byteLength(c.code), 0),
      gzip: list.reduce((n, c) => n + gzipSync(c.code).length, 0),
      // Shares of the bytes before minification (Rolldown reports each module's rendered length).
      shares: [...by].sort((a, b) => b[1] - a[1]).map(([owner, bytes]) => [owner, bytes / rendered]),
    };
  };
  return { initial: measure([...initial]), all: measure(chunks), chunks: chunks.length };
}

/** A dependency's name, core's entry, or the kit's own module (dist is one file: "kit"). */
function inputOwner(input) {
  const pnpm = input.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (pnpm) return pnpm[1];
  if (
    /core\/(dist|src)\/|sr-bench-baseline\/[^/]+\/dist\/(?!index\.js)|core\/node_modules\/\.cache/.test(input)
  )
    return "@staffroom/core";
  return "kit (widgets, hooks, messages)";
}

const kb = (n) => `${(n / KB).toFixed(1)} kB`;

/**
 * Measures every slice, and the baseline's (BASELINE_REF) unless `baseline` is false; prints the
 * table (and the shares with `shares`).
 */
export async function measureSizes({ shares = false, baseline = true } = {}) {
  const rows = [];
  const base = baseline ? await baselineDist() : null;
  const baseCache = new Map();
  const baselineOf = async (slice) => {
    const entry = slice.baselineEntry === undefined ? slice.entry : slice.baselineEntry;
    if (!base || entry === null) return null;
    if (!baseCache.has(entry))
      baseCache.set(
        entry,
        await measureSlice(entry.replace("./dist/index.js", base.kit), {
          "@staffroom/core": base.core,
        }),
      );
    return baseCache.get(entry)[slice.measure].gzip / KB;
  };
  console.log(
    `| ${"bundle (deps included, React excluded)".padEnd(42)} | min      | min+gzip | ${`${BASELINE_REF || "baseline"}`.padEnd(8)} | budget  | goal   | verdict |`,
  );
  const cache = new Map();
  for (const slice of SLICES) {
    if (!cache.has(slice.entry)) cache.set(slice.entry, await measureSlice(slice.entry));
    const measured = cache.get(slice.entry)[slice.measure];
    const gz = measured.gzip / KB;
    const met = gz <= slice.budget;
    const goal = slice.goal === undefined ? "—" : `≤ ${slice.goal}`;
    const goalMet = slice.goal === undefined ? "" : gz <= slice.goal ? ", goal met" : ", goal missed";
    const before = await baselineOf(slice);
    console.log(
      `| ${slice.name.padEnd(42)} | ${kb(measured.min).padStart(8)} | ${kb(measured.gzip).padStart(8)} | ${(before === null ? "—" : kb(before * KB)).padStart(8)} | ≤ ${String(slice.budget).padEnd(5)} | ${goal.padEnd(6)} | ${met ? "met" : "OVER"}${goalMet} |`,
    );
    rows.push({
      name: `size: ${slice.name}`,
      value: Number(gz.toFixed(1)),
      unit: "kB min+gzip",
      budget: slice.budget,
      met,
      goal: slice.goal ?? null,
      baseline: before === null ? null : Number(before.toFixed(1)),
    });
  }
  if (shares) {
    for (const [entry, measured] of cache) {
      const name = SLICES.find((s) => s.entry === entry).name.replace(/,.*/, "");
      for (const part of ["initial", "all"]) {
        console.log(
          `\n${name}, ${part} — each input's share (of the bytes before minification, applied to the minified size):`,
        );
        for (const [owner, share] of measured[part].shares.slice(0, 14))
          console.log(
            `  ${kb(share * measured[part].min).padStart(9)}  ${(100 * share).toFixed(0).padStart(3)}%  ${owner}`,
          );
      }
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await measureSizes({
    shares: process.argv.includes("--shares"),
    // CI checks budgets only; building the baseline takes a while (cached after the first run).
    baseline: !process.argv.includes("--no-baseline"),
  });
  if (process.argv.includes("--json")) writeResults(rows, "size");
  const over = rows.filter((r) => !r.met);
  if (process.argv.includes("--check") && over.length) {
    console.error(
      `size budget exceeded: ${over.map((r) => `${r.name} ${r.value} > ${r.budget} kB`).join("; ")}`,
    );
    process.exit(1);
  }
}
