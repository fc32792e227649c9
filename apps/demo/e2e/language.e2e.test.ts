import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { olive } from "./support/accounts";
import { useDemo, WIRINGS } from "./support/demo";
import { field, gone, onPage, see } from "./support/look";
import { signInAs } from "./support/session";

// Issue 13 "should have": the top bar's Language (English / Español) puts every widget in the kit's
// Spanish bundle with the es-US locale — words, core's refusals, dates — and keeps the choice like
// the theme. The demo's own frame (its page titles, the top bar) stays in English.

const topBar = (page: Page) => page.getByRole("banner");
const languageControl = (page: Page) => topBar(page).getByLabel("Language", { exact: true });

/** Picks a language in the top bar's "Display" disclosure, then closes it. */
async function chooseLanguage(page: Page, language: "en-US" | "es-US"): Promise<void> {
  if (!(await languageControl(page).isVisible())) {
    await topBar(page).getByText("Display", { exact: true }).click();
  }
  await languageControl(page).selectOption(language);
  await expect.poll(() => languageControl(page).inputValue()).toBe(language);
  await page.keyboard.press("Escape");
  await gone(languageControl(page));
}

/** The language the widgets' root declares (the provider's `lang`, from its locale). */
const kitLanguage = (page: Page) => page.locator(".sr-root").first().getAttribute("lang");

// A table date as each locale writes it: "23 nov 2026" (es-US) and "Nov 23, 2026" (en-US).
const SPANISH_DATE = /^\d{1,2} (ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\.? \d{4}$/;
const ENGLISH_DATE = /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/;

describe.each(WIRINGS)("Language (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);

  it("Issue 13: Language › Español shows Users in Spanish — its words, core's refusals, es-US dates — is kept after a reload, and English comes back", async () => {
    const { page } = demo;
    await demo.open();
    await topBar(page).getByText("Display", { exact: true }).click();
    expect((await languageControl(page).locator("option").allTextContents()).map((t) => t.trim())).toEqual([
      "English",
      "Español",
    ]);
    await page.keyboard.press("Escape");
    await signInAs(page, olive);
    await onPage(page, "Users");
    await see(page.getByRole("table", { name: "Users" }));

    await chooseLanguage(page, "es-US");
    const table = page.getByRole("table", { name: "Usuarios" });
    await see(table);
    await see(page.getByRole("button", { name: "Nuevo usuario", exact: true }));
    await see(page.getByRole("tab", { name: /^Activos/ }));
    await see(table.getByRole("columnheader", { name: /Último inicio de sesión/ }));
    await gone(page.getByRole("button", { name: "New user", exact: true }));
    expect(await kitLanguage(page)).toBe("es-US");

    // Olive's own row: her last sign-in in es-US, and core's refusal of disabling herself in Spanish.
    await page.getByRole("searchbox", { name: "Buscar usuarios" }).fill(olive.email);
    const row = table.getByRole("row").filter({ hasText: olive.email });
    await expect.poll(() => table.getByRole("row").count()).toBe(2);
    const cells = (await row.getByRole("cell").allTextContents()).map((c) => c.trim());
    expect(cells.filter((c) => SPANISH_DATE.test(c))).not.toEqual([]);
    expect(cells.filter((c) => ENGLISH_DATE.test(c))).toEqual([]);
    await row.getByRole("button", { name: `Acciones para ${olive.name}` }).click();
    const menu = page.getByRole("menu");
    await see(menu);
    const refused = (await menu.locator('[role="menuitem"][aria-disabled="true"]').allTextContents()).map(
      (t) => t.replace(/\s+/g, " ").trim(),
    );
    expect(refused).toContain("Desactivar: No puede desactivarse a sí mismo.");
    expect(refused.join(" ")).not.toContain("You cannot");
    await page.keyboard.press("Escape");
    await gone(menu);

    // Kept like the theme: after a reload (the REST wiring keeps the session; the in-browser one
    // starts again from its seed, signed out) the widgets are still in Spanish…
    await demo.open();
    if (wiring === "rest") {
      await onPage(page, "Users");
      await see(page.getByRole("table", { name: "Usuarios" }));
      await topBar(page).getByRole("button", { name: "Sign out", exact: true }).click();
    }
    await onPage(page, "Sign in");
    expect(await kitLanguage(page)).toBe("es-US");
    // …the sign-in form too, and its refusal.
    const main = page.getByRole("main");
    await field(main, "Correo electrónico").fill(olive.email);
    await field(main, "Contraseña").fill("not the password");
    await main.getByRole("button", { name: "Iniciar sesión", exact: true }).click();
    await see(main.getByText("No pudimos iniciar su sesión"));

    // And back: English words and dates again.
    await chooseLanguage(page, "en-US");
    expect(await kitLanguage(page)).toBe("en-US");
    await see(main.getByRole("button", { name: "Sign in", exact: true }));
    await gone(main.getByRole("button", { name: "Iniciar sesión", exact: true }));
    await signInAs(page, olive);
    await onPage(page, "Users");
    await see(page.getByRole("table", { name: "Users" }));
    await see(page.getByRole("button", { name: "New user", exact: true }));
    await gone(page.getByRole("button", { name: "Nuevo usuario", exact: true }));
  });
});
