import type { DefaultPermission } from "../access/catalog";

/**
 * A built-in role template.
 *
 * @example { key: "front_desk", name: "Front Desk", description: "Books and cancels appointments …", permissions: ["calendar.view", …] }
 */
export interface RoleTemplate {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly string[];
}

const all = (prefix: string, actions: string[]) => actions.map((a) => `${prefix}.${a}` as DefaultPermission);

/**
 * The built-in role templates (reference 002 "predefined roles"): copied into every organization at
 * bootstrap and offered by `roles.create({ template })`.
 *
 * @example ROLE_TEMPLATES.find((t) => t.key === "front_desk")?.permissions
 */
export const ROLE_TEMPLATES: readonly RoleTemplate[] = [
  {
    key: "administrator",
    name: "Administrator",
    description: "Full access, including users, roles, locations, organization settings and the audit trail.",
    permissions: [
      ...all("calendar", ["view", "create", "delete"]),
      ...all("billing", ["process_payments", "issue_refunds", "view_revenue"]),
      ...all("clinical", ["view_charts", "write_notes", "manage_medications"]),
      "users.view",
      "users.manage",
      "roles.manage",
      "locations.manage",
      "audit.view",
      "organization.manage",
    ],
  },
  {
    key: "front_desk",
    name: "Front Desk",
    description: "Books and cancels appointments and takes payments.",
    permissions: [...all("calendar", ["view", "create", "delete"]), "billing.process_payments"],
  },
  {
    key: "provider",
    name: "Provider",
    description: "Sees the calendar and works in patient charts.",
    permissions: [
      ...all("calendar", ["view", "create"]),
      ...all("clinical", ["view_charts", "write_notes", "manage_medications"]),
    ],
  },
  {
    key: "billing_manager",
    name: "Billing Manager",
    description: "Processes payments, issues refunds and reads revenue reports.",
    permissions: ["calendar.view", ...all("billing", ["process_payments", "issue_refunds", "view_revenue"])],
  },
  {
    key: "read_only",
    name: "Read-only Staff",
    description: "Can look but not change: calendar, charts and the staff list.",
    permissions: ["calendar.view", "clinical.view_charts", "users.view"],
  },
];
