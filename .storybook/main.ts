import type { StorybookConfig } from "@storybook/react-vite";

// Stories seed their worlds with @staffroom/core/fixtures, which imports no test runner, so the
// Storybook UI build needs no stand-in for vitest.
const config: StorybookConfig = {
  stories: ["../packages/react/src/docs/*.mdx", "../packages/react/src/**/*.stories.@(ts|tsx)"],
  addons: ["@storybook/addon-docs", "@storybook/addon-a11y", "@storybook/addon-vitest"],
  framework: { name: "@storybook/react-vite", options: {} },
  core: { disableTelemetry: true },
};

export default config;
