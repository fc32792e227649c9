import type { DirectoryAuth, StaffDirectory } from "@staffroom/core";
import { type ReactNode, useMemo, useState } from "react";
import { englishMessages, type MessageOverrides, mergeMessages } from "../messages/messages";
import { createQueryCache, type QueryCache } from "../query/query-cache";
import { type Density, StaffroomContext, type StaffroomContextValue, type Theme } from "./context";

/** Props of {@link StaffroomProvider}. */
export interface StaffroomProviderProps {
  /** The directory of the signed-in actor (`directory.forActor(actor)` or `restDirectory(…)`). */
  readonly directory?: StaffDirectory;
  /** The account side, for SignInForm, AcceptInvitation and the password screens. */
  readonly auth?: DirectoryAuth;
  /** Overrides of any visible string (English by default), or a whole bundle such as `spanishMessages`. */
  readonly messages?: MessageOverrides;
  /** Colour scheme. Default `light`. */
  readonly theme?: Theme;
  /** Spacing. Default `comfortable`. */
  readonly density?: Density;
  /**
   * BCP 47 locale of the widgets: dates and numbers are formatted in it, and it is the `lang` of
   * their root (so screen readers pronounce them right). It does not pick the words: pass the
   * matching bundle as `messages` (`spanishMessages` for `es-US`). Default `en-US`.
   */
  readonly locale?: string;
  /** Where dialogs and menus render (for hosts with their own stacking context). Default document.body. */
  readonly portalContainer?: HTMLElement | null;
  /** A query cache to share between providers or inspect in tests. Default: one per directory. */
  readonly cache?: QueryCache;
  /** Extra class names for the root element. */
  readonly className?: string;
  readonly children?: ReactNode;
}

/**
 * Gives widgets their directory, strings, theme and query cache. Renders one `div.sr-root` that
 * scopes the CSS custom properties of `@staffroom/react/styles.css`; it adds no global styles.
 *
 * @example
 * import "@staffroom/react/styles.css";
 * <StaffroomProvider directory={directory.forActor(actor)} theme="dark">
 *   <UserDirectory />
 * </StaffroomProvider>
 */
export function StaffroomProvider(props: StaffroomProviderProps): ReactNode {
  const {
    directory = null,
    auth = null,
    messages,
    theme = "light",
    density = "comfortable",
    locale = "en-US",
    portalContainer = null,
    cache: givenCache,
    className,
    children,
  } = props;
  const [ownCaches] = useState(() => new WeakMap<object, QueryCache>());
  const cacheOwner = directory ?? auth ?? ownCaches;
  const cache = useMemo(() => {
    if (givenCache) return givenCache;
    let made = ownCaches.get(cacheOwner);
    if (!made) {
      made = createQueryCache();
      ownCaches.set(cacheOwner, made);
    }
    return made;
  }, [givenCache, cacheOwner, ownCaches]);
  const merged = useMemo(() => mergeMessages(englishMessages, messages), [messages]);
  const value = useMemo<StaffroomContextValue>(
    () => ({ directory, auth, messages: merged, cache, theme, density, locale, portalContainer, className }),
    [directory, auth, merged, cache, theme, density, locale, portalContainer, className],
  );
  return (
    <StaffroomContext.Provider value={value}>
      <div
        className={className ? `sr-root ${className}` : "sr-root"}
        lang={locale}
        data-theme={theme}
        data-density={density}
      >
        {children}
      </div>
    </StaffroomContext.Provider>
  );
}
