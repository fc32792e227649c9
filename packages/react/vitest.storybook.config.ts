import path from "node:path";
import { fileURLToPath } from "node:url";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { chromiumArgs, chromiumPath } from "./vitest.shared.ts";

const dirname = path.dirname(fileURLToPath(import.meta.url));

// Every story is a test: it renders in headless Chromium, its play function runs, axe
// (@storybook/addon-a11y, `a11y.test: "error"` in .storybook/preview.tsx) fails it on any violation,
// and test/visual.ts compares the page in light and dark with the reference PNGs in visual/.
export default defineConfig({
  plugins: [storybookTest({ configDir: path.join(dirname, "../../.storybook") })],
  test: {
    name: "storybook",
    testTimeout: 60_000,
    setupFiles: [path.join(dirname, "test/visual.ts")],
    // The screenshot matcher writes new references and diffs; addon-vitest turns writing off unless
    // asked (the servers listen on localhost only).
    api: { allowWrite: true },
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
        // Dates render in the page's time zone: pin it, so the references hold on any machine.
        contextOptions: { timezoneId: "UTC", locale: "en-US", colorScheme: "light", deviceScaleFactor: 1 },
      }),
      instances: [{ browser: "chromium" }],
      expect: {
        toMatchScreenshot: {
          comparatorName: "pixelmatch",
          // Anti-aliased pixels are ignored (pixelmatch's default); beyond them at most 0.02 % of
          // the page may differ (~220 px at 1200 × 900): less than one changed word.
          comparatorOptions: { threshold: 0.1, allowedMismatchedPixelRatio: 0.0002 },
          // One flat folder of references, named by story id and theme, committed with the stories.
          resolveScreenshotPath: ({ arg, ext }) => path.join(dirname, "visual", `${arg}${ext}`),
          resolveDiffPath: ({ arg, ext, attachmentsDir }) =>
            path.resolve(dirname, attachmentsDir, "visual-diffs", `${arg}${ext}`),
        },
      },
    },
  },
});
