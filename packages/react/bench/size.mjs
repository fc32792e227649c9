// Bundle size of the widget kit as a host app ships it, with budgets: every figure is esbuild over
// dist/ (run `pnpm build` first), minified, React and React DOM external, every other dependency
// included (core, Radix Dialog, TanStack Table, react-hook-form, zod/mini, immer), code-split like a
// host's bundler would. "initial" is what loads before anything is opened: the entry chunk and the
// chunks it imports statically, each gzipped on its own and summed. "on demand" is the chunks only
// reached through a dynamic import() (the directory's dialogs: they load when the directory mounts,
// after its first render, or when one opens).
//
// `node bench/size.mjs` prints the table and each slice's share per dependency (the analyzer);
// `--check` exits 1 when a figure exceeds its budget (the package's `test` script runs it, so CI
// fails); `--json` writes the figures into bench-results.json.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { writeResults } from "./results.mjs";

const PACKAGE = path.resolve(import.meta.dirname, "..");
const KB = 1024;

/**
 * The slices, their budgets (kB min+gzip, set at what this branch reaches plus a small margin) and
 * the issue's goal (#16). `baseline` is the same figure measured on main before #16 (e74262b, the
 * same machine, 2026-12-06), printed beside each run.
 */
export const SLICES = [
  {
    name: "whole kit, initial (every export)",
    entry: 'export * from "./dist/index.js";',
    measure: "initial",
    budget: 115,
    goal: 60,
    baseline: 113.8,
  },
  {
    name: "UserDirectory, initial",
    entry: 'export { StaffroomProvider, UserDirectory } from "./dist/index.js";',
    measure: "initial",
    budget: 92,
    goal: 45,
    baseline: 91.1,
  },
  {
    name: "UserDirectory + its dialogs (all chunks)",
    entry: 'export { StaffroomProvider, UserDirectory } from "./dist/index.js";',
    measure: "all",
    budget: 92,
    goal: 45,
    baseline: 91.1,
  },
  {
    name: "account screens, initial",
    entry:
      'export { StaffroomProvider, SignInForm, AcceptInvitation, ChangePasswordForm, ForgotPasswordForm, ResetPasswordForm } from "./dist/index.js";',
    measure: "initial",
    budget: 67,
    goal: undefined,
    baseline: 66.6,
  },
];

const virtual = (entries) => ({
  name: "virtual-entries",
  setup(b) {
    b.onResolve({ filter: /^slice:/ }, (args) => ({ path: args.path, namespace: "slice" }));
    b.onLoad({ filter: /.*/, namespace: "slice" }, (args) => ({
      contents: entries[args.path.slice("slice:".length)],
      resolveDir: PACKAGE,
      loader: "js",
    }));
  },
});

/** Bundles one slice; returns its initial and on-demand bytes and the share of each input. */
export async function measureSlice(entry) {
  const outdir = mkdtempSync(path.join(tmpdir(), "sr-size-"));
  try {
    const result = await build({
      entryPoints: { slice: "slice:0" },
      plugins: [virtual({ 0: entry })],
      bundle: true,
      splitting: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      outdir,
      write: false,
      metafile: true,
      external: ["react", "react-dom", "react/jsx-runtime"],
      define: { "process.env.NODE_ENV": '"production"' },
      logLevel: "silent",
    });
    const outputs = result.metafile.outputs;
    const files = new Map(result.outputFiles.map((f) => [path.relative(process.cwd(), f.path), f.contents]));
    const key = (p) => path.relative(process.cwd(), path.resolve(p));
    const entryOut = Object.keys(outputs).find((o) => outputs[o].entryPoint);
    // The entry and what it imports statically, transitively.
    const initial = new Set();
    const visit = (o) => {
      if (initial.has(o)) return;
      initial.add(o);
      for (const i of outputs[o].imports) if (i.kind === "import-statement" && outputs[i.path]) visit(i.path);
    };
    visit(entryOut);
    const sum = (names, pick) => names.reduce((n, o) => n + pick(o), 0);
    const min = (o) => files.get(key(o)).length;
    const gzip = (o) => gzipSync(files.get(key(o))).length;
    const all = Object.keys(outputs).filter((o) => o.endsWith(".js"));
    const shares = (names) => {
      const by = new Map();
      for (const o of names)
        for (const [input, { bytesInOutput }] of Object.entries(outputs[o].inputs)) {
          const owner = inputOwner(input);
          by.set(owner, (by.get(owner) ?? 0) + bytesInOutput);
        }
      return [...by].sort((a, b) => b[1] - a[1]);
    };
    return {
      initial: { min: sum([...initial], min), gzip: sum([...initial], gzip), shares: shares([...initial]) },
      all: { min: sum(all, min), gzip: sum(all, gzip), shares: shares(all) },
      chunks: all.length,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** A dependency's name, core's entry, or the kit's own module (dist is one file: "kit"). */
function inputOwner(input) {
  const pnpm = input.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (pnpm) return pnpm[1];
  if (input.includes("core/dist/")) return "@staffroom/core";
  return "kit (widgets, hooks, messages)";
}

const kb = (n) => `${(n / KB).toFixed(1)} kB`;

/** Measures every slice; prints the table (and the shares with `shares`). */
export async function measureSizes({ shares = false } = {}) {
  const rows = [];
  console.log(
    `| ${"bundle (deps included, React excluded)".padEnd(42)} | min      | min+gzip | baseline | budget  | goal   | verdict |`,
  );
  const cache = new Map();
  for (const slice of SLICES) {
    if (!cache.has(slice.entry)) cache.set(slice.entry, await measureSlice(slice.entry));
    const measured = cache.get(slice.entry)[slice.measure];
    const gz = measured.gzip / KB;
    const met = gz <= slice.budget;
    const goal = slice.goal === undefined ? "—" : `≤ ${slice.goal}`;
    const goalMet = slice.goal === undefined ? "" : gz <= slice.goal ? ", goal met" : ", goal missed";
    console.log(
      `| ${slice.name.padEnd(42)} | ${kb(measured.min).padStart(8)} | ${kb(measured.gzip).padStart(8)} | ${`${slice.baseline} kB`.padStart(8)} | ≤ ${String(slice.budget).padEnd(5)} | ${goal.padEnd(6)} | ${met ? "met" : "OVER"}${goalMet} |`,
    );
    rows.push({
      name: `size: ${slice.name}`,
      value: Number(gz.toFixed(1)),
      unit: "kB min+gzip",
      budget: slice.budget,
      met,
      goal: slice.goal ?? null,
      baseline: slice.baseline,
    });
  }
  if (shares) {
    for (const [entry, measured] of cache) {
      const name = SLICES.find((s) => s.entry === entry).name.replace(/,.*/, "");
      for (const part of ["initial", "all"]) {
        console.log(`\n${name}, ${part} — share of the minified bytes:`);
        for (const [owner, bytes] of measured[part].shares.slice(0, 14))
          console.log(
            `  ${kb(bytes).padStart(9)}  ${((100 * bytes) / measured[part].min).toFixed(0).padStart(3)}%  ${owner}`,
          );
      }
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await measureSizes({ shares: process.argv.includes("--shares") });
  if (process.argv.includes("--json")) writeResults(rows, "size");
  const over = rows.filter((r) => !r.met);
  if (process.argv.includes("--check") && over.length) {
    console.error(
      `size budget exceeded: ${over.map((r) => `${r.name} ${r.value} > ${r.budget} kB`).join("; ")}`,
    );
    process.exit(1);
  }
}
