// The Node 20 patch Vitest 5 needs (see core/vitest.node20.ts) loads with every config that imports this file.
import "../core/vitest.node20.ts";

/** Debian's Chromium unless CHROMIUM_PATH points elsewhere; nothing downloads a browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags for headless Chromium on CI machines. */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
