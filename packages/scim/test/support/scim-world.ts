import type { Directory, ProvisioningSettings, Role, StaffDirectory, User } from "@staffroom/core";
import { type StoreWorld, storeWorld } from "@staffroom/core/store";
import { serve } from "@staffroom/rest/testing";
import { createScimHandler, type ScimHandlerOptions } from "../../src/index";
import type { TestStore } from "./databases";

/** What a SCIM answer came back as. */
export interface ScimAnswer {
  readonly status: number;
  readonly headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test code reads JSON documents of any shape.
  readonly body: any;
}

/** A Staffroom organization with a provisioning token, served over real HTTP at `/scim/v2`. */
export interface ScimWorld {
  readonly world: StoreWorld;
  readonly owner: StaffDirectory;
  /** e.g. http://127.0.0.1:5123/scim/v2 */
  readonly base: string;
  readonly secret: string;
  readonly tokenId: string;
  readonly roles: Readonly<Record<"admin" | "frontDesk" | "provider" | "billing" | "readOnly", Role>>;
  readonly locations: { readonly main: string; readonly east: string; readonly north: string };
  readonly settings: ProvisioningSettings;
  /** A request with the token (or `token: null` for none, or another). */
  scim(
    method: string,
    path: string,
    body?: unknown,
    init?: { token?: string | null; headers?: Record<string, string>; raw?: string },
  ): Promise<ScimAnswer>;
  /** Every user the owner sees, every tab. */
  allUsers(): Promise<User[]>;
  close(): Promise<void>;
}

/** Options of {@link scimWorld}. */
export interface ScimWorldOptions {
  readonly handler?: ScimHandlerOptions;
  /** Skip the default settings (default role and locations, mapped groups). */
  readonly bare?: boolean;
  /** What the handler is given instead of the directory (a test's interposed one). */
  readonly wrap?: (directory: Directory<string>) => Directory<string>;
}

/**
 * A fresh organization (core's `storeWorld`: Harbor Urgent Care, its owner) on `backend`, with
 * Eastside and Northside clinics, a token that may grant every non-administrator role everywhere,
 * settings (default role Read-only Staff at the main clinic; "Eastside Clinic staff" → Eastside,
 * "Northside Clinic staff" → Northside, "Nurses" → Provider) and the SCIM handler on real HTTP.
 *
 * @example const w = await scimWorld(await memoryBackend()); await w.scim("GET", "/Users");
 */
export async function scimWorld(backend: TestStore, options: ScimWorldOptions = {}): Promise<ScimWorld> {
  const world = await storeWorld(backend.store);
  const owner = world.directory.forActor({ organizationId: world.organization.id, userId: world.owner.id });
  const east = await owner.locations.create({ name: "Eastside" });
  const north = await owner.locations.create({ name: "Northside" });
  const all = await owner.roles.list();
  const byTemplate = (key: string) => {
    const role = all.find((r) => r.template === key);
    if (!role) throw new Error(`no ${key} role`);
    return role;
  };
  const roles = {
    admin: byTemplate("administrator"),
    frontDesk: byTemplate("front_desk"),
    provider: byTemplate("provider"),
    billing: byTemplate("billing_manager"),
    readOnly: byTemplate("read_only"),
  };
  const { token, secret } = await owner.provisioning.createToken({
    label: "Okta (test)",
    roleIds: [roles.frontDesk.id, roles.provider.id, roles.billing.id, roles.readOnly.id],
    locationAccess: "organization",
  });
  let settings = await owner.provisioning.settings();
  if (!options.bare) {
    settings = await owner.provisioning.updateSettings(
      {
        defaultRoleId: roles.readOnly.id,
        defaultLocationAccess: [world.location.id],
        defaultPrimaryLocationId: world.location.id,
        groups: [
          { displayName: "Eastside Clinic staff", locationAccess: [east.id] },
          { displayName: "Northside Clinic staff", locationAccess: [north.id] },
          { displayName: "Nurses", roleId: roles.provider.id },
        ],
      },
      { version: settings.version },
    );
  }
  const directory = options.wrap ? options.wrap(world.directory) : world.directory;
  const handler = createScimHandler(directory, options.handler);
  const server = await serve(handler);
  const base = `${server.url}/scim/v2`;
  return {
    world,
    owner,
    base,
    secret,
    tokenId: token.id,
    roles,
    locations: { main: world.location.id, east: east.id, north: north.id },
    settings,
    async scim(method, path, body, init = {}) {
      const token = init.token === undefined ? secret : init.token;
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          Accept: "application/scim+json",
          ...(body !== undefined || init.raw !== undefined
            ? { "Content-Type": "application/scim+json" }
            : {}),
          ...(token !== null ? { Authorization: `Bearer ${token}` } : {}),
          ...init.headers,
        },
        ...(init.raw !== undefined
          ? { body: init.raw }
          : body !== undefined
            ? { body: JSON.stringify(body) }
            : {}),
      });
      const text = await response.text();
      let parsed: unknown = null;
      if (text !== "") {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    async allUsers() {
      const out: User[] = [];
      for (const status of ["active", "pending", "disabled"] as const) {
        let cursor: string | null = null;
        for (;;) {
          const page = await owner.users.list({ status, limit: 200, cursor });
          out.push(...page.items);
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
      }
      return out;
    },
    close: async () => {
      await server.close();
    },
  };
}
