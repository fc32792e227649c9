// Visual regression for every story (issue 17): after a story's test has passed (render, play
// function, axe), the page is compared in light and in dark against the reference PNGs committed
// in packages/react/visual/. Loaded by vitest.storybook.config.ts only, never by Storybook itself.
// Update the references after a deliberate change: pnpm --filter @staffroom/react test:visual:update
import { afterEach, expect } from "vitest";
import { page } from "vitest/browser";

// What would make two runs differ without any change to the kit: animations and transitions caught
// mid-way, the blinking caret, and fonts a machine happens to have. DejaVu is what every Debian
// machine with Chromium from apt has (fontconfig depends on fonts-dejavu-core), so the references
// hold on a fresh CI machine; the kit's own font stack resolves to it there anyway.
const steady = document.createElement("style");
steady.dataset.visual = "steady";
steady.textContent = `
*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }
.sr-root { --sr-font: "DejaVu Sans", sans-serif; --sr-font-mono: "DejaVu Sans Mono", monospace; }
`;
document.head.append(steady);

/** Resolves once nothing in the document has changed for `quietMs` (a debounced search, a late answer). */
function settled(quietMs: number): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, quietMs);
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    function done() {
      observer.disconnect();
      resolve();
    }
  });
}

/** Two frames: styles recalculated and painted after the last change. */
function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/**
 * The page cut to one screen for the capture (what a person sees without scrolling): a 10 000-row
 * table would otherwise be a 4 500 px image, and the reference set would grow with every row.
 * Returns the undo.
 */
function oneScreen(): () => void {
  const html = document.documentElement;
  const before = [html.style.overflow, document.body.style.height, document.body.style.overflow];
  html.style.overflow = "hidden";
  document.body.style.height = "100vh";
  document.body.style.overflow = "hidden";
  return () => {
    [html.style.overflow, document.body.style.height, document.body.style.overflow] = before as [
      string,
      string,
      string,
    ];
  };
}

/** Every theme scope of the page (the provider's root and each portalled dialog or menu) set to `theme`. */
function setTheme(theme: "light" | "dark"): void {
  for (const scope of document.querySelectorAll<HTMLElement>(".sr-root[data-theme]")) {
    scope.dataset.theme = theme;
  }
}

/**
 * Hides the text of what is random by design — a secret shown once, a hash over salted data — named
 * by the story's `parameters.visual.mask` selectors: its box stays in the picture, its characters
 * do not. Returns the undo.
 */
function maskVolatile(selectors: readonly string[]): () => void {
  if (selectors.length === 0) return () => undefined;
  const style = document.createElement("style");
  const hidden = "color: transparent !important; -webkit-text-fill-color: transparent !important;";
  // A focused secret is selected (to copy it): selected text is painted in the selection's colours.
  const selected = selectors.map((s) => `${s}::selection`).join(", ");
  style.textContent = `${selectors.join(", ")} { ${hidden} } ${selected} { ${hidden} background: transparent !important; }`;
  document.head.append(style);
  return () => style.remove();
}

/** What addon-vitest puts on the test context: the composed story, with its parameters. */
interface StoryContext {
  readonly story?: { readonly parameters?: { readonly visual?: { readonly mask?: readonly string[] } } };
}

afterEach(async (context) => {
  const { task } = context;
  const storyId = (task.meta as { storyId?: string }).storyId;
  // A failed story has nothing worth comparing; its own error is the report.
  if (!storyId || task.result?.errors?.length) return;
  await document.fonts.ready;
  await settled(150);
  const undo = oneScreen();
  const unmask = maskVolatile((context as StoryContext).story?.parameters?.visual?.mask ?? []);
  try {
    for (const theme of ["light", "dark"] as const) {
      setTheme(theme);
      await painted();
      await expect.element(page.elementLocator(document.body)).toMatchScreenshot(`${storyId}-${theme}`);
    }
  } finally {
    unmask();
    undo();
  }
});
