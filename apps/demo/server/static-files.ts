import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, resolve, sep } from "node:path";
import { BASE_HEADERS, sendText } from "./responses";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
};

/**
 * What index.html carries where the server puts each response's style nonce (`<meta name="csp-nonce">`).
 *
 * @example page.replaceAll(NONCE_PLACEHOLDER, nonce)
 */
export const NONCE_PLACEHOLDER = "__CSP_NONCE__";

/**
 * The app's Content Security Policy: only its own scripts and API, its own style sheets, and
 * `<style>` elements carrying this response's nonce (Radix's scroll lock injects one when a dialog
 * opens; the app hands it the nonce). No inline script, no inline style from markup.
 *
 * @example appCsp("r4nd0m") // "default-src 'self'; script-src 'self'; style-src 'self' 'nonce-r4nd0m'; …"
 */
export function appCsp(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Where a request path points inside `root`, or null when it cannot be a file there: undecodable,
 * a NUL or backslash, a dot-segment or dotfile, or anything that resolves outside `root`.
 *
 * @example filePath("/srv/app", "/assets/index-abc.js") // "/srv/app/assets/index-abc.js"
 * @example filePath("/srv/app", "/%2e%2e/etc/passwd") // null
 */
export function filePath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  if (decoded.split("/").some((segment) => segment.startsWith("."))) return null;
  const full = resolve(root, `.${decoded}`);
  return full.startsWith(root + sep) ? full : null;
}

async function regularFile(root: string, path: string): Promise<{ path: string; size: number } | null> {
  try {
    // realpath: a symbolic link inside the folder must not lead out of it either.
    const real = await realpath(path);
    if (!real.startsWith(root + sep)) return null;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : null;
  } catch {
    return null;
  }
}

/**
 * Serves the built app from `appDir` (GET and HEAD only): hashed files under `/assets/` cached for a
 * year, everything else revalidated; any path that is not a file and has no extension gets
 * `index.html` (with a fresh CSP nonce), so the app's own routes (`/settings/users`,
 * `/accept-invitation?token=…`) load it. Paths are confined to `appDir` ({@link filePath}); a missing
 * file with an extension is a 404.
 *
 * @example const serve = await staticFiles(fileURLToPath(new URL("../dist", import.meta.url)));
 * createServer((req, res) => void serve(req, res));
 */
export async function staticFiles(
  appDir: string,
): Promise<(req: IncomingMessage, res: ServerResponse) => Promise<void>> {
  const root = await realpath(appDir);
  const index = await regularFile(root, resolve(root, "index.html"));
  if (!index)
    throw new Error(
      `${appDir} has no index.html: build the app first (pnpm --filter @staffroom/demo build).`,
    );
  const page = await readFile(index.path, "utf8");

  const sendPage = (req: IncomingMessage, res: ServerResponse) => {
    const nonce = randomBytes(16).toString("base64");
    const body = page.replaceAll(NONCE_PLACEHOLDER, nonce);
    res.writeHead(200, {
      ...BASE_HEADERS,
      "content-type": TYPES[".html"] as string,
      "content-length": Buffer.byteLength(body),
      "cache-control": "no-cache",
      "content-security-policy": appCsp(nonce),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  };

  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendText(res, 405, "Method not allowed", { allow: "GET, HEAD" });
      return;
    }
    const pathname = new URL(req.url ?? "/", "http://demo.invalid").pathname;
    const wanted = pathname === "/" ? null : filePath(root, pathname);
    if (pathname !== "/" && wanted === null) {
      sendText(res, 404, "Not found");
      return;
    }
    const found = wanted ? await regularFile(root, wanted) : null;
    if (!found || found.path === index.path) {
      if (extname(pathname) !== "" && pathname !== "/index.html") {
        sendText(res, 404, "Not found");
        return;
      }
      sendPage(req, res);
      return;
    }
    const type = TYPES[extname(found.path)] ?? "application/octet-stream";
    res.writeHead(200, {
      ...BASE_HEADERS,
      "content-type": type,
      "content-length": found.size,
      "cache-control": pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(found.path)
      .on("error", () => res.destroy())
      .pipe(res);
  };
}
