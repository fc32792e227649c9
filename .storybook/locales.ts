import { englishMessages, type Messages } from "../packages/react/src/messages/messages";

/** A language the toolbar's Locale menu offers: its message bundle and the BCP 47 locale for dates. */
export interface StoryLocale {
  readonly title: string;
  readonly locale: string;
  readonly messages: Messages;
}

/**
 * The toolbar's Locale menu, one entry per bundle. Every story renders in the chosen language
 * (its own message overrides still apply on top).
 */
export const storyLocales: Readonly<Record<string, StoryLocale>> = {
  en: { title: "English", locale: "en-US", messages: englishMessages },
  // SPANISH (issue 13 step 9, branch i13-locale) plugs in on the next line once `spanishMessages` is exported:
  // es: { title: "Español", locale: "es-ES", messages: spanishMessages },
};
