// Screenshots for the README, taken from the built Storybook in headless Chromium:
//   pnpm build-storybook (at the repository root), then node bench/screenshots.mjs
// Writes PNGs under docs/. CHROMIUM_PATH overrides /usr/bin/chromium; nothing downloads a browser.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { chromium } from "playwright-core";

const root = path.resolve(import.meta.dirname, "../../../storybook-static");
if (!existsSync(root)) throw new Error(`Build Storybook first: ${root} is missing`);
const types = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
};
const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  let file = path.join(root, decodeURIComponent(url.pathname));
  if (!file.startsWith(root)) return res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
  if (!existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = server.address().port;

const shots = [
  ["widgets-userdirectory--default", "user-directory.png"],
  ["widgets-userdirectory--dark", "user-directory-dark.png"],
  ["widgets-userdirectory--ten-thousand-users", "user-directory-10k.png"],
  ["dialogs-userformdialog--edit-provider", "user-form-dialog.png"],
  ["dialogs-resetpassworddialog--policy-error", "reset-password.png"],
  ["widgets-rolesmanager--default", "roles-manager.png"],
  ["widgets-locationsmanager--default", "locations-manager.png"],
  ["widgets-organizationsettings--default", "organization-settings.png"],
  ["widgets-audittrail--default", "audit-trail.png"],
  ["account-signinform--default", "sign-in.png"],
  ["account-changepasswordform--policy-error", "change-password.png"],
  ["widgets-sessionsmanager--default", "sessions-manager.png"],
  ["widgets-userdirectory-cards--phone", "user-directory-phone.png"],
  ["widgets-userdirectory-credentials--badges", "credentials.png"],
  ["dialogs-invitemanydialog--mixed-results", "invite-many.png"],
  ["dialogs-importusersdialog--errors", "import-users.png"],
  ["states-noaccess--default", "no-access.png"],
];
// Docs pages (viewMode=docs): a widget's autodocs page and the Theming page's table.
const docs = [
  ["widgets-userdirectory--docs", "docs-page.png", 1400, ".sr-root table tbody tr"],
  ["docs-theming--docs", "theming-table.png", 1400, "table tbody tr"],
];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
  for (const [id, file] of shots) {
    await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${id}&viewMode=story`);
    // Wait for the play function (or the plain render) to finish, then for the widget to settle.
    await page.waitForFunction(
      () =>
        document.querySelector("#storybook-root")?.children.length &&
        !document.querySelector("[aria-busy=true], .sr-skeleton"),
      null,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(1200);
    const root = await page.$("#storybook-root > *");
    const box = await root?.boundingBox();
    const dialog = await page.$(".sr-dialog");
    // Dialogs fill the viewport; widgets are cropped to their own height (at most one screen).
    await page.screenshot({
      path: path.join(import.meta.dirname, "../docs", file),
      ...(dialog || !box
        ? {}
        : { clip: { x: 0, y: 0, width: 1280, height: Math.min(820, Math.ceil(box.y + box.height + 16)) } }),
    });
    console.log(`docs/${file}`);
  }
  for (const [id, file, height, ready] of docs) {
    await page.setViewportSize({ width: 1280, height });
    await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${id}&viewMode=docs`);
    // The docs content with its first table filled (the main story's rows, the properties).
    await page.waitForSelector(`#storybook-docs ${ready}`, { timeout: 60_000 });
    await page.waitForTimeout(1200);
    await page.screenshot({ path: path.join(import.meta.dirname, "../docs", file) });
    console.log(`docs/${file}`);
  }
} finally {
  await browser.close();
  server.close();
}
