import { createDirectory, type Directory, type DirectoryStore } from "@staffroom/core";
import { createRestHandler, nodeClientAddress, toNodeListener } from "@staffroom/rest/server";
import { createScimHandler } from "@staffroom/scim";
import express, { type Express } from "express";

/** Where the app answers: its public origin (links in mail, the CSRF check, SCIM's `meta.location`). */
export interface AppOptions {
  readonly store: DirectoryStore;
  readonly publicUrl: string;
}

/**
 * One Express origin with Staffroom's two handlers side by side: the REST API the widgets call
 * (`/api/staffroom`, session cookies or bearer sessions) and SCIM 2.0 for identity providers
 * (`/scim/v2`, provisioning tokens). Both are Web-standard fetch handlers; `toNodeListener` mounts
 * each before any body parser (it reads the body itself) and keeps the mount path (`originalUrl`).
 *
 * @example const { app } = createApp({ store: memoryStore(), publicUrl: "http://localhost:3000" }); app.listen(3000);
 */
export function createApp(options: AppOptions): { app: Express; directory: Directory } {
  const directory = createDirectory({ store: options.store });
  const rest = createRestHandler(directory, { basePath: "/api/staffroom", publicBaseUrl: options.publicUrl });
  const scim = createScimHandler(directory, {
    basePath: "/scim/v2",
    publicBaseUrl: options.publicUrl,
    clientAddress: nodeClientAddress,
  });
  const app = express();
  app.use("/api/staffroom", toNodeListener(rest));
  app.use("/scim/v2", toNodeListener(scim));
  app.get("/", (_req, res) => {
    res.type("text/plain").send("Staffroom: /api/staffroom (REST) and /scim/v2 (SCIM 2.0)\n");
  });
  return { app, directory };
}
