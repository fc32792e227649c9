// Timings of the real UserDirectory over 10 000 seeded users, in headless Chromium, on a production
// React build of bench/page (Vite, built into a temporary folder): no Storybook, no dev React, no axe.
//
// Per run (one fresh page load each, RUNS runs, bounded by TIME_BUDGET_MS):
//  1. first render: from the "seeded" mark (the memory world holds its 10 000 users; createRoot().
//     render() is called next) to the first `.sr-table tbody tr` painted (MutationObserver, then
//     requestAnimationFrame + a task, i.e. after the next frame was produced). It includes the first
//     users.list round trip through the real core.
//  2. keystroke: focus the search box and press one key; from the keydown event's timestamp to the
//     table showing the filtered result (range label total differs from the unfiltered total, table
//     not aria-busy) painted (same rAF + task). The page runs with searchDebounceMs = 0, so the figure
//     is the work itself; a host's debounce (the widget's default is 250 ms) adds to it.
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { BASELINE_REF, baselineSources } from "./baseline.mjs";

const PAGE_ROOT = path.resolve(import.meta.dirname, "page");
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TIME_BUDGET_MS = Number(process.env.BENCH_TIME_BUDGET_MS ?? 180_000);
const KEY = "q";
// The baseline (bench/baseline.mjs: main before #16) is measured in the same run, page load for page
// load interleaved with this tree's, so a busy machine slows both alike.

const types = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
};

export function serve(root) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Builds a bench page (production React); `minify: false` keeps function names for profiles. */
export async function buildPage(root = PAGE_ROOT, { minify = true } = {}) {
  const { build } = await import("vite");
  const { default: react } = await import("@vitejs/plugin-react");
  const outDir = mkdtempSync(path.join(tmpdir(), "sr-bench-page-"));
  await build({
    root,
    base: "./",
    mode: "production",
    logLevel: "error",
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: "es2022", minify, chunkSizeWarningLimit: 4096 },
  });
  return outDir;
}

// Runs in the page: press happens from Playwright; resolves with the keystroke-to-paint figure.
export function armKeystroke(timeoutMs) {
  const label = () =>
    [...document.querySelectorAll("[aria-live=polite]")]
      .map((e) => e.textContent ?? "")
      .find((t) => / of [\d,]+$/.test(t));
  const total = (t) => t?.match(/ of ([\d,]+)$/)?.[1];
  const unfiltered = total(label());
  const input = document.querySelector('input[type="search"]');
  input.focus();
  return new Promise((resolve, reject) => {
    let start = 0;
    const timer = setTimeout(() => reject(new Error("keystroke: no filtered result")), timeoutMs);
    input.addEventListener(
      "keydown",
      (e) => {
        start = e.timeStamp;
        performance.mark("keystroke-start");
      },
      { capture: true, once: true },
    );
    const check = () => {
      if (!start) return;
      const table = document.querySelector(".sr-table");
      const t = total(label());
      const done =
        (t && t !== unfiltered && table && !table.getAttribute("aria-busy")) ||
        document.querySelector(".sr-empty");
      if (!done) return;
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer);
          performance.mark("keystroke-painted");
          resolve({ ms: performance.now() - start, unfiltered, filtered: t ?? "0" });
        }, 0),
      );
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });
    window.__srArmed = true;
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Main-thread CPU time between two user timing marks: the difference of their thread timestamps
// (the trace's `tts`, which advances only while the thread runs). Unlike the wall-clock figures it
// hardly moves when other processes hold the CPU, so A/B comparisons on a shared machine stay
// readable. It leaves out the compositor, raster and GPU threads and the wait for the next frame.
function mainThreadCpu(trace, fromMark, toMark) {
  const events = JSON.parse(trace.toString()).traceEvents;
  const mark = (name) => events.find((e) => e.name === name && e.cat?.includes("blink.user_timing"));
  const from = mark(fromMark);
  const to = mark(toMark);
  return from?.tts !== undefined && to?.tts !== undefined && from.tid === to.tid
    ? (to.tts - from.tts) / 1000
    : Number.NaN;
}

// One page load, traced: the first-render and keystroke figures, wall clock and main-thread CPU.
async function measureOnce(browser, context, url) {
  const page = await context.newPage();
  try {
    await browser.startTracing(page, { categories: ["blink.user_timing"] });
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName("rows-painted").length > 0, null, {
      timeout: 60_000,
    });
    const fr = await page.evaluate(() => {
      const [r] = performance.getEntriesByName("seeded");
      const [p] = performance.getEntriesByName("rows-painted");
      return r && p ? p.startTime - r.startTime : Number.NaN;
    });
    // Let the first page's effects settle before typing.
    await page.waitForTimeout(300);
    const result = page.evaluate(armKeystroke, 10_000);
    await page.waitForFunction(() => window.__srArmed === true);
    await page.keyboard.press(KEY);
    const ks = await result;
    const trace = await browser.stopTracing();
    return {
      firstRender: fr,
      keystroke: ks.ms,
      firstRenderCpu: mainThreadCpu(trace, "seeded", "rows-painted"),
      keystrokeCpu: mainThreadCpu(trace, "keystroke-start", "keystroke-painted"),
      detail: `"${KEY}": ${ks.unfiltered} → ${ks.filtered} users`,
    };
  } finally {
    await page.close();
  }
}

const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

/**
 * Times this tree's directory page and, interleaved load for load, the baseline's (BASELINE_REF).
 * Returns `{ runs, detail, firstRender, keystroke, baseline: { ref, firstRender, keystroke } | null }`.
 */
export async function measureTimings() {
  const { chromium } = await import("playwright-core");
  const baselineDir = baselineSources();
  const baselineRoot = baselineDir ? path.join(baselineDir, "bench", "page") : null;
  const roots = [await buildPage()];
  if (baselineRoot) roots.push(await buildPage(baselineRoot));
  const servers = await Promise.all(roots.map(serve));
  const urls = servers.map((s) => `http://127.0.0.1:${s.address().port}/index.html`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const samples = urls.map(() => ({ firstRender: [], keystroke: [], firstRenderCpu: [], keystrokeCpu: [] }));
  const started = Date.now();
  let detail = "";
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
    // One warm-up load of each page (HTTP and compile caches), not counted.
    for (let i = -1; i < RUNS && Date.now() - started < TIME_BUDGET_MS; i++) {
      for (const [n, url] of urls.entries()) {
        const once = await measureOnce(browser, context, url);
        if (n === 0) detail = once.detail;
        if (i >= 0) for (const key of Object.keys(samples[n])) samples[n][key].push(once[key]);
      }
    }
  } finally {
    await browser.close();
    for (const s of servers) s.close();
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  }
  if (!samples[0].firstRender.length) throw new Error("no run completed within the time budget");
  const [own, base] = samples;
  return {
    runs: own.firstRender.length,
    detail,
    firstRender: stats(own.firstRender),
    keystroke: stats(own.keystroke),
    firstRenderCpu: stats(own.firstRenderCpu),
    keystrokeCpu: stats(own.keystrokeCpu),
    baseline: base?.firstRender.length
      ? {
          ref: BASELINE_REF,
          firstRender: stats(base.firstRender),
          keystroke: stats(base.keystroke),
          firstRenderCpu: stats(base.firstRenderCpu),
          keystrokeCpu: stats(base.keystrokeCpu),
        }
      : null,
    debounceMs: 0,
  };
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(await measureTimings(), null, 2));
