import type { DirectoryAuth } from "@staffroom/core";
import type { ReactNode } from "react";
import { StaffroomProvider, type StaffroomProviderProps } from "../../provider/StaffroomProvider";
import { useStoryGlobals } from "../../testing/story-globals";
import { withStoryGlobals } from "../../testing/story-helpers";
import { useStoryLocaleProps } from "../../testing/story-locale";

/**
 * A story frame for the account screens: the provider over a DirectoryAuth, centred on a page, in
 * the language of Storybook's `locale` global (English by default). The toolbar's theme and
 * density override the story's own (nobody is signed in here, so the acting user does not apply).
 *
 * @example <AuthFrame auth={world.auth}><SignInForm onSignedIn={fn()} /></AuthFrame>
 */
export function AuthFrame({
  auth,
  children,
  ...props
}: Omit<StaffroomProviderProps, "children" | "auth"> & {
  readonly auth: DirectoryAuth;
  readonly children: ReactNode;
}): ReactNode {
  const language = useStoryLocaleProps(props.messages);
  const { directory: _actor, ...globals } = useStoryGlobals();
  return (
    <StaffroomProvider {...withStoryGlobals({ auth, ...props, ...language }, globals)}>
      <main
        style={{
          padding: 24,
          minHeight: "100vh",
          display: "grid",
          justifyItems: "center",
          alignContent: "start",
        }}
      >
        {children}
      </main>
    </StaffroomProvider>
  );
}

/**
 * The real DirectoryAuth with every call delayed by `ms` (Infinity: never answers), to show loading
 * states against the real core.
 *
 * @example authWithLatency(world.auth, Number.POSITIVE_INFINITY)
 */
export function authWithLatency(auth: DirectoryAuth, ms: number): DirectoryAuth {
  return new Proxy(auth, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          if (ms === Number.POSITIVE_INFINITY) return;
          setTimeout(() => {
            (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).then(resolve, reject);
          }, ms);
        });
    },
  });
}
