import type { Preview } from "@storybook/react-vite";
import "../packages/react/src/styles.css";
import { withStoryLocale } from "../packages/react/src/testing/story-locale";

const preview: Preview = {
  parameters: {
    layout: "padded",
    // axe runs on every story; any violation fails the story's test (and shows in the a11y panel).
    a11y: { test: "error" },
    controls: { expanded: true },
  },
  // The story frames render in the toolbar's language: English messages, or the Spanish bundle
  // with the es-US locale for dates and numbers.
  globalTypes: {
    locale: {
      description: "Language of the widgets",
      toolbar: {
        title: "Language",
        icon: "globe",
        items: [
          { value: "en-US", title: "English" },
          { value: "es-US", title: "Español" },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: "en-US" },
  decorators: [withStoryLocale],
};

export default preview;
