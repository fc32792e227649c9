import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCIM_URN } from "../src/index";
import { memoryBackend } from "./support/databases";
import {
  conform,
  conformToPublished,
  RESOURCE_TYPE_SCHEMA,
  type RfcAttribute,
  SCHEMA_SCHEMA,
  SERVICE_PROVIDER_CONFIG_SCHEMA,
} from "./support/rfc7643";
import { type ScimWorld, scimWorld } from "./support/scim-world";

let w: ScimWorld;
beforeAll(async () => {
  w = await scimWorld(await memoryBackend());
});
afterAll(() => w.close());

describe("discovery documents, validated against RFC 7643's own schemas", () => {
  it("/ServiceProviderConfig conforms to §5 and says the truth: PATCH, ETags and filters (maxResults 200) yes; bulk, sort and password changes no; a bearer token", async () => {
    const { status, body, headers } = await w.scim("GET", "/ServiceProviderConfig");
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("application/scim+json; charset=utf-8");
    expect(conform(body, SERVICE_PROVIDER_CONFIG_SCHEMA, SCIM_URN.serviceProviderConfig)).toEqual([]);
    expect(body).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 200 },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: true },
      authenticationSchemes: [{ type: "oauthbearertoken", primary: true }],
    });
    // The maxResults said is the one applied.
    const page = await w.scim("GET", "/Users?count=5000");
    expect(page.body.itemsPerPage).toBeLessThanOrEqual(200);
    // And the ETags said are sent (test/versions.test.ts holds If-Match to them).
    const one = await w.scim("GET", `/Users/${page.body.Resources[0].id}`);
    expect(one.headers.get("etag")).toMatch(/^W\/"\d+"$/);
  });

  it("/ResourceTypes lists User (enterprise extension, not required) and Group, each conforming to §6", async () => {
    const { body } = await w.scim("GET", "/ResourceTypes");
    expect(body.schemas).toEqual([SCIM_URN.listResponse]);
    expect(body.Resources.map((r: { name: string }) => r.name)).toEqual(["User", "Group"]);
    for (const r of body.Resources)
      expect(conform(r, RESOURCE_TYPE_SCHEMA, SCIM_URN.resourceType), r.name).toEqual([]);
    expect(body.Resources[0].schemaExtensions).toEqual([{ schema: SCIM_URN.enterprise, required: false }]);
    expect((await w.scim("GET", "/ResourceTypes/User")).body.endpoint).toBe("/Users");
    expect((await w.scim("GET", "/ResourceTypes/Nope")).status).toBe(404);
  });

  it("/Schemas publishes core User, the enterprise extension and Group, each conforming to §7", async () => {
    const { body } = await w.scim("GET", "/Schemas");
    expect(body.Resources.map((r: { id: string }) => r.id)).toEqual([
      SCIM_URN.user,
      SCIM_URN.enterprise,
      SCIM_URN.group,
    ]);
    for (const schema of body.Resources)
      expect(conform(schema, SCHEMA_SCHEMA, SCIM_URN.schema), schema.id).toEqual([]);
    const one = await w.scim("GET", `/Schemas/${SCIM_URN.enterprise}`);
    expect(one.body.attributes.map((a: { name: string }) => a.name)).toEqual([
      "employeeNumber",
      "department",
    ]);
  });

  it("every User and Group the endpoint answers conforms to the schemas it publishes", async () => {
    const schemas = (await w.scim("GET", "/Schemas")).body.Resources as {
      id: string;
      attributes: RfcAttribute[];
    }[];
    const [user, enterprise, group] = schemas as [
      (typeof schemas)[0],
      (typeof schemas)[0],
      (typeof schemas)[0],
    ];
    const created = await w.scim("POST", "/Users", {
      schemas: [SCIM_URN.user, SCIM_URN.enterprise],
      userName: "schema.check@harbor.example",
      externalId: "e-1",
      name: { givenName: "Ivo", familyName: "Schema" },
      title: "Scheduler",
      phoneNumbers: [{ type: "work", value: "+14155550100" }],
      [SCIM_URN.enterprise]: { employeeNumber: "7", department: "Front office" },
    });
    const users = (await w.scim("GET", "/Users?count=200")).body.Resources as Record<string, unknown>[];
    expect(users.map((u) => u.id)).toContain(created.body.id);
    for (const doc of users) expect(conformToPublished(doc, user, [enterprise]), String(doc.id)).toEqual([]);
    const groups = (await w.scim("GET", "/Groups")).body.Resources as Record<string, unknown>[];
    expect(groups.length).toBeGreaterThan(5);
    for (const doc of groups) expect(conformToPublished(doc, group, []), String(doc.displayName)).toEqual([]);
  });
});
