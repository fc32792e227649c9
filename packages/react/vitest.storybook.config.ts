import path from "node:path";
import { fileURLToPath } from "node:url";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { chromiumArgs, chromiumPath } from "./vitest.shared.ts";

const dirname = path.dirname(fileURLToPath(import.meta.url));

// Every story is a test: it renders in headless Chromium, its play function runs, and axe
// (@storybook/addon-a11y, `a11y.test: "error"` in .storybook/preview.tsx) fails it on any violation.
export default defineConfig({
  plugins: [storybookTest({ configDir: path.join(dirname, "../../.storybook") })],
  test: {
    name: "storybook",
    testTimeout: 60_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
      instances: [{ browser: "chromium" }],
    },
  },
});
