import type { StaffDirectory } from "@staffroom/core";
import { createContext, type ReactNode, useContext } from "react";
import type { Messages } from "../messages/messages";
import type { Density, Theme } from "../provider/context";

// Storybook's toolbar globals reach every story through this context: the decorator in
// .storybook/preview.tsx provides it, and the story frames (StoryFrame, AuthFrame) read it, so one
// story shows any theme, density, locale and acting user without a story per combination.

/** The acting users of the story worlds the toolbar can switch to. */
export type StoryActor = "owner" | "clinicManager" | "readOnly";

/** Storybook's "as the story says" value for every toolbar global. */
export const STORY_DEFAULT = "story";

/** What the toolbar globals override in a story frame; each field absent means "as the story says". */
export interface StoryGlobals {
  readonly theme?: Theme;
  readonly density?: Density;
  /** The locale's message bundle (the story's own overrides still apply on top). */
  readonly messages?: Messages;
  /** BCP 47 locale for dates and numbers. */
  readonly locale?: string;
  /** The chosen actor's directory in the story's own world. */
  readonly directory?: StaffDirectory;
}

const StoryGlobalsContext = createContext<StoryGlobals>({});

/**
 * Provides the toolbar's choices to the story frames below it. Default: no override.
 *
 * @example <StoryGlobalsProvider value={{ theme: "dark" }}><Story /></StoryGlobalsProvider>
 */
export function StoryGlobalsProvider({
  value,
  children,
}: {
  readonly value: StoryGlobals;
  readonly children: ReactNode;
}): ReactNode {
  return <StoryGlobalsContext.Provider value={value}>{children}</StoryGlobalsContext.Provider>;
}

/**
 * The toolbar's choices for this story; `{}` outside Storybook's decorator (unit tests).
 *
 * @example const { theme } = useStoryGlobals();
 */
export function useStoryGlobals(): StoryGlobals {
  return useContext(StoryGlobalsContext);
}

/** A world that can act as each toolbar actor: SeededWorld, SettingsWorld, SessionsWorld. */
interface ActorWorld {
  readonly owner: StaffDirectory;
  readonly clinicManager: StaffDirectory;
  readonly readOnly: StaffDirectory;
}

const held = new WeakSet<StaffDirectory>();

/**
 * Marks a directory a story deliberately holds (one that never answers, or answers late): the
 * toolbar's actor must not swap it for a live one, or a loading story would stop loading.
 *
 * @example return markHeld(wrapped);
 */
export function markHeld(directory: StaffDirectory): StaffDirectory {
  held.add(directory);
  return directory;
}

function isDirectory(value: unknown): value is StaffDirectory {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { me?: unknown }).me === "function" &&
    typeof (value as { users?: unknown }).users === "object"
  );
}

function isActorWorld(value: unknown): value is ActorWorld {
  if (typeof value !== "object" || value === null) return false;
  const world = value as Partial<Record<keyof ActorWorld, unknown>>;
  return isDirectory(world.owner) && isDirectory(world.clinicManager) && isDirectory(world.readOnly);
}

/**
 * The directory of `actor` in the world a story's loaders returned (`loaded.seeded`, or any loaded
 * value shaped like a seeded world): always a real user of that world, never a stand-in.
 * `undefined` when the story has no such world (account screens, a bare world with only its
 * owner) or holds its directory on purpose ({@link markHeld}).
 *
 * @example actorDirectory(context.loaded, "clinicManager") // seeded.clinicManager
 */
export function actorDirectory(loaded: unknown, actor: StoryActor): StaffDirectory | undefined {
  if (typeof loaded !== "object" || loaded === null) return undefined;
  const values = loaded as Record<string, unknown>;
  const own = values.directory;
  if (isDirectory(own) && held.has(own)) return undefined;
  const world = Object.values(values).find(isActorWorld);
  return world?.[actor];
}
