import type { IncomingMessage, ServerResponse } from "node:http";
import type { OutboxMessage } from "../src/seed";
import { sendJson, sendText } from "./responses";
import { isSameOrigin } from "./same-origin";

/** What the demo's own routes need from the running server. */
export interface DemoRoutesContext {
  /** The outbox, newest first. */
  outbox(): Promise<readonly OutboxMessage[]>;
  /** Reseeds the store (same seed, same options) and empties the outbox. */
  reset(): Promise<void>;
  /** The extra users the server seeded (the in-browser wiring seeds as many). */
  readonly users: number;
}

const ROUTES: Readonly<Record<string, string>> = {
  "/demo/outbox": "GET, HEAD",
  "/demo/config": "GET, HEAD",
  "/demo/reset": "POST",
};

/**
 * The demo's own endpoints beside the API:
 * - `GET /demo/outbox` → `{ messages: [{ to, subject, kind, link, text, sentAt }] }`, newest first;
 * - `POST /demo/reset` → reseeds the store and empties the outbox, 204 (same-origin or script only);
 * - `GET /demo/config` → `{ users: N }`, what the in-browser wiring seeds.
 *
 * @example
 * const routes = demoRoutes({ outbox, reset, users: 0 });
 * if (path.startsWith("/demo/")) await routes(req, res, path);
 */
export function demoRoutes(
  context: DemoRoutesContext,
): (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void> {
  return async (req, res, pathname) => {
    const allow = ROUTES[pathname];
    if (!allow) {
      sendJson(res, 404, { error: "not_found" });
      return;
    }
    if (!allow.split(", ").includes(req.method ?? "")) {
      sendText(res, 405, "Method not allowed", { allow });
      return;
    }
    if (pathname === "/demo/outbox") {
      sendJson(res, 200, { messages: await context.outbox() });
    } else if (pathname === "/demo/config") {
      sendJson(res, 200, { users: context.users });
    } else {
      if (!isSameOrigin(req)) {
        sendJson(res, 403, { error: "cross_site_request" });
        return;
      }
      // Nothing to read, but drain whatever a client sent so the connection stays usable.
      req.resume();
      await context.reset();
      res.writeHead(204, { "cache-control": "no-store" });
      res.end();
    }
  };
}
