import { describe, expect, it } from "vitest";
import type { AuditQuery } from "../../audit/audit.schema";
import type { StaffDirectory } from "../../directory/staff-directory";
import { ERROR_STATUS, type ErrorCode } from "../../errors/error-codes";
import type { LocationInput } from "../../locations/location.schema";
import type { OrganizationPatch } from "../../organization/organization.schema";
import type { VersionOption } from "../../primitives/version.schema";
import type { RoleInput } from "../../roles/role.schema";
import type { BulkInput, ResetPasswordInput } from "../../users/user-actions.schema";
import type { UserQuery } from "../../users/user-query.schema";
import { asDirectoryError, expectError } from "./errors-expect";
import { createStaff, expectNoChange, itemsOf, missingId, setup, staffInput, withUnknown } from "./helpers";
import type { WorldFactory } from "./world";

/** A call with bad input and the code it must reject with. */
type BadCall = readonly [name: string, call: (dir: StaffDirectory) => Promise<unknown>, code: ErrorCode];

const noVersion = {} as unknown as VersionOption;

const BAD_CALLS: readonly BadCall[] = [
  ["users.list", (d) => d.users.list(withUnknown<UserQuery>({}, { bogus: 1 })), "validation"],
  ["users.counts", (d) => d.users.counts(withUnknown<UserQuery>({}, { bogus: 1 })), "validation"],
  ["roles.create", (d) => d.roles.create(withUnknown<RoleInput>({ name: "X" }, { bogus: 1 })), "validation"],
  [
    "roles.update",
    (d) => d.roles.update(missingId("rol"), { name: "X" }, noVersion),
    "precondition_required",
  ],
  [
    "locations.create",
    (d) => d.locations.create(withUnknown<LocationInput>({ name: "X" }, { bogus: 1 })),
    "validation",
  ],
  [
    "locations.update",
    (d) => d.locations.update(missingId("loc"), { name: "X" }, noVersion),
    "precondition_required",
  ],
  [
    "organization.update",
    (d) => d.organization.update(withUnknown<OrganizationPatch>({}, { bogus: 1 }), { version: 1 }),
    "validation",
  ],
  [
    "organization.update (no version)",
    (d) => d.organization.update({ name: "X" }, noVersion),
    "precondition_required",
  ],
  ["audit.list", (d) => d.audit.list(withUnknown<AuditQuery>({}, { bogus: 1 })), "validation"],
  [
    "users.update (no version)",
    (d) => d.users.update(missingId(), { profile: { title: "RN" } }, noVersion),
    "precondition_required",
  ],
];

/**
 * DESIGN §5: one error type with a stable code; every method rejects (a Promise) rather than throwing
 * synchronously, so local and REST callers handle failures alike; missing ids are `not_found`.
 *
 * @example describe("memory", () => registerErrorTests(() => memoryWorld()));
 */
