// Timings of the real UserDirectory over 10 000 seeded users, in headless Chromium, from the built
// Storybook story "Widgets/UserDirectory › Ten Thousand Users" (memory world: seededWorld({ users: 12,
// bulkUsers: 10_000 }) in the story's loader). Needs `pnpm build-storybook` at the repository root;
// bench/run.mjs calls measureTimings() and skips it (with a note) when storybook-static is missing.
//
// Per run (one fresh page load each, RUNS runs, bounded by TIME_BUDGET_MS):
//  1. first render: from the moment Storybook enters its "rendering" phase (after the loader has
//     seeded the 10 000 users, so seeding is excluded; the story's React tree is mounted right after)
//     to the first `.sr-table tbody tr` painted (MutationObserver, then requestAnimationFrame + a
//     task, i.e. after the next frame was produced).
//  2. keystroke: after the story's play function has finished, focus the search box and press one
//     key; from the keydown event's timestamp to the table showing the filtered result (range label
//     total differs from the unfiltered total, table not aria-busy) painted (same rAF + task).
//     Includes the story's 250 ms search debounce; the figure without it is reported beside.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";

export const STORYBOOK_ROOT = path.resolve(import.meta.dirname, "../../../storybook-static");
const STORY = "widgets-userdirectory--ten-thousand-users";
const DEBOUNCE_MS = 250; // the story's searchDebounceMs arg
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TIME_BUDGET_MS = Number(process.env.BENCH_TIME_BUDGET_MS ?? 180_000);
const KEY = "q";

const types = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
};

function serve(root) {
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

// Runs in the page before any script: marks Storybook's render phases by wrapping the preview
// channel's emit as soon as the preview assigns window.__STORYBOOK_ADDONS_CHANNEL__ (the
// storyRenderPhaseChanged events are emitted synchronously as each phase starts).
function initScript() {
  let channel;
  Object.defineProperty(window, "__STORYBOOK_ADDONS_CHANNEL__", {
    configurable: true,
    get: () => channel,
    set: (value) => {
      channel = value;
      const emit = value.emit.bind(value);
      value.emit = (name, ...args) => {
        const phase = name === "storyRenderPhaseChanged" ? args[0]?.newPhase : undefined;
        if (phase && !performance.getEntriesByName(`sb:${phase}`).length) performance.mark(`sb:${phase}`);
        return emit(name, ...args);
      };
    },
  });
  const afterPaint = (name) => requestAnimationFrame(() => setTimeout(() => performance.mark(name), 0));
  const observer = new MutationObserver(() => {
    if (document.querySelector(".sr-table tbody tr")) {
      observer.disconnect();
      afterPaint("rows-painted");
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

// Runs in the page: press happens from Playwright; resolves with the keystroke-to-paint figure.
function armKeystroke(timeoutMs) {
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

export async function measureTimings() {
  const { chromium } = await import("playwright-core");
  const server = await serve(STORYBOOK_ROOT);
  const url = `http://127.0.0.1:${server.address().port}/iframe.html?id=${STORY}&viewMode=story`;
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
  const firstRender = [];
  const keystroke = [];
  const started = Date.now();
  let detail = "";
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
    await context.addInitScript(initScript);
    // One warm-up load (HTTP and compile caches), not counted.
    for (let i = -1; i < RUNS && Date.now() - started < TIME_BUDGET_MS; i++) {
      const page = await context.newPage();
      try {
        await page.goto(url);
        await page.waitForFunction(() => performance.getEntriesByName("rows-painted").length > 0, null, {
          timeout: 60_000,
        });
        await page.waitForFunction(
          () =>
            performance.getEntriesByName("sb:completed").length +
              performance.getEntriesByName("sb:errored").length >
            0,
          null,
          { timeout: 60_000 },
        );
        const fr = await page.evaluate(() => {
          const [r] = performance.getEntriesByName("sb:rendering");
          const [p] = performance.getEntriesByName("rows-painted");
          return r && p ? p.startTime - r.startTime : Number.NaN;
        });
        // Let the play function's last page load settle before typing.
        await page.waitForTimeout(300);
        const result = page.evaluate(armKeystroke, 10_000);
        await page.waitForFunction(() => window.__srArmed === true);
        await page.keyboard.press(KEY);
        const ks = await result;
        detail = `"${KEY}": ${ks.unfiltered} → ${ks.filtered} users`;
        if (i >= 0) {
          firstRender.push(fr);
          keystroke.push(ks.ms);
        }
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (!firstRender.length) throw new Error("no run completed within the time budget");
  return {
    runs: firstRender.length,
    detail,
    firstRender: {
      median: median(firstRender),
      min: Math.min(...firstRender),
      max: Math.max(...firstRender),
    },
    keystroke: { median: median(keystroke), min: Math.min(...keystroke), max: Math.max(...keystroke) },
    debounceMs: DEBOUNCE_MS,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await measureTimings());
