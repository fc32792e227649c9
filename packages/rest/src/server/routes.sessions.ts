import type { SessionQuery } from "@staffroom/core";
import { PageSchema, SessionQuerySchema, SessionSummarySchema } from "@staffroom/core/schemas";
import { noContent, ok, type Route } from "./route";
import { input, ORG, param } from "./route-helpers";

const tags = ["sessions"] as const;

/**
 * Who is signed in, and End session (W13): `StaffDirectory.sessions`. Ending a session needs no
 * `If-Match`: a session has no version, and ending one already ended answers 404.
 *
 * @example router.add(...sessionRoutes);
 */
export const sessionRoutes: readonly Route[] = [
  {
    method: "GET",
    path: `${ORG}/sessions`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "sessions.list",
      summary:
        "Live sessions, newest sign-in first: who, browser and system, network, since when, last active (W13)",
      tags,
      query: SessionQuerySchema,
      success: 200,
      response: PageSchema(SessionSummarySchema),
      errors: ["validation", "forbidden"],
    },
    handle: async (c) => ok(await c.staff.sessions.list(input<SessionQuery>(c.query))),
  },
  {
    method: "DELETE",
    path: `${ORG}/sessions/{sessionId}`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "sessions.end",
      summary: "End a session: its person is signed out at once (W13; R3, R4, R7; audited)",
      tags,
      success: 204,
      response: null,
      errors: ["forbidden", "not_found", "rule"],
    },
    handle: async (c) => {
      await c.staff.sessions.end(param(c, "sessionId"));
      return noContent();
    },
  },
];
