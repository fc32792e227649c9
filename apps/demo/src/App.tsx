import { StaffroomProvider, spanishMessages } from "@staffroom/react";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { type DemoBackend, loadBackend } from "./backend/backend";
import { renderRoute } from "./routes";
import { useAppLocation } from "./routing/router";
import { PAGE_WIRING } from "./routing/wiring";
import { SessionProvider, useSession } from "./session/session";
import { AppearanceProvider, type Language, useAppearance } from "./shell/appearance";
import { Notice, Pending } from "./shell/PageHeader";
import { SideNav } from "./shell/SideNav";
import { TopBar } from "./shell/TopBar";

/** The element keyboard and screen-reader users land on when a page opens: its `<h1>`, else the main region. */
function pageStart(): HTMLElement | null {
  return document.querySelector<HTMLElement>("main h1") ?? document.querySelector<HTMLElement>("main");
}

/**
 * The shell around every page: a skip link, banner, side navigation, main region. After an in-app
 * navigation, focus moves to the new page's heading (as a page load would put it at the top),
 * unless the person already moved it somewhere inside the page.
 */
function Shell({ children }: { readonly children: ReactNode }): ReactNode {
  const { pathname } = useAppLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect is the page change itself
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const active = document.activeElement;
    const left =
      !active ||
      active === document.body ||
      !active.isConnected ||
      active.closest(".app-nav, .app-bar") !== null;
    if (left) pageStart()?.focus({ preventScroll: true });
  }, [pathname]);
  return (
    <div className="app">
      <a href="#main" className="app-skip">
        Skip to main content
      </a>
      <TopBar />
      <div className="app-body">
        <SideNav />
        <main className="app-main" id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}

/** The provider props of a language: its locale for dates and numbers, and its words. */
function languageProps(language: Language) {
  return language === "es-US" ? { locale: language, messages: spanishMessages } : { locale: language };
}

/** The routed page inside the widgets' provider, which holds the session's directory and the account side. */
function Routed({ backend }: { readonly backend: DemoBackend }): ReactNode {
  const { state } = useSession();
  const { pathname } = useAppLocation();
  const { theme, density, language } = useAppearance();
  const directory = state.status === "signed-in" ? state.directory : null;
  return (
    <StaffroomProvider
      auth={backend.auth}
      theme={theme}
      density={density}
      {...languageProps(language)}
      {...(directory ? { directory } : {})}
    >
      <Shell>{renderRoute(pathname, backend)}</Shell>
    </StaffroomProvider>
  );
}

type BootState =
  | { readonly phase: "loading"; readonly done: number; readonly total: number }
  | { readonly phase: "ready"; readonly backend: DemoBackend }
  | { readonly phase: "failed"; readonly message: string };

// One backend per page: React's development double effects must not seed twice.
let booting: Promise<DemoBackend> | null = null;

/**
 * The demo app: builds the wiring's backend once (the in-browser one seeds a whole directory, with
 * progress), then runs the shell over it, in the theme and density the top bar keeps. The rest of
 * the app never asks which wiring it is on.
 *
 * @example createRoot(root).render(<App />);
 */
export function App(): ReactNode {
  return (
    <AppearanceProvider>
      <Boot />
    </AppearanceProvider>
  );
}

/** Builds the backend (with progress), then hands it to the session and the shell. */
function Boot(): ReactNode {
  const { theme, density, language } = useAppearance();
  const [boot, setBoot] = useState<BootState>({ phase: "loading", done: 0, total: 0 });
  useEffect(() => {
    booting ??= loadBackend(PAGE_WIRING, (done, total) => setBoot({ phase: "loading", done, total }));
    booting.then(
      (backend) => setBoot({ phase: "ready", backend }),
      (error: unknown) => {
        console.error(error);
        setBoot({ phase: "failed", message: error instanceof Error ? error.message : String(error) });
      },
    );
  }, []);

  if (boot.phase === "ready") {
    return (
      <SessionProvider backend={boot.backend}>
        <Routed backend={boot.backend} />
      </SessionProvider>
    );
  }
  return (
    <StaffroomProvider theme={theme} density={density} {...languageProps(language)}>
      <div className="app">
        <div className="app-boot">
          {boot.phase === "failed" ? (
            <Notice tone="warning" title="The demo could not start">
              {boot.message}
            </Notice>
          ) : (
            <Pending>
              {PAGE_WIRING === "browser"
                ? `Seeding the in-browser directory${
                    boot.total > 0 ? `: ${Math.round((100 * boot.done) / boot.total)} %` : "…"
                  }`
                : "Loading Harbor EHR…"}
            </Pending>
          )}
        </div>
      </div>
    </StaffroomProvider>
  );
}
