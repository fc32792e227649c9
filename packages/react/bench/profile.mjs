// Profiles the UserDirectory over 10 000 users (the bench page, production build, headless
// Chromium): one page load traced from render() to the first rows and through one keystroke to
// the filtered rows painted. Writes the trace, which Chromium's Performance panel opens (Load
// profile…), to bench/traces/user-directory-10k.trace.json.gz, and prints where the main thread's
// time went in each phase: self time by function (the CPU profile in the trace) and by trace event
// (script, style, layout, paint).
//
// `node bench/profile.mjs` (after `pnpm build` of core). BENCH_PROFILE_KEY picks the key (default q).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { armKeystroke, buildPage, serve } from "./timings.mjs";

const OUT = path.resolve(import.meta.dirname, "traces");
const KEY = process.env.BENCH_PROFILE_KEY ?? "q";

const { chromium } = await import("playwright-core");
const root = await buildPage(undefined, { minify: false });
const server = await serve(root);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
  await page.goto(`http://127.0.0.1:${server.address().port}/index.html?hold`);
  await page.waitForFunction(() => typeof window.__srGo === "function", null, { timeout: 60_000 });
  await browser.startTracing(page, {
    categories: [
      "devtools.timeline",
      "disabled-by-default-devtools.timeline",
      "disabled-by-default-devtools.timeline.frame",
      "v8.execute",
      "disabled-by-default-v8.cpu_profiler",
      "blink.user_timing",
      "latencyInfo",
    ],
  });
  await page.evaluate(() => {
    performance.mark("profile-render");
    window.__srGo();
  });
  await page.waitForFunction(() => performance.getEntriesByName("rows-painted").length > 0);
  await page.waitForTimeout(300);
  const result = page.evaluate(armKeystroke, 10_000);
  await page.waitForFunction(() => window.__srArmed === true);
  await page.evaluate(() => performance.mark("profile-keystroke"));
  await page.keyboard.press(KEY);
  const ks = await result;
  await page.evaluate(() => performance.mark("profile-done"));
  await page.waitForTimeout(100);
  const trace = await browser.stopTracing();
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, "user-directory-10k.trace.json.gz");
  writeFileSync(file, gzipSync(trace));
  console.log(
    `trace: ${path.relative(process.cwd(), file)} (keystroke "${KEY}": ${ks.ms.toFixed(1)} ms, ${ks.unfiltered} → ${ks.filtered})`,
  );
  summarize(JSON.parse(trace.toString()));
} finally {
  await browser.close();
  server.close();
  rmSync(root, { recursive: true, force: true });
}

function summarize(trace) {
  const events = trace.traceEvents ?? trace;
  const mark = (name) => events.find((e) => e.name === name && e.cat?.includes("blink.user_timing"))?.ts;
  const phases = [
    ["first render", mark("profile-render"), mark("rows-painted") ?? mark("profile-keystroke")],
    ["keystroke", mark("profile-keystroke"), mark("profile-done")],
  ];
  // Main thread: the renderer's CrRendererMain.
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const onMain = (e) => main && e.pid === main.pid && e.tid === main.tid;
  // The CPU profile: ProfileChunk events carry nodes and samples with time deltas.
  const nodes = new Map();
  const samples = [];
  for (const e of events) {
    if (e.name !== "ProfileChunk") continue;
    const p = e.args?.data?.cpuProfile;
    for (const n of p?.nodes ?? []) nodes.set(n.id, n);
    const t = e.args.data.timeDeltas ? null : 0;
    const deltas = e.args.data.timeDeltas ?? [];
    samples.push(...(p?.samples ?? []).map((id, i) => ({ id, dt: deltas[i] ?? 0 })));
    void t;
  }
  // Sample times: cumulative deltas from the Profile event's startTime.
  const start = events.find((e) => e.name === "Profile")?.args?.data?.startTime ?? 0;
  let ts = start;
  for (const s of samples) {
    ts += s.dt;
    s.ts = ts;
  }
  for (const [name, from, to] of phases) {
    if (!from || !to) continue;
    console.log(`\n${name}: ${((to - from) / 1000).toFixed(1)} ms from mark to mark`);
    const byEvent = new Map();
    for (const e of events) {
      if (!onMain(e) || e.ph !== "X" || e.ts < from || e.ts > to) continue;
      if (
        ![
          "FunctionCall",
          "EvaluateScript",
          "UpdateLayoutTree",
          "Layout",
          "Paint",
          "PrePaint",
          "Layerize",
          "HitTest",
          "ParseHTML",
          "MinorGC",
          "MajorGC",
          "RunMicrotasks",
          "EventDispatch",
          "TimerFire",
          "FireAnimationFrame",
          "Commit",
          "v8.compile",
          "v8.run",
        ].includes(e.name)
      )
        continue;
      byEvent.set(e.name, (byEvent.get(e.name) ?? 0) + (e.dur ?? 0));
    }
    console.log(
      `  main thread by event (inclusive, ms): ${[...byEvent]
        .sort((a, b) => b[1] - a[1])
        .map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`)
        .join(", ")}`,
    );
    const self = new Map();
    let total = 0;
    for (const s of samples) {
      if (s.ts < from || s.ts > to) continue;
      const n = nodes.get(s.id);
      if (!n) continue;
      const f = n.callFrame;
      const key = `${f.functionName || "(anonymous)"} ${f.url ? path.basename(f.url).replace(/-[\w-]{8}\.js$/, ".js") : ""}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + s.dt);
      total += s.dt;
    }
    console.log(`  CPU samples: ${(total / 1000).toFixed(1)} ms; top self time:`);
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 22))
      console.log(`    ${(v / 1000).toFixed(1).padStart(6)} ms  ${k}`);
  }
}
