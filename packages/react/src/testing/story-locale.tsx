import { createContext, type ReactElement, type ReactNode, useContext } from "react";
import { spanishMessages } from "../messages/es";
import { type MessageOverrides, mergeMessages } from "../messages/messages";

/** The languages the stories render in: English (the default) and Spanish. */
export type StoryLocale = "en-US" | "es-US";

/** @internal The language the story frames render in, set by {@link withStoryLocale}. */
const StoryLocaleContext = createContext<StoryLocale>("en-US");

/**
 * Reads Storybook's `locale` global (the toolbar, or a test's `initialGlobals`) into the story
 * frames. Anything but "es-US" is English.
 *
 * @example const preview: Preview = { decorators: [withStoryLocale] };
 */
export function withStoryLocale(
  Story: () => ReactNode,
  context: { readonly globals: Readonly<Record<string, unknown>> },
): ReactElement {
  const locale: StoryLocale = context.globals.locale === "es-US" ? "es-US" : "en-US";
  return (
    <StoryLocaleContext.Provider value={locale}>
      <Story />
    </StoryLocaleContext.Provider>
  );
}

/**
 * The provider props of the story's language: its locale and, in Spanish, the Spanish bundle with
 * the story's own overrides on top. English: the story's overrides as given.
 *
 * @example <StaffroomProvider directory={d} {...useStoryLocaleProps(props.messages)}>
 */
export function useStoryLocaleProps(overrides: MessageOverrides | undefined): {
  readonly locale: StoryLocale;
  readonly messages?: MessageOverrides;
} {
  const locale = useContext(StoryLocaleContext);
  if (locale === "en-US") return overrides ? { locale, messages: overrides } : { locale };
  return { locale, messages: mergeMessages(spanishMessages, overrides) };
}

/**
 * A host's own words in a story (a link it passes, a message prop), in the story's language: what
 * a Spanish host would pass. Widgets never use this; their words come from the messages.
 *
 * @example const text = useStoryText("Forgot your password?", "¿Olvidó su contraseña?");
 */
export function useStoryText(en: string, es: string): string {
  return useContext(StoryLocaleContext) === "es-US" ? es : en;
}

/**
 * {@link useStoryText} as an element, for host content passed as a node.
 *
 * @example forgotPassword: <a href="#forgot"><Say en="Forgot your password?" es="¿Olvidó su contraseña?" /></a>
 */
export function Say({ en, es }: { readonly en: string; readonly es: string }): ReactNode {
  return useStoryText(en, es);
}
