import type { StaffDirectory } from "@staffroom/core";
import { memoryWorld } from "@staffroom/core/fixtures";
import { expect, within } from "storybook/test";
import { withLatency } from "./story-helpers";

// The loading and load-error states every widget over the directory has, written once: each story
// file spreads them and names only what differs (its world, its error text).

/** What a state story gives its widget: the directory to render over. */
interface Loaded {
  readonly directory: StaffDirectory;
}

/**
 * A story whose directory never answers: the widget shows its "Loading…" status.
 *
 * @example export const Loading: Story = loadingStory(settingsWorld);
 */
export function loadingStory(world: () => Promise<{ readonly owner: StaffDirectory }>) {
  return {
    loaders: [
      async (): Promise<Loaded> => ({
        directory: withLatency((await world()).owner, Number.POSITIVE_INFINITY),
      }),
    ],
    play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
      await expect(await within(canvasElement).findByRole("status")).toHaveTextContent("Loading…");
    },
  };
}

/**
 * A story whose session's user no longer exists: core answers an error, the widget shows `text`
 * and offers a retry.
 *
 * @example export const ErrorState: Story = loadErrorStory("The roles could not be loaded.");
 */
export function loadErrorStory(text: string) {
  return {
    loaders: [
      async (): Promise<Loaded> => {
        const world = await memoryWorld();
        return { directory: world.as("usr_0000000000deleted") as StaffDirectory };
      },
    ],
    play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
      const canvas = within(canvasElement);
      await expect(await canvas.findByText(text)).toBeInTheDocument();
      await expect(canvas.getByRole("button", { name: "Try again" })).toBeInTheDocument();
    },
  };
}
