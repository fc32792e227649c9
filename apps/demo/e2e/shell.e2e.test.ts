import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { useDemo, WIRINGS } from "./support/demo";
import { onPage } from "./support/look";

/** GET with the path sent exactly as written (fetch would tidy `..` away before it left). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe.each(WIRINGS)("Shell (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);
  const other = wiring === "browser" ? "rest" : "browser";

  it("the Wiring control reloads the same page on the other wiring, and in-app links keep the wiring", async () => {
    const { page } = demo;
    await demo.open("/sign-in");
    const bar = page.getByRole("banner");
    const select = bar.getByLabel("Wiring", { exact: true });
    expect(await select.inputValue()).toBe(wiring);
    expect(await select.locator("option").allTextContents()).toEqual(["In-browser", "REST"]);

    const links = [
      ...(await page.getByRole("navigation", { name: "Settings" }).getByRole("link").all()),
      bar.getByRole("link", { name: "Mail", exact: true }),
    ];
    for (const link of links) {
      const href = (await link.getAttribute("href")) ?? "";
      expect(href.startsWith("/"), href).toBe(true);
      expect(new URL(href, demo.url).searchParams.get("wiring"), href).toBe(wiring);
    }

    await select.selectOption(other);
    await page.waitForURL((url) => url.searchParams.get("wiring") === other);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await onPage(page, "Sign in", 30_000);
    expect(await bar.getByLabel("Wiring", { exact: true }).inputValue()).toBe(other);
  });
});

describe("Demo server", () => {
  const demo = useDemo("rest");

  it("serves nothing outside the built app, however the path is written", async () => {
    const attempts = [
      "/../package.json",
      "/..%2fpackage.json",
      "/%2e%2e/%2e%2e/package.json",
      "/assets/..%2f..%2fpackage.json",
      "/..%5c..%5cpackage.json",
      "/../dist-server/server.js",
      "/%2e%2e/server/server.ts",
      "/.gitignore",
      "/%00",
    ];
    for (const path of attempts) {
      const { status, body } = await rawGet(demo.url, path);
      // Either a refusal or the app's own page (the SPA fallback) — never a file from outside dist/.
      const appPage = status === 200 && body.includes('<div id="root"></div>');
      expect(appPage || (status >= 400 && status < 500), `${path} answered ${status}`).toBe(true);
      expect(body, path).not.toContain("@staffroom/demo");
      expect(body, path).not.toContain("startDemoServer");
      expect(body, path).not.toContain("test-results");
    }
  });
});
