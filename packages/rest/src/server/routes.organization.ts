import type { AuditQuery, OrganizationPatch, StaffDirectory } from "@staffroom/core";
import {
  ActorViewSchema,
  AuditEventSchema,
  AuditQuerySchema,
  AuditVerificationSchema,
  OrganizationFormOptionsSchema,
  OrganizationPatchSchema,
  OrganizationSchema,
  PageSchema,
  SeatUsageSchema,
} from "@staffroom/core/schemas";
import { ok, type Route, type RouteResult } from "./route";
import { input, ORG, version } from "./route-helpers";

/** `me()` as core answers it: the snapshot a client's `can()` and `users.actions()` answer from. */
async function meResult(staff: StaffDirectory<string>): Promise<RouteResult> {
  return ok(await staff.me());
}

const meDoc = {
  summary: "The actor: user, role, permissions, main-contact flag and id, and every role's permissions",
  tags: ["actor"],
  success: 200,
  response: ActorViewSchema,
  errors: [],
} as const;

/**
 * The actor, the organization (W11), seat usage (R9) and the audit trail (W14).
 *
 * @example router.add(...organizationRoutes);
 */
export const organizationRoutes: readonly Route[] = [
  {
    method: "GET",
    path: "/me",
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      ...meDoc,
      operationId: "me.current",
      description:
        "The same as `/organizations/{orgId}/me` for whichever organization the request is authenticated in; clients use it to learn that organization.",
    },
    handle: (c) => meResult(c.staff),
  },
  {
    method: "GET",
    path: `${ORG}/me`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: { ...meDoc, operationId: "me" },
    handle: (c) => meResult(c.staff),
  },
  {
    method: "GET",
    path: ORG,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "organization.get",
      summary: "The organization",
      tags: ["organization"],
      success: 200,
      response: OrganizationSchema,
      etag: true,
      errors: [],
    },
    handle: async (c) => {
      const organization = await c.staff.organization.get();
      return ok(organization, { etag: organization.version });
    },
  },
  {
    method: "PATCH",
    path: ORG,
    auth: "actor",
    body: "json",
    ifMatch: true,
    doc: {
      operationId: "organization.update",
      summary:
        "Features, seats, licence and provider types, session limits, main-contact hand-over (W11, W13, R7)",
      tags: ["organization"],
      body: OrganizationPatchSchema,
      success: 200,
      response: OrganizationSchema,
      etag: true,
      errors: ["validation", "forbidden", "rule"],
    },
    handle: async (c) => {
      const organization = await c.staff.organization.update(input<OrganizationPatch>(c.body), {
        version: version(c),
      });
      return ok(organization, { etag: organization.version });
    },
  },
  {
    method: "GET",
    path: `${ORG}/usage`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "organization.usage",
      summary: "Seat usage per kind (R9)",
      tags: ["organization"],
      success: 200,
      response: SeatUsageSchema,
      errors: ["forbidden"],
    },
    handle: async (c) => ok(await c.staff.organization.usage()),
  },
  {
    method: "GET",
    path: `${ORG}/form-options`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "organization.formOptions",
      summary:
        "Whether the actor may change the settings, hand the main contact over, remove each licence type",
      tags: ["organization"],
      success: 200,
      response: OrganizationFormOptionsSchema,
      errors: [],
    },
    handle: async (c) => ok(await c.staff.organization.formOptions()),
  },
  {
    method: "GET",
    path: `${ORG}/audit-events`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "audit.list",
      summary: "Audit events newest first, filtered by time, actor, target, action (W14)",
      tags: ["audit"],
      query: AuditQuerySchema,
      success: 200,
      response: PageSchema(AuditEventSchema),
      errors: ["validation", "forbidden"],
    },
    handle: async (c) => ok(await c.staff.audit.list(input<AuditQuery>(c.query))),
  },
  {
    method: "GET",
    path: `${ORG}/audit-events/verification`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "audit.verify",
      summary: "Check the hash chain; the first edited, inserted or removed event (W14, R18)",
      tags: ["audit"],
      success: 200,
      response: AuditVerificationSchema,
      errors: ["forbidden"],
    },
    handle: async (c) => ok(await c.staff.audit.verify()),
  },
];
