import type { StaffDirectory } from "@staffroom/core";
import type { ReactNode } from "react";
import { mergeMessages } from "../messages/messages";
import { StaffroomProvider, type StaffroomProviderProps } from "../provider/StaffroomProvider";
import { markHeld, type StoryGlobals, useStoryGlobals } from "./story-globals";
import { useStoryLocaleProps } from "./story-locale";

/**
 * The real directory with every call delayed by `ms` (Infinity: never answers), to show loading
 * states against the real core.
 *
 * @example withLatency(seeded.owner, 400)
 */
export function withLatency(directory: StaffDirectory, ms: number): StaffDirectory {
  const delay = <T,>(work: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (ms === Number.POSITIVE_INFINITY) return;
      setTimeout(() => work().then(resolve, reject), ms);
    });
  const wrap = <G extends object>(group: G): G =>
    new Proxy(group, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof value !== "function" || key === "actions") return value;
        return (...args: unknown[]) =>
          delay(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      },
    });
  return markHeld({
    ...directory,
    can: (p, t) => directory.can(p, t),
    me: () => delay(() => directory.me()),
    users: wrap(directory.users),
    roles: wrap(directory.roles),
    locations: wrap(directory.locations),
    organization: wrap(directory.organization),
    audit: wrap(directory.audit),
    sessions: wrap(directory.sessions),
    credentials: wrap(directory.credentials),
  });
}

/**
 * A frame's provider props with the toolbar's choices (useStoryGlobals) over the story's own: the
 * locale's messages underneath the story's own overrides, so a story's custom words stay.
 *
 * @example <StaffroomProvider {...withStoryGlobals(props, useStoryGlobals())} />
 */
export function withStoryGlobals<P extends Omit<StaffroomProviderProps, "children">>(
  props: P,
  globals: StoryGlobals,
): P {
  return {
    ...props,
    ...(globals.theme ? { theme: globals.theme } : {}),
    ...(globals.density ? { density: globals.density } : {}),
    ...(globals.locale ? { locale: globals.locale } : {}),
    ...(globals.messages ? { messages: mergeMessages(globals.messages, props.messages) } : {}),
    ...(globals.directory ? { directory: globals.directory } : {}),
  };
}

/**
 * A story frame: the provider over a directory, on a page-like background, in the language of
 * Storybook's `locale` global (English by default). The toolbar's theme, density and acting user
 * (.storybook/preview.tsx) override the story's own.
 *
 * @example <StoryFrame directory={seeded.owner}><UserDirectory /></StoryFrame>
 */
export function StoryFrame({
  directory,
  children,
  ...props
}: Omit<StaffroomProviderProps, "children" | "directory"> & {
  readonly directory: StaffDirectory;
  readonly children: ReactNode;
}): ReactNode {
  const language = useStoryLocaleProps(props.messages);
  const globals = useStoryGlobals();
  return (
    <StaffroomProvider {...withStoryGlobals({ directory, ...props, ...language }, globals)}>
      <main style={{ padding: 24, minHeight: "100vh" }}>{children}</main>
    </StaffroomProvider>
  );
}