export function registerErrorTests(factory: WorldFactory): void {
  describe("§5 errors", () => {
    for (const [name, call, code] of BAD_CALLS) {
      it(`${name} rejects with ${code} instead of throwing synchronously`, async () => {
        const ctx = await setup(factory);
        let returned: Promise<unknown> | null = null;
        let thrown: unknown = null;
        try {
          returned = call(ctx.owner);
        } catch (error) {
          thrown = error;
        }
        expect(
          thrown === null ? null : `threw synchronously: ${asDirectoryError(thrown)?.code ?? String(thrown)}`,
        ).toBeNull();
        if (returned) await expectError(returned, { code });
      });
    }

    it("missing ids of every kind are not_found, and failures carry a stable code and a message", async () => {
      const ctx = await setup(factory);
      const d = ctx.owner;
      await expectNoChange(ctx, async () => {
        for (const attempt of [
          () => d.users.get(missingId()),
          () => d.users.disable(missingId(), { version: 1 }),
          () => d.users.restore(missingId(), { version: 1 }),
          () => d.users.delete(missingId(), { version: 1 }),
          () => d.users.resendInvitation(missingId(), { version: 1 }),
          () => d.users.revokeInvitation(missingId(), { version: 1 }),
          () => d.users.invitation(missingId()),
          () => d.users.resetPassword(missingId(), { mode: "link" }, { version: 1 }),
          () => d.users.update(missingId(), { profile: { title: "RN" } }, { version: 1 }),
          () => d.roles.update(missingId("rol"), { name: "X" }, { version: 1 }),
          () => d.roles.delete(missingId("rol"), { version: 1 }),
          () => d.locations.update(missingId("loc"), { name: "X" }, { version: 1 }),
          () => d.locations.archive(missingId("loc"), { version: 1 }),
        ]) {
          const error = await expectError(attempt(), { code: "not_found" });
          expect(Object.keys(ERROR_STATUS)).toContain(error.code);
        }
      });
    });

    it("R14 unknown fields on invite, bulk and password reset are rejected, writing nothing", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      const { password: _p, mustChangePassword: _m, ...invite } = await staffInput(ctx);
      await expectNoChange(ctx, async () => {
        await expectError(ctx.owner.users.invite(withUnknown(invite, { status: "active" })), {
          code: "validation",
        });
        await expectError(
          ctx.owner.users.invite(withUnknown(invite, { password: "invitee-lantern-orchard-1" })),
          {
            code: "validation",
          },
        );
        await expectError(
          ctx.owner.users.bulk(
            withUnknown<BulkInput>({ action: "disable", items: itemsOf(user) }, { force: true }),
          ),
          { code: "validation" },
        );
        await expectError(
          ctx.owner.users.bulk(withUnknown<BulkInput>({ action: "disable", items: [] }, { action: "erase" })),
          {
            code: "validation",
          },
        );
        await expectError(
          ctx.owner.users.resetPassword(
            user.id,
            withUnknown<ResetPasswordInput>({ mode: "link" }, { password: "reset-lantern-orchard-9" }),
            { version: user.version },
          ),
          { code: "validation" },
        );
      });
    });

    it("a bulk action over more ids than the policy allows is refused as a whole", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      const items = Array.from({ length: 501 }, () => ({ id: user.id, version: user.version }));
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.bulk({ action: "disable", items }), {
          code: "validation",
          path: ["items"],
        }),
      );
    });

    it("R14 a malformed password reset or bulk input is refused on the field at fault, writing nothing", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      const v = { version: user.version };
      const reset = (input: unknown) =>
        ctx.owner.users.resetPassword(user.id, input as ResetPasswordInput, v);
      const bulk = (input: unknown) => ctx.owner.users.bulk(input as BulkInput);
      const cases: [string, () => Promise<unknown>, (string | number)[]][] = [
        ["no mode", () => reset({}), ["mode"]],
        ["an unknown mode", () => reset({ mode: "sms" }), ["mode"]],
        ["a temporary reset without a password", () => reset({ mode: "temporary" }), ["password"]],
        ["an empty temporary password", () => reset({ mode: "temporary", password: "" }), ["password"]],
        [
          "mustChangePassword that is not a boolean",
          () =>
            reset({
              mode: "temporary",
              password: "amber-kettle-orchard-plume-19",
              mustChangePassword: "yes",
            }),
          ["mustChangePassword"],
        ],
        ["an unknown action", () => bulk({ action: "erase", items: itemsOf(user) }), ["action"]],
        ["setRole without a role", () => bulk({ action: "setRole", items: itemsOf(user) }), ["roleId"]],
        ["items that are not a list", () => bulk({ action: "disable", items: user.id }), ["items"]],
        [
          "a version that is not a number",
          () => bulk({ action: "disable", items: [{ id: user.id, version: "1" }] }),
          ["items", 0, "version"],
        ],
      ];
      await expectNoChange(ctx, async () => {
        for (const [what, attempt, path] of cases) {
          await expectError(attempt(), { code: "validation", path }).catch((error: unknown) => {
            throw new Error(`${what}: ${String(error)}`);
          });
        }
      });
    });

    it("R5/R15 an error never leaks a secret or another organization's data in its message", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      const error = await expectError(
        ctx.owner.users.create({
          email: user.email,
          profile: { givenName: "Dup", familyName: "Licate" },
          roleId: user.roleId,
          locationAccess: [ctx.location.id],
          primaryLocationId: ctx.location.id,
          password: "duplicate-lantern-orchard-12",
        }),
        { code: "conflict", path: ["email"] },
      );
      expect(JSON.stringify(error)).not.toContain("duplicate-lantern-orchard-12");
    });
  });
}
