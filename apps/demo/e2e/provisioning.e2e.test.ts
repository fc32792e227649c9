import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { olive } from "./support/accounts";
import { useDemo } from "./support/demo";
import { field, gone, message, see } from "./support/look";
import { goTo } from "./support/navigation";
import { signInAs } from "./support/session";
import { dialogTitled } from "./support/users-page";

const tokens = (page: Page) => page.getByRole("main").getByRole("table", { name: "Provisioning tokens" });

// SCIM is served by the demo server: the REST wiring only (the in-browser wiring has no server).
describe("Provisioning (REST wiring)", () => {
  const demo = useDemo("rest");

  it("R15 an administrator creates a token (its secret shown once), an identity provider creates a user with it over SCIM, the user and the token's activity show; a revoked token is refused", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Provisioning");
    await see(page.getByText("No tokens yet", { exact: true }));
    await expect.poll(() => field(page, "SCIM endpoint").inputValue()).toBe(`${demo.url}/scim/v2`);

    await page.getByRole("button", { name: "New token", exact: true }).click();
    const create = dialogTitled(page, "New provisioning token");
    await field(create, "Name").fill("Okta");
    await create.getByRole("button", { name: "Create token", exact: true }).click();
    const shown = dialogTitled(page, "Copy the token now");
    const secret = await field(shown, "Token").inputValue();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await shown.getByRole("button", { name: "Done", exact: true }).click();
    await gone(shown);
    await see(tokens(page).getByRole("rowheader", { name: "Okta", exact: true }));
    await expect.poll(() => page.getByRole("main").textContent()).not.toContain(secret);

    // Defaults, so that people the identity provider creates have a role and a clinic.
    await field(page, "Default role").selectOption({ label: "Read-only Staff" });
    await field(page, "Default locations").selectOption({ label: "Downtown Clinic" });
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await see(message(page, "Provisioning settings saved."));

    const scim = (path: string, init: RequestInit = {}, token = secret) =>
      fetch(`${demo.url}/scim/v2${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" },
      });
    const created = await scim("/Users", {
      method: "POST",
      body: JSON.stringify({
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
        userName: "idris.bello@harbor.example",
        name: { givenName: "Idris", familyName: "Bello" },
      }),
    });
    expect(created.status).toBe(201);

    await page.reload();
    await see(page.getByRole("list", { name: "Recent provisioning activity" }).getByText(/Idris Bello/));
    await goTo(page, "Users");
    await see(page.getByRole("main").getByText("Idris Bello", { exact: true }));

    await goTo(page, "Provisioning");
    await tokens(page).getByRole("button", { name: "Revoke Okta", exact: true }).click();
    const confirm = dialogTitled(page, "Revoke Okta?");
    await confirm.getByRole("button", { name: "Revoke token", exact: true }).click();
    await see(message(page, "Okta was revoked."));
    expect((await scim("/Users")).status).toBe(401);
  });
});
