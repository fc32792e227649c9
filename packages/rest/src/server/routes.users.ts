import type {
  BulkInput,
  CreateUserInput,
  ImportInput,
  InviteManyInput,
  InviteUserInput,
  UserPatch,
  UserQuery,
} from "@staffroom/core";
import {
  BulkInputSchema,
  BulkResultSchema,
  CreateUserInputSchema,
  DeleteResultSchema,
  ImportInputSchema,
  ImportReportSchema,
  InviteManyInputSchema,
  InviteManyResultSchema,
  InviteResultSchema,
  InviteUserInputSchema,
  PageSchema,
  StatusCountsSchema,
  UserFormOptionsSchema,
  UserPatchSchema,
  UserQuerySchema,
  UserSchema,
} from "@staffroom/core/schemas";
import * as z from "zod/mini";
import { type CsvTable, importTemplateCsv, reportCsv } from "./csv";
import { ok, type Route } from "./route";
import { input, ORG, param, version } from "./route-helpers";

const USER = `${ORG}/users/{userId}`;

/** The query of `POST …/users/import`: dry run (default true) and what new people become. */
const ImportQuerySchema = z.strictObject({
  dryRun: z.optional(z.boolean()),
  newUsers: z.optional(z.enum(["invite", "create"])),
});

const CSV_TYPE = "text/csv; charset=utf-8";
const wantsCsv = (request: Request) => /\btext\/csv\b/i.test(request.headers.get("accept") ?? "");
const tags = ["users"] as const;

/** The query `users.counts` takes: the list query without tab, sort and paging. @example UserCountsQuerySchema.safeParse({ search: "smith", admin: true }).success // true */
export const UserCountsQuerySchema = z.omit(UserQuerySchema, {
  status: true,
  sort: true,
  direction: true,
  limit: true,
  cursor: true,
});

/**
 * Users (W1, W2, W4–W6, W12): every `StaffDirectory.users` method but `actions()`, which the client
 * answers locally from the snapshot of its last `me()`.
 *
 * @example router.add(...userRoutes);
 */
