import type { Preview } from "@storybook/react-vite";
import "../packages/react/src/styles.css";

const preview: Preview = {
  parameters: {
    layout: "padded",
    // axe runs on every story; any violation fails the story's test (and shows in the a11y panel).
    a11y: { test: "error" },
    controls: { expanded: true },
  },
};

export default preview;
