import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { type DemoServer, resetDemoServer, startBuiltDemoServer } from "./demo-server";
import { saveScreenshot } from "./screenshots";

/** The two ways the demo app reaches its directory (the `?wiring=` query parameter). */
export type Wiring = "browser" | "rest";

/** Both wirings, in the order each workflow runs in. */
export const WIRINGS: readonly Wiring[] = ["browser", "rest"];

/** Debian's Chromium unless CHROMIUM_PATH points elsewhere (nothing downloads a browser here). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The flags of /work/shared/STACK.md, the same list packages/react/vitest.shared.ts uses. */
export const chromiumArgs: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** How long one step (a click, a field, a row appearing) may take before the test fails. */
const STEP_TIMEOUT_MS = 20_000;
/** The first load of the in-browser wiring seeds a whole directory in the page. */
const FIRST_LOAD_TIMEOUT_MS = 30_000;

// One server and one Chromium per test file, shared by the file's describe blocks (each file runs in
// its own worker and module scope, so two files in parallel never share a server's state).
let shared: Promise<{ server: DemoServer; browser: Browser }> | null = null;
let sharedUsers: number | null = null;
let holders = 0;

async function acquire(extraUsers: number): Promise<{ server: DemoServer; browser: Browser }> {
  if (sharedUsers !== null && sharedUsers !== extraUsers) {
    throw new Error("Every useDemo() of one test file must ask for the same number of extra users.");
  }
  holders++;
  sharedUsers = extraUsers;
  shared ??= Promise.all([
    startBuiltDemoServer({ users: extraUsers }),
    chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] }),
  ]).then(([server, browser]) => ({ server, browser }));
  return shared;
}

async function release(): Promise<void> {
  holders--;
  if (holders > 0 || !shared) return;
  const { server, browser } = await shared;
  shared = null;
  sharedUsers = null;
  await Promise.all([browser.close(), server.close()]);
}

/** Options of {@link useDemo}. */
export interface DemoOptions {
  /** Extra seeded users (the server's `--users N`; the in-browser wiring seeds as many). Default 0. */
  readonly users?: number;
  /** The browsers' IANA time zone (the viewer's zone the widgets show times in). Default "UTC". */
  readonly timezoneId?: string;
}

/** The test's browser, as {@link useDemo} hands it to a test. */
export interface Demo {
  readonly wiring: Wiring;
  /** The demo server's URL, without a trailing slash. */
  readonly url: string;
  /** The current test's page (a fresh browser context per test). */
  readonly page: Page;
  /**
   * Loads the app at `path` with this test's wiring. A full load: in the in-browser wiring it starts
   * again from the seed, so tests call it once and then move only through the app's own links.
   */
  open(path?: string): Promise<void>;
  /**
   * A second person's browser (its own cookies) on the same server. Only the REST wiring shares
   * state between two browsers; the in-browser wiring keeps its state inside one page.
   */
  secondPage(): Promise<Page>;
}

/** Where a path with the wiring parameter added points. */
function withWiring(path: string, wiring: Wiring): string {
  const url = new URL(path, "http://demo.invalid");
  url.searchParams.set("wiring", wiring);
  return `${url.pathname}${url.search}`;
}

/**
 * Registers the hooks of one wiring's tests: one demo server and one Chromium for the file, a fresh context and page per
 * test, the server's seed back before each REST test, a screenshot of the final state after each
 * test (passed or failed) under test-results/<wiring>/, and a failure when the page threw an
 * uncaught error or the server answered 5xx — a person would see those as a broken screen.
 * `options.users` seeds extra people (default none; the same for every call in one file).
 *
 * @example
 * describe.each(WIRINGS)("users, %s wiring", (wiring) => {
 *   const demo = useDemo(wiring);
 *   it("W6 …", async () => { await demo.open("/sign-in"); … });
 * });
 */
export function useDemo(wiring: Wiring, options: DemoOptions = {}): Demo {
  let url = "";
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let current: Page | undefined;
  let problems: string[] = [];

  const newPage = async (): Promise<Page> => {
    if (!browser) throw new Error("The browser did not start.");
    const context = await browser.newContext({
      baseURL: url,
      viewport: { width: 1280, height: 900 },
      locale: "en-US",
      timezoneId: options.timezoneId ?? "UTC",
      acceptDownloads: true,
    });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    contexts.push(context);
    const page = await context.newPage();
    page.on("pageerror", (error) => problems.push(`uncaught error in the page: ${error.message}`));
    page.on("response", (response) => {
      if (response.status() >= 500) problems.push(`${response.status()} from ${response.url()}`);
    });
    return page;
  };

  beforeAll(async () => {
    const started = await acquire(options.users ?? 0);
    browser = started.browser;
    url = started.server.url;
  });
  afterAll(async () => {
    browser = undefined;
    await release();
  });
  beforeEach(async () => {
    problems = [];
    if (wiring === "rest") await resetDemoServer(url);
    current = await newPage();
  });
  afterEach(async (context) => {
    const pages = contexts.flatMap((c) => c.pages());
    try {
      for (const [i, page] of pages.entries()) {
        await saveScreenshot(page, wiring, context.task.name, i === 0 ? "" : `browser-${i + 1}`);
      }
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
      contexts = [];
      current = undefined;
    }
    if (problems.length > 0) throw new Error(`The app misbehaved:\n${problems.join("\n")}`);
  });

  return {
    wiring,
    get url(): string {
      return url;
    },
    get page(): Page {
      if (!current) throw new Error("No page: use demo.page inside a test.");
      return current;
    },
    async open(path = "/sign-in") {
      const page = this.page;
      await page.goto(withWiring(path, wiring));
      await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: FIRST_LOAD_TIMEOUT_MS });
    },
    async secondPage() {
      const page = await newPage();
      await page.goto(withWiring("/sign-in", wiring));
      await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: FIRST_LOAD_TIMEOUT_MS });
      return page;
    },
  };
}
