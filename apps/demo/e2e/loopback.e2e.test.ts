import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, olive } from "./support/accounts";
import { useDemo } from "./support/demo";
import { onPage, see } from "./support/look";
import { signOut, submitSignIn } from "./support/session";

// The banner prints http://127.0.0.1:PORT, but people type http://localhost:PORT just as often: the
// demo is the same server under both names, so signing in (a POST the CSRF check guards) works there.
describe("The demo opened at http://localhost:PORT", () => {
  const demo = useDemo("rest");

  it("signs in and out at localhost, the REST wiring's POSTs accepted as same-origin", async () => {
    const { page } = demo;
    const local = new URL(demo.url);
    expect(local.hostname).toBe("127.0.0.1");
    local.hostname = "localhost";
    await page.goto(`${local.origin}/sign-in?wiring=rest`);
    await onPage(page, "Sign in", 30_000);

    const answer = page.waitForResponse((r) => r.url().endsWith("/api/auth/sign-in"));
    await submitSignIn(page, olive.email, DEMO_PASSWORD);
    expect((await answer).status()).toBe(200);
    const bar = page.getByRole("banner");
    await see(bar.getByText(olive.name, { exact: true }));
    expect(new URL(page.url()).host).toBe(local.host);

    await signOut(page);
  });
});
