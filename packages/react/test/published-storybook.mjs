// The published Storybook, checked as a reader gets it (issue 17): `storybook build` into the
// repository's storybook-static/ (what `pnpm build-storybook` makes and the README links to), then
// every entry of its index — each story and each docs page — opened from the built files in
// headless Chromium. Fails when the build fails, when a stories file or docs page is missing from
// the index, or when an entry shows Storybook's error screen or throws in the page.
//   node test/published-storybook.mjs            build, then check (part of `pnpm test`)
//   node test/published-storybook.mjs --no-build check the build already in storybook-static/
// CHROMIUM_PATH overrides /usr/bin/chromium; nothing downloads a browser.
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { chromium } from "playwright-core";

const pkg = path.resolve(import.meta.dirname, "..");
const repo = path.resolve(pkg, "../..");
const out = path.join(repo, "storybook-static");

if (!process.argv.includes("--no-build")) {
  const bin = path.join(pkg, "node_modules/.bin/storybook");
  const build = spawnSync(bin, ["build", "-c", path.join(repo, ".storybook"), "-o", out, "--quiet"], {
    cwd: repo,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (build.status !== 0) throw new Error(`storybook build failed (exit ${build.status})`);
}

const index = JSON.parse(readFileSync(path.join(out, "index.json"), "utf8"));
const entries = Object.values(index.entries);
const problems = [];

// Every stories file and MDX page of the kit is in the published index, each stories file with its docs page.
function filesUnder(dir, suffix) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .map((f) => `./packages/react/src/${path.relative(path.join(pkg, "src"), path.join(dir, f))}`);
}
const src = path.join(pkg, "src");
for (const file of [...filesUnder(src, ".stories.tsx"), ...filesUnder(src, ".mdx")]) {
  const mine = entries.filter((e) => e.importPath === file || e.storiesImports?.includes(file));
  if (file.endsWith(".mdx") ? mine.length === 0 : !mine.some((e) => e.type === "story")) {
    problems.push(`${file}: not in the published index`);
  }
  if (
    file.endsWith(".stories.tsx") &&
    !entries.some((e) => e.type === "docs" && e.storiesImports?.length === 0 && e.importPath === file)
  ) {
    problems.push(`${file}: no docs page`);
  }
}

const types = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
};
const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  let file = path.join(out, decodeURIComponent(url.pathname));
  if (!file.startsWith(out)) return res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
  if (!existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address();

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
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  let thrown = [];
  page.on("pageerror", (error) => thrown.push(error.message));
  for (const entry of entries) {
    thrown = [];
    const mode = entry.type === "docs" ? "docs" : "story";
    await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${entry.id}&viewMode=${mode}`);
    // Storybook marks the body once the entry has rendered (sb-show-main) or failed (sb-show-errordisplay).
    const shown = await page
      .waitForFunction(
        () => {
          const body = document.body.classList;
          if (body.contains("sb-show-errordisplay")) return "error";
          const root = document.querySelector(
            body.contains("sb-show-main") ? "#storybook-root, #storybook-docs" : "#never",
          );
          const docs = document.querySelector("#storybook-docs .sbdocs-content");
          return (root && root.children.length > 0) || docs ? "shown" : false;
        },
        null,
        { polling: 100, timeout: 60_000 },
      )
      .then((handle) => handle.jsonValue());
    if (shown === "error") {
      const message = await page
        .locator("#error-message")
        .innerText()
        .catch(() => "");
      problems.push(`${entry.id}: Storybook's error screen — ${message.split("\n")[0]}`);
    }
    for (const message of thrown) problems.push(`${entry.id}: threw ${message}`);
  }
  console.log(`published Storybook: ${entries.length} entries opened, ${problems.length} problems`);
} finally {
  await browser.close();
  server.close();
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
