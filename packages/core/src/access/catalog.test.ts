import { describe, expect, expectTypeOf, it } from "vitest";
import { ROLE_TEMPLATES } from "../roles/templates";
import {
  type DefaultPermission,
  defaultCatalog,
  defaultModules,
  defineCatalog,
  type PermissionOf,
} from "./catalog";

describe("permission catalog", () => {
  it("has the default modules and the administrative permissions", () => {
    expect(defaultCatalog.permissions).toEqual(
      expect.arrayContaining([
        "calendar.view",
        "calendar.create",
        "calendar.delete",
        "billing.process_payments",
        "billing.issue_refunds",
        "billing.view_revenue",
        "clinical.view_charts",
        "clinical.write_notes",
        "clinical.manage_medications",
        "users.view",
        "users.manage",
        "roles.manage",
        "locations.manage",
        "audit.view",
        "organization.manage",
      ]),
    );
    expect(defaultCatalog.permissions).toHaveLength(15);
  });

  it("lets vendors extend it and types the names as a union", () => {
    const catalog = defineCatalog({
      ...defaultModules,
      lab: { label: "Lab", actions: { order: { label: "Order tests", screens: ["Lab"] } } },
    });
    expect(catalog.has("lab.order")).toBe(true);
    expect(catalog.has("lab.cancel")).toBe(false);
    expectTypeOf<PermissionOf<typeof defaultModules>>().toEqualTypeOf<DefaultPermission>();
    expectTypeOf<"lab.order">().toMatchTypeOf<(typeof catalog.permissions)[number]>();
    expect(catalog.screensOf(["lab.order", "users.view"])).toEqual(["Lab", "Settings › Users"]);
  });

  it("refuses a catalog that drops a built-in permission or uses a bad key", () => {
    expect(() => defineCatalog({ calendar: defaultModules.calendar })).toThrow(/users.view/);
    expect(() => defineCatalog({ ...defaultModules, "Bad Key": { label: "x", actions: {} } })).toThrow(
      /module key/,
    );
  });

  it("ships the five role templates, every permission from the catalog", () => {
    expect(ROLE_TEMPLATES.map((t) => t.name)).toEqual([
      "Administrator",
      "Front Desk",
      "Provider",
      "Billing Manager",
      "Read-only Staff",
    ]);
    for (const t of ROLE_TEMPLATES) for (const p of t.permissions) expect(defaultCatalog.has(p)).toBe(true);
    const admin = ROLE_TEMPLATES.find((t) => t.key === "administrator");
    expect(admin?.permissions).toHaveLength(defaultCatalog.permissions.length);
  });
});
