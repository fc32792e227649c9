import type { ExpiringCredentialsQuery } from "@staffroom/core";
import { ExpiringCredentialSchema, ExpiringCredentialsQuerySchema } from "@staffroom/core/schemas";
import * as z from "zod/mini";
import { ok, type Route } from "./route";
import { input, ORG } from "./route-helpers";

/**
 * Provider credentials (issue 15): `StaffDirectory.credentials`. Credentials themselves travel in
 * the provider profile of `users.create` and `users.update`; this is the host's question "what
 * expires within N days", answered on the directory clock's date.
 *
 * @example router.add(...credentialRoutes);
 */
export const credentialRoutes: readonly Route[] = [
  {
    method: "GET",
    path: `${ORG}/credentials/expiring`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "credentials.expiring",
      summary:
        "Credentials of the users in the actor's scope that expire within withinDays (default 30) or have expired, soonest first (issue 15)",
      tags: ["credentials"],
      query: ExpiringCredentialsQuerySchema,
      success: 200,
      response: z.array(ExpiringCredentialSchema),
      errors: ["validation", "forbidden"],
    },
    handle: async (c) => ok(await c.staff.credentials.expiring(input<ExpiringCredentialsQuery>(c.query))),
  },
];
