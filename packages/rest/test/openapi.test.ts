import { Validator } from "@seriousme/openapi-schema-validator";
import { type StaffDirectory, UserSchema } from "@staffroom/core";
import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { resolveOptions, routeTable } from "../src/server";
import { closeRestWorlds, ownerOf, restWorld } from "../src/testing";
import { call, org } from "./helpers";

afterEach(closeRestWorlds);

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; parameters: { name: string; in: string }[] }>>;
  components: { schemas: Record<string, unknown> };
  servers: { url: string }[];
};

describe("GET /openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const world = await restWorld();
    const res = await call(world, "/openapi.json", { as: null });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(doc.servers[0]?.url).toBe("/api/staffroom");
  });

  it("documents every route of the table, and every StaffDirectory and DirectoryAuth method has one", async () => {
    const world = await restWorld();
    const doc = (await (await call(world, "/openapi.json", { as: null })).json()) as Doc;
    const table = routeTable(resolveOptions({}));
    const operations = new Set<string>();
    for (const route of table) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      operations.add(op?.operationId ?? "");
    }
    const owner = await ownerOf(world);
    const groups = ["users", "roles", "locations", "organization", "audit"] as const;
    for (const group of groups) {
      for (const method of Object.keys(owner[group] as StaffDirectory[typeof group])) {
        if (group === "users" && method === "actions") continue; // answered by the client from me()
        expect(operations, `${group}.${method}`).toContain(`${group}.${method}`);
      }
    }
    expect(operations).toContain("me");
    for (const method of Object.keys(world.auth))
      expect(operations, `auth.${method}`).toContain(`auth.${method}`);
  });

  it("comes from the zod schemas: bodies on their input side, responses on their output side", async () => {
    const world = await restWorld();
    const doc = (await (await call(world, "/openapi.json", { as: null })).json()) as Doc;
    const { $schema: _schema, ...user } = z.toJSONSchema(UserSchema, { io: "output" }) as Record<
      string,
      unknown
    >;
    expect(doc.components.schemas.User).toEqual(user);
    const create = doc.components.schemas.UsersCreateBody as {
      properties: Record<string, unknown>;
      additionalProperties: boolean;
    };
    expect(Object.keys(create.properties)).toContain("password");
    expect(create.additionalProperties).toBe(false);
    const list = doc.paths["/organizations/{orgId}/users"]?.get;
    expect(list?.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(["path:orgId", "query:search", "query:limit", "query:admin", "query:cursor"]),
    );
    const update = doc.paths["/organizations/{orgId}/users/{userId}"]?.patch;
    expect(update?.parameters.map((p) => `${p.in}:${p.name}`)).toContain("header:If-Match");
  });

  it("the live answers match the documented response schemas", async () => {
    const world = await restWorld();
    const table = routeTable(resolveOptions({}));
    const schema = (operationId: string) => {
      const route = table.find((r) => r.doc.operationId === operationId);
      if (!route?.doc.response) throw new Error(operationId);
      return route.doc.response;
    };
    const checks: [string, string][] = [
      ["users.list", org(world, "/users?limit=5")],
      ["users.counts", org(world, "/users/counts")],
      ["users.get", org(world, `/users/${world.owner.id}`)],
      ["roles.list", org(world, "/roles")],
      ["roles.catalog", org(world, "/roles/catalog")],
      ["locations.list", org(world, "/locations")],
      ["organization.get", org(world)],
      ["organization.usage", org(world, "/usage")],
      ["audit.list", org(world, "/audit-events")],
      ["audit.verify", org(world, "/audit-events/verification")],
      ["me", org(world, "/me")],
      ["users.formOptions", org(world, "/users/form-options")],
      ["users.formOptionsOf", org(world, `/users/${world.owner.id}/form-options`)],
      ["roles.formOptions", org(world, "/roles/form-options")],
      ["organization.formOptions", org(world, "/form-options")],
    ];
    for (const [operationId, path] of checks) {
      const res = await call(world, path);
      expect(res.status, path).toBe(200);
      const parsed = schema(operationId).safeParse(await res.json());
      expect(parsed.success, `${operationId}: ${JSON.stringify(parsed.error?.issues?.slice(0, 3))}`).toBe(
        true,
      );
    }
  });
});

describe("README", () => {
  it("lists every route of the table", async () => {
    const { readFile } = await import("node:fs/promises");
    const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
    for (const route of routeTable(resolveOptions({}))) {
      expect(readme, `${route.method} ${route.path}`).toContain(
        `| ${route.method} | \`${route.path}\` | \`${route.doc.operationId}\` |`,
      );
    }
  });
});
