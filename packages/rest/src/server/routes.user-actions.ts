import type { ResetPasswordInput } from "@staffroom/core";
import {
  DeleteResultSchema,
  InvitationSummarySchema,
  ResetPasswordInputSchema,
  UserSchema,
} from "@staffroom/core/schemas";
import * as z from "zod/mini";
import { ok, type Route } from "./route";
import { input, ORG, param, version } from "./route-helpers";

const USER = `${ORG}/users/{userId}`;
const tags = ["users"] as const;

/**
 * What an admin does to one user besides editing it (W2, W5, W6): disable, restore, reset the
 * password, unlock, and the pending user's invitation.
 *
 * @example router.add(...userActionRoutes);
 */
export const userActionRoutes: readonly Route[] = [
  {
    method: "POST",
    path: `${USER}/disable`,
    auth: "actor",
    body: "none",
    ifMatch: true,
    doc: {
      operationId: "users.disable",
      summary: "Disable an active user; their sessions end (W6)",
      tags,
      success: 200,
      response: UserSchema,
      etag: true,
      errors: ["forbidden", "conflict", "rule"],
    },
    handle: async (c) => {
      const user = await c.staff.users.disable(param(c, "userId"), { version: version(c) });
      return ok(user, { etag: user.version });
    },
  },
  {
    method: "POST",
    path: `${USER}/restore`,
    auth: "actor",
    body: "none",
    ifMatch: true,
    doc: {
      operationId: "users.restore",
      summary: "Restore a disabled user (W6)",
      tags,
      success: 200,
      response: UserSchema,
      etag: true,
      errors: ["forbidden", "conflict", "rule"],
    },
    handle: async (c) => {
      const user = await c.staff.users.restore(param(c, "userId"), { version: version(c) });
      return ok(user, { etag: user.version });
    },
  },
  {
    method: "POST",
    path: `${USER}/password-reset`,
    auth: "actor",
    body: "json",
    ifMatch: true,
    doc: {
      operationId: "users.resetPassword",
      summary: "Set a temporary password or email a reset link (W5)",
      tags,
      body: ResetPasswordInputSchema,
      success: 200,
      response: UserSchema,
      etag: true,
      errors: ["validation", "forbidden", "rule", "rate_limited"],
    },
    handle: async (c) => {
      const user = await c.staff.users.resetPassword(param(c, "userId"), input<ResetPasswordInput>(c.body), {
        version: version(c),
      });
      return ok(user, { etag: user.version });
    },
  },
  {
    method: "POST",
    path: `${USER}/unlock`,
    auth: "actor",
    body: "none",
    ifMatch: true,
    doc: {
      operationId: "users.unlock",
      summary: "Clear a sign-in lockout (W5)",
      tags,
      success: 200,
      response: UserSchema,
      etag: true,
      errors: ["forbidden"],
    },
    handle: async (c) => {
      const user = await c.staff.users.unlock(param(c, "userId"), { version: version(c) });
      return ok(user, { etag: user.version });
    },
  },
  {
    method: "GET",
    path: `${USER}/invitation`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "users.invitation",
      summary: "The live invitation of a pending user, or null",
      tags,
      success: 200,
      response: z.nullable(InvitationSummarySchema),
      errors: ["forbidden"],
    },
    handle: async (c) => ok(await c.staff.users.invitation(param(c, "userId"))),
  },
  {
    method: "POST",
    path: `${USER}/invitation/resend`,
    auth: "actor",
    body: "none",
    ifMatch: true,
    doc: {
      operationId: "users.resendInvitation",
      summary: "Send the invitation again with a new token; the old one dies (W2, rate-limited)",
      tags,
      success: 200,
      response: InvitationSummarySchema,
      errors: ["forbidden", "conflict", "rate_limited"],
    },
    handle: async (c) =>
      ok(await c.staff.users.resendInvitation(param(c, "userId"), { version: version(c) })),
  },
  {
    method: "DELETE",
    path: `${USER}/invitation`,
    auth: "actor",
    body: "none",
    ifMatch: true,
    doc: {
      operationId: "users.revokeInvitation",
      summary: "Revoke a pending invitation; the pending user goes and the seat is freed (W2)",
      tags,
      success: 200,
      response: DeleteResultSchema,
      errors: ["forbidden", "conflict"],
    },
    handle: async (c) =>
      ok(await c.staff.users.revokeInvitation(param(c, "userId"), { version: version(c) })),
  },
];
