import type { Decorator, Preview } from "@storybook/react-vite";
import "../packages/react/src/styles.css";
import { withStoryLocale } from "../packages/react/src/testing/story-locale";
import { usageDescription } from "../packages/react/src/docs/usage-description";
import type { Density, Theme } from "../packages/react/src/provider/context";
import {
  actorDirectory,
  STORY_DEFAULT,
  type StoryActor,
  type StoryGlobals,
  StoryGlobalsProvider,
} from "../packages/react/src/testing/story-globals";

const themes: readonly Theme[] = ["light", "dark", "system"];
const densities: readonly Density[] = ["comfortable", "compact"];
const actors: Readonly<Record<StoryActor, string>> = {
  owner: "Owner (administrator, main contact)",
  clinicManager: "Clinic manager (two clinics)",
  readOnly: "Read-only staff",
};
const asStory = { value: STORY_DEFAULT, title: "As the story" };

/** One value of a toolbar global, or undefined when it is "as the story" (or unknown). */
function pick<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((v) => v === value);
}

/**
 * Applies the four toolbar globals to every story: the frames (StoryFrame, AuthFrame) read them
 * through StoryGlobalsProvider. The acting user is the same world's real user (owner, clinic
 * manager or read-only staff of the story's seeded world); a story without such a world says so
 * above the canvas instead of pretending.
 */
const withGlobals: Decorator = (Story, context) => {
  const { globals, loaded } = context;
  const actor = pick(globals.actor, Object.keys(actors) as StoryActor[]);
  const directory = actor ? actorDirectory(loaded, actor) : undefined;
  const theme = pick(globals.theme, themes);
  const density = pick(globals.density, densities);
  const value: StoryGlobals = {
    ...(theme ? { theme } : {}),
    ...(density ? { density } : {}),
    ...(directory ? { directory } : {}),
  };
  return (
    <StoryGlobalsProvider value={value}>
      {actor && !directory ? (
        <p
          role="note"
          style={{
            margin: 0,
            padding: "6px 24px",
            font: "13px sans-serif",
            background: "#fef3c7",
            color: "#78350f",
          }}
        >
          Acting user: this story has no {actors[actor].toLowerCase()} in its world (or holds its own
          directory on purpose), so it shows its own actor.
        </p>
      ) : null}
      <Story />
    </StoryGlobalsProvider>
  );
};

const preview: Preview = {
  // A docs page (props table from the JSDoc, the first story on top, a usage snippet) for every widget.
  tags: ["autodocs"],
  decorators: [withGlobals, withStoryLocale],
  globalTypes: {
    theme: {
      description: "Colour scheme of the widgets",
      toolbar: {
        title: "Theme",
        icon: "mirror",
        items: [asStory, ...themes.map((t) => ({ value: t, title: t[0]?.toUpperCase() + t.slice(1) }))],
        dynamicTitle: true,
      },
    },
    density: {
      description: "Row height and spacing",
      toolbar: {
        title: "Density",
        icon: "component",
        items: [asStory, ...densities.map((d) => ({ value: d, title: d[0]?.toUpperCase() + d.slice(1) }))],
        dynamicTitle: true,
      },
    },
    locale: {
      description: "Language of every visible string",
      toolbar: {
        title: "Locale",
        icon: "globe",
        // English messages, or the Spanish bundle with the es-US locale for dates and numbers
        // (withStoryLocale hands the frames the language).
        items: [
          { value: "en-US", title: "English" },
          { value: "es-US", title: "Español" },
        ],
        dynamicTitle: true,
      },
    },
    actor: {
      description: "The signed-in user the widgets act as (a real user of the story's world)",
      toolbar: {
        title: "Acting user",
        icon: "user",
        items: [asStory, ...Object.entries(actors).map(([value, title]) => ({ value, title }))],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: STORY_DEFAULT, density: STORY_DEFAULT, locale: "en-US", actor: STORY_DEFAULT },
  parameters: {
    // The frames pad themselves and paint the theme's background edge to edge.
    layout: "fullscreen",
    // axe runs on every story; any violation fails the story's test (and shows in the a11y panel).
    a11y: { test: "error" },
    controls: { expanded: true },
    viewport: {
      options: {
        phone: { name: "Phone 390", styles: { width: "390px", height: "844px" }, type: "mobile" },
        tablet: { name: "Tablet 768", styles: { width: "768px", height: "1024px" }, type: "tablet" },
        laptop: { name: "Laptop 1366", styles: { width: "1366px", height: "768px" }, type: "desktop" },
      },
    },
    docs: {
      toc: true,
      // The component's JSDoc on its docs page, each @example as a usage snippet.
      extractComponentDescription: (component: unknown) =>
        usageDescription(
          (component as { __docgenInfo?: { description?: string } } | undefined)?.__docgenInfo?.description ??
            "",
        ),
    },
    // The catalogue opens on Getting started; the docs pages first, then the widgets.
    options: {
      storySort: {
        order: [
          "Docs",
          ["Getting started", "Theming", "Messages and locales", "Accessibility", "Permissions"],
          "Widgets",
          "Dialogs",
          "Account",
          "States",
        ],
      },
    },
  },
};

export default preview;
