import { ROLE_TEMPLATES } from "@staffroom/core";
import {
  CLINIC_NAMES,
  FAMILY_NAMES,
  GIVEN_NAMES,
  LOCATION_GROUPS,
  LOCATION_NAMES,
  PROVIDER_TYPES,
  STAFF_JOB_TITLES,
  TITLE_PROFILES,
} from "@staffroom/core/fixtures";
import { composeStories } from "@storybook/react-vite";
import { act, cleanup, render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import preview from "../../../../.storybook/preview";
import type { StoryLocale } from "../testing/story-locale";
import { spanishMessages } from "./es";
import { englishMessages } from "./messages";

// "No visible string escapes the messages": every story renders in English and in Spanish (the
// `locale` global, as Storybook's toolbar sets it), and any text identical in both is an escape —
// a hard-coded English string or an untranslated Spanish one — unless it is data (a seeded name, an
// email, a number, a date, a code) or one of the few words both languages spell the same.

type StoryModule = Record<string, unknown>;
const modules = import.meta.glob<StoryModule>("../**/*.stories.tsx", { eager: true });

/**
 * The words Spanish spells as English does, reviewed one by one ("Roles" is the Spanish plural of
 * "rol"). A string is allowed to look the same in both only when it is listed here.
 */
const SAME_IN_BOTH = new Set<string>(["No", "NPI", "Roles", "Tokens", "Token", "General", "Hash", "—"]);

/** Every plain string of a bundle, by its path ("directory.columns.name"). */
function strings(bundle: unknown, path = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof bundle === "string") out.set(path, bundle);
  else if (bundle && typeof bundle === "object")
    for (const [key, value] of Object.entries(bundle))
      for (const [p, v] of strings(value, path ? `${path}.${key}` : key)) out.set(p, v);
  return out;
}

/**
 * The worlds' data as the stories show it: core's fixture names, locations, job titles and provider
 * types, core's role templates (a role's name and description are the organization's data), and
 * the few records the story files seed by hand. A widget string must never be added here to silence
 * the test: it belongs in the messages.
 */
const DATA = new Set<string>([
  ...CLINIC_NAMES,
  ...LOCATION_NAMES,
  ...LOCATION_GROUPS,
  ...STAFF_JOB_TITLES,
  ...TITLE_PROFILES.flatMap((p) => [p.title, ...p.jobTitles]),
  ...PROVIDER_TYPES,
  ...ROLE_TEMPLATES.flatMap((t) => [t.name, t.description]),
  // Seeded by the story files and their worlds (testing/*-world.ts, widgets/*/…-world.ts).
  "Clinic Manager",
  "Clinic manager",
  "Manages staff at their own clinics.",
  "Site Lead",
  "Nurse",
  "Scheduler",
  "Billing lead",
  "New hires",
  "Mobile app",
  "CXM triage",
  "Okta",
  "Old Entra ID trial",
]);
const NAME_PARTS = new Set<string>([...GIVEN_NAMES, ...FAMILY_NAMES]);

// Emails, URLs, numbers, dates and times, ids, initials and codes (NPI, taxonomy): never words.
const NOT_WORDS: readonly RegExp[] = [
  /^[^\s@]+@[^\s@]+$/,
  /^https?:\/\//,
  /^[\d\s.,:/+–—#%()-]*$/,
  /^\d{4}-\d\d-\d\d[ T][\d:.]+( UTC)?$/,
  /^NPI \d{10}$/,
  /^[A-Z]{1,4}$/,
  /^[0-9A-Z]{10}$/,
  /^[0-9a-f]{64}$/,
];

/**
 * A person's or a place's name, as data writes them: Title Case words (the messages are in sentence
 * case), or fixture names with a credential ("Jane Smith RN").
 */
function isName(text: string): boolean {
  const words = text.split(" ");
  if (words.every((w) => NAME_PARTS.has(w) || /^(MD|RN|NP|PT|PA|LPN|MA)$/.test(w))) return true;
  return words.length >= 2 && words.every((w) => /^(\p{Lu}[\p{L}'’.-]*|\d+)$/u.test(w));
}

/** Is this text (or each part of a list of names) data rather than words of the widgets? */
function isData(text: string): boolean {
  if (DATA.has(text)) return true;
  return text
    .split(/, | · /)
    .every(
      (part) =>
        DATA.has(part) ||
        isName(part) ||
        /^\d+$/.test(part) ||
        NOT_WORDS.some((pattern) => pattern.test(part)),
    );
}

function isWord(text: string): boolean {
  if (!/[A-Za-z]{2,}/.test(text)) return false;
  return !SAME_IN_BOTH.has(text) && !isData(text);
}

/**
 * Every visible or announced string on the page: text nodes and the labels read out instead. Text
 * marked `translate="no"` (HTML's own marker, here for a file's column names and cell values in the
 * import preview) is the host's data, not the kit's words.
 */
function pageText(): Set<string> {
  const out = new Set<string>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (
      (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest('[translate="no"]')
    )
      continue;
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement?.tagName;
      if (parent === "STYLE" || parent === "SCRIPT") continue;
      const text = node.textContent?.trim();
      if (text) out.add(text);
    } else {
      for (const name of ["aria-label", "placeholder", "title", "alt"]) {
        const text = (node as Element).getAttribute(name)?.trim();
        if (text) out.add(text);
      }
    }
  }
  return out;
}

/** Waits until the page stops changing (loaders answered, effects settled), at most ~3 s. */
async function settle(): Promise<void> {
  let last = "";
  let stable = 0;
  for (let i = 0; i < 60 && stable < 4; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    const now = document.body.innerHTML;
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}

async function renderIn(module: StoryModule, name: string, locale: StoryLocale): Promise<Set<string>> {
  const stories = composeStories(module as never, {
    ...preview,
    initialGlobals: { ...preview.initialGlobals, locale },
  }) as Record<string, { load: () => Promise<void> } & (() => React.ReactNode)>;
  const Story = stories[name];
  if (!Story) throw new Error(`no story ${name}`);
  await Story.load();
  render(<Story />);
  await settle();
  const text = pageText();
  cleanup();
  return text;
}

const cases = Object.entries(modules).flatMap(([file, module]) =>
  Object.keys(composeStories(module as never)).map(
    (name) => [file.replace(/^\.\.\//, ""), name, module] as const,
  ),
);

describe("no visible string escapes the messages", () => {
  it("the Spanish bundle translates every English string but the words both languages share", () => {
    const spanish = strings(spanishMessages);
    const untranslated = [...strings(englishMessages)].filter(
      ([path, text]) => spanish.get(path) === text && !SAME_IN_BOTH.has(text.trim()),
    );
    expect(untranslated).toEqual([]);
  });

  it.each(cases)("%s › %s shows no English word in Spanish", async (_file, name, module) => {
    const english = await renderIn(module, name, "en-US");
    const spanish = await renderIn(module, name, "es-US");
    const escapes = [...english].filter((text) => spanish.has(text) && isWord(text));
    expect(escapes, `English left in the Spanish render: ${JSON.stringify(escapes)}`).toEqual([]);
  });
});