export const userRoutes: readonly Route[] = [
  {
    method: "GET",
    path: `${ORG}/users`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "users.list",
      summary: "A page of users in the actor's scope (W12)",
      tags,
      query: UserQuerySchema,
      success: 200,
      response: PageSchema(UserSchema),
      errors: ["validation", "forbidden"],
    },
    handle: async (c) => ok(await c.staff.users.list(input<UserQuery>(c.query))),
  },
  {
    method: "GET",
    path: `${ORG}/users/counts`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    // Core reads counts with the list's schema (tab, sort and paging are accepted and ignored).
    queryTypes: UserQuerySchema,
    doc: {
      operationId: "users.counts",
      summary: "Users per tab for a search and filters (W12)",
      tags,
      query: UserCountsQuerySchema,
      success: 200,
      response: StatusCountsSchema,
      errors: ["validation", "forbidden"],
    },
    handle: async (c) => ok(await c.staff.users.counts(input<UserQuery>(c.query))),
  },
  {
    method: "GET",
    path: `${ORG}/users/form-options`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "users.formOptions",
      summary: "The user form's choices for a new user, each with its verdict",
      tags,
      success: 200,
      response: UserFormOptionsSchema,
      errors: ["forbidden"],
    },
    handle: async (c) => ok(await c.staff.users.formOptions()),
  },
  {
    method: "GET",
    path: `${USER}/form-options`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "users.formOptionsOf",
      summary:
        "The user form's choices for this user, each with its verdict; 404 outside the actor's scope (R5)",
      tags,
      success: 200,
      response: UserFormOptionsSchema,
      errors: ["forbidden"],
    },
    handle: async (c) => ok(await c.staff.users.formOptions(param(c, "userId"))),
  },
  {
    method: "POST",
    path: `${ORG}/users`,
    auth: "actor",
    body: "json",
    ifMatch: false,
    doc: {
      operationId: "users.create",
      summary: "Create an active user, with a password or without one (set later by a reset link) (W1)",
      tags,
      body: CreateUserInputSchema,
      success: 201,
      response: UserSchema,
      etag: true,
      errors: ["validation", "forbidden", "conflict", "rule"],
    },
    handle: async (c) => {
      const user = await c.staff.users.create(input<CreateUserInput>(c.body));
      return ok(user, {
        status: 201,
        etag: user.version,
        headers: { Location: `${c.settings.basePath}/organizations/${user.organizationId}/users/${user.id}` },
      });
    },
  },
  {
    method: "POST",
    path: `${ORG}/invitations`,
    auth: "actor",
    body: "json",
    ifMatch: false,
    doc: {
      operationId: "users.invite",
      summary: "Invite a user by email; the invitation token goes only into the email (W2)",
      tags,
      body: InviteUserInputSchema,
      success: 201,
      response: InviteResultSchema,
      errors: ["validation", "forbidden", "conflict", "rule"],
    },
    handle: async (c) => {
      const result = await c.staff.users.invite(input<InviteUserInput>(c.body));
      return ok(result, {
        status: 201,
        headers: {
          Location: `${c.settings.basePath}/organizations/${result.user.organizationId}/users/${result.user.id}`,
        },
      });
    },
  },
  {
    method: "POST",
    path: `${ORG}/invitations/bulk`,
    auth: "actor",
    body: "json",
    ifMatch: false,
    doc: {
      operationId: "users.inviteMany",
      summary:
        "Invite several people with one role and locations; each row through the rules of one invite, a result per row (W2)",
      tags,
      body: InviteManyInputSchema,
      success: 200,
      response: InviteManyResultSchema,
      errors: ["validation", "forbidden"],
    },
    handle: async (c) => ok(await c.staff.users.inviteMany(input<InviteManyInput>(c.body))),
  },
  {
    method: "POST",
    path: `${ORG}/users/bulk`,
    auth: "actor",
    body: "json",
    ifMatch: false,
    doc: {
      operationId: "users.bulk",
      summary: "One action over many users, a result per row (W12)",
      tags,
      body: BulkInputSchema,
      success: 200,
      response: BulkResultSchema,
      errors: ["validation", "forbidden"],
    },
    handle: async (c) => ok(await c.staff.users.bulk(input<BulkInput>(c.body))),
  },
  {
    method: "POST",
    path: `${ORG}/users/import`,
    auth: "actor",
    body: "json-or-csv",
    ifMatch: false,
    doc: {
      operationId: "users.import",
      summary: "CSV import: a dry run (default) or a commit, with a report per row (issue 15)",
      description:
        "The body is the file as `text/csv` (UTF-8, with or without a BOM, `,` or `;`; the header row " +
        "names the columns, mapped automatically) or JSON `{ columns, rows, mapping?, newUsers? }`. " +
        "`?dryRun=false` applies it. With `Accept: text/csv` the report comes back as the original rows " +
        "plus Status and Messages columns.",
      tags,
      query: ImportQuerySchema,
      body: ImportInputSchema,
      success: 200,
      response: ImportReportSchema,
      csv: true,
      errors: ["validation", "forbidden"],
    },
    handle: async (c) => {
      const body = c.body as Partial<CsvTable> & Record<string, unknown>;
      const report = await c.staff.users.import(input<ImportInput>({ ...body, ...c.query }));
      if (!wantsCsv(c.request)) return ok(report);
      const table: CsvTable = { columns: body.columns ?? [], rows: body.rows ?? [] };
      return ok(null, {
        text: { body: reportCsv(table, report), contentType: CSV_TYPE },
        headers: { "Content-Disposition": 'attachment; filename="import-report.csv"' },
      });
    },
  },
  {
    method: "GET",
    path: `${ORG}/users/import/template`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "users.importTemplate",
      summary: "The CSV import template: every column, with an example row",
      tags,
      success: 200,
      response: null,
      csv: true,
      errors: [],
    },
    handle: async () =>
      ok(null, {
        text: { body: importTemplateCsv(), contentType: CSV_TYPE },
        headers: { "Content-Disposition": 'attachment; filename="staff-import-template.csv"' },
      }),
  },
  {
    method: "GET",
    path: USER,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "users.get",
      summary: "One user; 404 when missing, foreign or outside the actor's scope (R5)",
      tags,
      success: 200,
      response: UserSchema,
      etag: true,
      errors: ["forbidden"],
    },
    handle: async (c) => {
      const user = await c.staff.users.get(param(c, "userId"));
      return ok(user, { etag: user.version });
    },
  },
  {
    method: "PATCH",
    path: USER,
    auth: "actor",
    body: "json",
    ifMatch: true,
    doc: {
      operationId: "users.update",
      summary: "Edit a user (W4); If-Match names the version read (R12)",
      tags,
      body: UserPatchSchema,
      success: 200,
      response: UserSchema,
      etag: true,
      errors: ["validation", "forbidden", "conflict", "rule"],
    },
    handle: async (c) => {
      const user = await c.staff.users.update(param(c, "userId"), input<UserPatch>(c.body), {
        version: version(c),
      });
      return ok(user, { etag: user.version });
    },
  },
  {
    method: "DELETE",
    path: USER,
    auth: "actor",
    body: "none",
    ifMatch: true,
    doc: {
      operationId: "users.delete",
      summary: "Delete a disabled or pending user irreversibly (W6)",
      tags,
      success: 200,
      response: DeleteResultSchema,
      errors: ["forbidden", "conflict", "rule"],
    },
    handle: async (c) => ok(await c.staff.users.delete(param(c, "userId"), { version: version(c) })),
  },
];
