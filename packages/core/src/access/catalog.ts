/**
 * One action of a permission module, with the screens it opens (the reference's "Roles" tab explains
 * which screens a role can reach).
 */
export interface ActionDefinition {
  readonly label: string;
  readonly screens?: readonly string[];
}

/** A permission module: a label and its actions. */
export interface ModuleDefinition {
  readonly label: string;
  readonly actions: Readonly<Record<string, ActionDefinition>>;
}

/**
 * A permission catalog: modules by key.
 *
 * @example { lab: { label: "Lab", actions: { order: { label: "Order tests", screens: ["Lab"] } } } }
 */
export type CatalogDefinition = Readonly<Record<string, ModuleDefinition>>;

/**
 * The permission names of a catalog as a TypeScript union: `module.action`.
 *
 * @example type P = PermissionOf<typeof defaultCatalog> // "calendar.view" | … | "organization.manage"
 */
export type PermissionOf<C extends CatalogDefinition> = {
  [M in keyof C & string]: `${M}.${keyof C[M]["actions"] & string}`;
}[keyof C & string];

/**
 * The default modules (DESIGN §2, reference 002): calendar, billing, clinical, and the administrative
 * permissions Staffroom itself needs.
 *
 * @example defineCatalog({ ...defaultModules, lab: { label: "Lab", actions: { order: { label: "Order tests" } } } })
 */
export const defaultModules = {
  calendar: {
    label: "Calendar",
    actions: {
      view: { label: "View appointments", screens: ["Calendar"] },
      create: { label: "Create appointments", screens: ["Calendar"] },
      delete: { label: "Delete appointments", screens: ["Calendar"] },
    },
  },
  billing: {
    label: "Billing",
    actions: {
      process_payments: { label: "Process payments", screens: ["Billing › Payments"] },
      issue_refunds: { label: "Issue refunds", screens: ["Billing › Payments"] },
      view_revenue: { label: "View revenue reports", screens: ["Billing › Reports"] },
    },
  },
  clinical: {
    label: "Clinical",
    actions: {
      view_charts: { label: "Access patient charts", screens: ["Charts"] },
      write_notes: { label: "Write notes", screens: ["Charts › Notes"] },
      manage_medications: { label: "Manage medications", screens: ["Charts › Medications"] },
    },
  },
  users: {
    label: "Users",
    actions: {
      view: { label: "View users", screens: ["Settings › Users"] },
      manage: { label: "Manage users", screens: ["Settings › Users"] },
    },
  },
  roles: { label: "Roles", actions: { manage: { label: "Manage roles", screens: ["Settings › Roles"] } } },
  locations: {
    label: "Locations",
    actions: { manage: { label: "Manage locations", screens: ["Settings › Locations"] } },
  },
  audit: {
    label: "Audit",
    actions: { view: { label: "View the audit trail", screens: ["Settings › Audit"] } },
  },
  organization: {
    label: "Organization",
    actions: { manage: { label: "Manage organization settings", screens: ["Settings › Organization"] } },
  },
} as const satisfies CatalogDefinition;

/** The default catalog's permission names. @example "billing.issue_refunds" */
export type DefaultPermission = PermissionOf<typeof defaultModules>;

/** The permission that makes a user an administrator (R6, R7). */
export const ADMIN_PERMISSION = "users.manage";

/**
 * A catalog ready for use: its definition, the list of permission names and lookups.
 *
 * @example
 * const catalog = defineCatalog({ ...defaultModules, pharmacy: { label: "Pharmacy", actions: { dispense: { label: "Dispense" } } } });
 * catalog.permissions.includes("pharmacy.dispense") // true
 */
export interface Catalog<P extends string = string> {
  readonly modules: CatalogDefinition;
  readonly permissions: readonly P[];
  has(permission: string): permission is P;
  screensOf(permissions: Iterable<string>): string[];
}

/**
 * Builds a catalog from module definitions; vendors extend the default modules with their own.
 *
 * @example
 * const catalog = defineCatalog({ ...defaultModules, lab: { label: "Lab", actions: { order: { label: "Order tests" } } } });
 * createDirectory({ store, catalog }); // permissions now include "lab.order"
 */
export function defineCatalog<const C extends CatalogDefinition>(modules: C): Catalog<PermissionOf<C>> {
  const names: string[] = [];
  const screens = new Map<string, readonly string[]>();
  for (const [moduleKey, module] of Object.entries(modules)) {
    if (!/^[a-z][a-z0-9_]*$/.test(moduleKey)) throw new Error(`Invalid permission module key: ${moduleKey}`);
    for (const [actionKey, action] of Object.entries(module.actions)) {
      if (!/^[a-z][a-z0-9_]*$/.test(actionKey))
        throw new Error(`Invalid action key: ${moduleKey}.${actionKey}`);
      const name = `${moduleKey}.${actionKey}`;
      names.push(name);
      screens.set(name, action.screens ?? []);
    }
  }
  for (const required of [
    "users.view",
    "users.manage",
    "roles.manage",
    "locations.manage",
    "audit.view",
    "organization.manage",
  ]) {
    if (!screens.has(required)) throw new Error(`A catalog must keep the built-in permission ${required}`);
  }
  const set = new Set(names);
  return {
    modules,
    permissions: names as PermissionOf<C>[],
    has: (permission: string): permission is PermissionOf<C> => set.has(permission),
    screensOf(permissions) {
      const out = new Set<string>();
      for (const p of permissions) for (const s of screens.get(p) ?? []) out.add(s);
      return [...out].sort();
    },
  };
}

/** The default catalog. @example defaultCatalog.has("users.manage") // true */
export const defaultCatalog: Catalog<DefaultPermission> = defineCatalog(defaultModules);
