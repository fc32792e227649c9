import type { Density, Theme } from "@staffroom/react";
import {
  type ChangeEvent,
  createContext,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { NavIcon } from "./icons";

/** The widgets' language: English, or the kit's Spanish bundle (es-US). */
export type Language = "en-US" | "es-US";

/** How the demo looks: the kit's theme, density and language, which the demo's own frame follows. */
export interface Appearance {
  readonly theme: Theme;
  readonly density: Density;
  readonly language: Language;
}

/** The appearance and how to change it. */
export interface AppearanceApi extends Appearance {
  setTheme(theme: Theme): void;
  setDensity(density: Density): void;
  setLanguage(language: Language): void;
}

const THEMES: readonly { value: Theme; label: string }[] = [
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
  { value: "system", label: "System" },
];
const DENSITIES: readonly { value: Density; label: string }[] = [
  { value: "comfortable", label: "Comfortable" },
  { value: "compact", label: "Compact" },
];
// Each language named in itself, as a person looking for theirs expects.
const LANGUAGES: readonly { value: Language; label: string }[] = [
  { value: "en-US", label: "English" },
  { value: "es-US", label: "Español" },
];

/** Where the choices live in the browser (one origin: both wirings share them). */
export const APPEARANCE_KEYS = {
  theme: "harbor-ehr.theme",
  density: "harbor-ehr.density",
  language: "harbor-ehr.language",
} as const;

/** The demo's look before anyone chooses: the system's colours, the compact spacing an EHR uses. */
export const DEFAULT_APPEARANCE: Appearance = { theme: "system", density: "compact", language: "en-US" };

/** A stored choice if it is one of `options` (storage is the user's to edit), else `fallback`. */
function stored<T extends string>(key: string, options: readonly { value: T }[], fallback: T): T {
  let value: string | null = null;
  try {
    value = window.localStorage.getItem(key);
  } catch {
    // Storage refused (a privacy mode): the default, and choices last as long as the page.
  }
  return options.find((o) => o.value === value)?.value ?? fallback;
}

function remember(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // As above: the choice still applies to this page.
  }
}

const AppearanceContext = createContext<AppearanceApi | null>(null);

/**
 * Holds the demo's theme and density, read from and kept in localStorage, and marks `<html>` with
 * the theme (`data-theme`, `color-scheme`) so the page behind the app matches it.
 *
 * @example <AppearanceProvider><App /></AppearanceProvider>
 */
export function AppearanceProvider({ children }: { readonly children: ReactNode }): ReactNode {
  const [theme, setThemeState] = useState<Theme>(() =>
    stored(APPEARANCE_KEYS.theme, THEMES, DEFAULT_APPEARANCE.theme),
  );
  const [density, setDensityState] = useState<Density>(() =>
    stored(APPEARANCE_KEYS.density, DENSITIES, DEFAULT_APPEARANCE.density),
  );
  const [language, setLanguageState] = useState<Language>(() =>
    stored(APPEARANCE_KEYS.language, LANGUAGES, DEFAULT_APPEARANCE.language),
  );
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.style.colorScheme = theme === "system" ? "light dark" : theme;
  }, [theme]);
  const setTheme = useCallback((next: Theme) => {
    setThemeState(next);
    remember(APPEARANCE_KEYS.theme, next);
  }, []);
  const setDensity = useCallback((next: Density) => {
    setDensityState(next);
    remember(APPEARANCE_KEYS.density, next);
  }, []);
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    remember(APPEARANCE_KEYS.language, next);
  }, []);
  const api = useMemo(
    () => ({ theme, density, language, setTheme, setDensity, setLanguage }),
    [theme, density, language, setTheme, setDensity, setLanguage],
  );
  return <AppearanceContext.Provider value={api}>{children}</AppearanceContext.Provider>;
}

/**
 * The demo's appearance. Throws outside {@link AppearanceProvider}.
 *
 * @example const { theme, density } = useAppearance();
 */
export function useAppearance(): AppearanceApi {
  const value = useContext(AppearanceContext);
  if (!value) throw new Error("useAppearance must be used inside <AppearanceProvider>.");
  return value;
}

/** One labelled select of the top bar. */
function BarSelect<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  readonly label: string;
  readonly value: T;
  readonly options: readonly { value: T; label: string }[];
  readonly onChange: (value: T) => void;
}): ReactNode {
  const id = useId();
  const change = (event: ChangeEvent<HTMLSelectElement>) => {
    const next = options.find((o) => o.value === event.target.value);
    if (next) onChange(next.value);
  };
  return (
    <div className="app-bar-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={change}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The top bar's "Display" disclosure: "Theme" (Light, Dark, System), "Density" (Comfortable,
 * Compact) and "Language" (English, Español) — the kit's own `theme`, `density` and `locale` with
 * its messages, applied at once to every widget, dialog and menu (the theme to the demo's frame
 * too; the demo's own frame stays in English), and kept for the next visit. A disclosure keeps the bar on one line; it
 * closes with Escape (focus back on "Display") or a click elsewhere.
 *
 * @example <AppearanceControls />
 */
export function AppearanceControls(): ReactNode {
  const { theme, density, language, setTheme, setDensity, setLanguage } = useAppearance();
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      const box = details.current;
      if (box && !box.contains(event.target as Node)) box.open = false;
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);
  const closeOnEscape = (event: KeyboardEvent<HTMLDetailsElement>) => {
    const box = details.current;
    if (event.key !== "Escape" || !box?.open) return;
    box.open = false;
    box.querySelector("summary")?.focus();
  };
  return (
    <details
      ref={details}
      className="app-display"
      onToggle={(event) => setOpen(event.currentTarget.open)}
      onKeyDown={closeOnEscape}
    >
      <summary className="app-bar-link">
        <NavIcon name="display" />
        Display
      </summary>
      <div className="app-display-panel">
        <BarSelect label="Theme" value={theme} options={THEMES} onChange={setTheme} />
        <BarSelect label="Density" value={density} options={DENSITIES} onChange={setDensity} />
        <BarSelect label="Language" value={language} options={LANGUAGES} onChange={setLanguage} />
      </div>
    </details>
  );
}
