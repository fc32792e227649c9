import { describe, expect, it } from "vitest";
import type { StaffDirectory } from "../../directory/staff-directory";
import type { VersionOption } from "../../primitives/version.schema";
import type { BulkInput, BulkItem } from "../../users/user-actions.schema";
import { failSignIns, LOCKOUT_THRESHOLD, TEMPORARY_PASSWORD } from "./auth-helpers";
import { expectError } from "./errors-expect";
import {
  addLocation,
  type Ctx,
  createRole,
  createStaff,
  current,
  expectNoChange,
  inviteStaff,
  setup,
  templateRole,
} from "./helpers";
import type { WorldFactory } from "./world";

/** A record a write can succeed on, the version it was read at, and a way to make that version old. */
interface Prepared {
  /** The version read when the record was prepared. */
  readonly read: number;
  /** Another writer changes the record: the version read goes stale; answers the new version. */
  bump(): Promise<number>;
  /** The write under test, naming `options` as its version. */
  write(options: VersionOption): Promise<unknown>;
}

type Prepare = (ctx: Ctx) => Promise<Prepared>;

let edits = 0;

/** Another administrator's edit of a user (a job title), as R12's other writer. */
async function bumpUser(ctx: Ctx, userId: string): Promise<number> {
  edits += 1;
  const { version } = await current(ctx, userId);
  return (await ctx.owner.users.update(userId, { profile: { jobTitle: `Edit ${edits}` } }, { version }))
    .version;
}

/** A user of `status` the owner may act on, read now. */
async function staffIn(ctx: Ctx, status: "active" | "pending" | "disabled") {
  if (status === "pending") return (await inviteStaff(ctx)).user;
  const user = await createStaff(ctx);
  return status === "active" ? user : ctx.owner.users.disable(user.id, { version: user.version });
}

const onUser =
  (
    status: "active" | "pending" | "disabled",
    write: (dir: StaffDirectory, id: string, options: VersionOption) => Promise<unknown>,
    before?: (ctx: Ctx, user: { readonly id: string; readonly email: string }) => Promise<void>,
  ): Prepare =>
  async (ctx) => {
    const user = await staffIn(ctx, status);
    await before?.(ctx, user);
    const { version } = await current(ctx, user.id);
    return {
      read: version,
      bump: () => bumpUser(ctx, user.id),
      write: (options) => write(ctx.owner, user.id, options),
    };
  };

const MINUTES_2 = 2 * 60 * 1000;

/**
 * Every write of `StaffDirectory` but `users.bulk` (whose rows carry their versions, below) and
 * `provisioning.revokeToken` (a token's only write is its revocation, so nothing else can make the
 * version read old: its R12 test is in the provisioning block).
 */
const WRITES: readonly (readonly [string, Prepare])[] = [
  ["users.update", onUser("active", (d, id, o) => d.users.update(id, { profile: { title: "RN" } }, o))],
  ["users.disable", onUser("active", (d, id, o) => d.users.disable(id, o))],
  ["users.restore", onUser("disabled", (d, id, o) => d.users.restore(id, o))],
  ["users.delete", onUser("disabled", (d, id, o) => d.users.delete(id, o))],
  [
    "users.resetPassword (temporary password)",
    onUser("active", (d, id, o) =>
      d.users.resetPassword(id, { mode: "temporary", password: TEMPORARY_PASSWORD }, o),
    ),
  ],
  [
    "users.resetPassword (reset link)",
    onUser("active", (d, id, o) => d.users.resetPassword(id, { mode: "link" }, o)),
  ],
  [
    "users.unlock",
    onUser(
      "active",
      (d, id, o) => d.users.unlock(id, o),
      (ctx, user) => failSignIns(ctx, user.email, LOCKOUT_THRESHOLD),
    ),
  ],
  [
    "users.resendInvitation",
    onUser(
      "pending",
      (d, id, o) => d.users.resendInvitation(id, o),
      async (ctx) => ctx.world.clock.advance(MINUTES_2),
    ),
  ],
  ["users.revokeInvitation", onUser("pending", (d, id, o) => d.users.revokeInvitation(id, o))],
  [
    "provisioning.setAttributes",
    onUser("active", (d, id, o) => d.provisioning.setAttributes(id, { department: "Surgery" }, o)),
  ],
  [
    "provisioning.updateSettings",
    async (ctx) => {
      const settings = await ctx.owner.provisioning.settings();
      const frontDesk = (await templateRole(ctx, "front_desk")).id;
      const readOnly = (await templateRole(ctx, "read_only")).id;
      return {
        read: settings.version,
        bump: async () =>
          (
            await ctx.owner.provisioning.updateSettings(
              { defaultRoleId: readOnly },
              { version: settings.version },
            )
          ).version,
        write: (o) => ctx.owner.provisioning.updateSettings({ defaultRoleId: frontDesk }, o),
      };
    },
  ],
  [
    "roles.update",
    async (ctx) => {
      const role = await createRole(ctx, "Scheduler", ["calendar.view"]);
      let version = role.version;
      return {
        read: role.version,
        bump: async () => {
          version = (await ctx.owner.roles.update(role.id, { description: "Books visits." }, { version }))
            .version;
          return version;
        },
        write: (o) => ctx.owner.roles.update(role.id, { permissions: ["calendar.view", "users.view"] }, o),
      };
    },
  ],
  [
    "roles.delete",
    async (ctx) => {
      const role = await createRole(ctx, "Unused", ["calendar.view"]);
      return {
        read: role.version,
        bump: async () =>
          (await ctx.owner.roles.update(role.id, { name: "Unused too" }, { version: role.version })).version,
        write: (o) => ctx.owner.roles.delete(role.id, o),
      };
    },
  ],
  [
    "locations.update",
    async (ctx) => {
      const location = await addLocation(ctx, "North Clinic");
      return {
        read: location.version,
        bump: async () =>
          (await ctx.owner.locations.update(location.id, { group: "North" }, { version: location.version }))
            .version,
        write: (o) => ctx.owner.locations.update(location.id, { name: "North Clinic East" }, o),
      };
    },
  ],
  [
    "locations.archive",
    async (ctx) => {
      const location = await addLocation(ctx, "Old Clinic");
      return {
        read: location.version,
        bump: async () =>
          (await ctx.owner.locations.update(location.id, { group: "Old" }, { version: location.version }))
            .version,
        write: (o) => ctx.owner.locations.archive(location.id, o),
      };
    },
  ],
  [
    "organization.update",
    async (ctx) => {
      const org = await ctx.owner.organization.get();
      return {
        read: org.version,
        bump: async () =>
          (await ctx.owner.organization.update({ features: { diary: true } }, { version: org.version }))
            .version,
        write: (o) => ctx.owner.organization.update({ name: "Harbor Health" }, o),
      };
    },
  ],
];

/** What a caller that ignores the types sends: no options, or options without a version. */
const MISSING: readonly (readonly [string, VersionOption])[] = [
  ["no options", undefined as unknown as VersionOption],
  ["options without a version", {} as VersionOption],
];

/** The bulk actions and the status each applies to. */
const BULK: readonly (readonly [BulkInput["action"], "active" | "pending" | "disabled"])[] = [
  ["disable", "active"],
  ["restore", "disabled"],
  ["delete", "disabled"],
  ["setRole", "active"],
];

/**
 * R12 on every write: each names the version it read, in its types and on every backend. Without a
 * version a write is refused with `precondition_required` (HTTP 428) before anything is read; with
 * an old one with `stale` (412); either way nothing is written (no record, no audit event, no mail),
 * and the same write at the current version then succeeds.
 *
 * @example describe("memory", () => registerVersionTests(() => memoryWorld()));
 */
export function registerVersionTests(factory: WorldFactory): void {
  describe("R12 every write names the version it read", () => {
    for (const [name, prepare] of WRITES) {
      it(`R12 ${name} without a version is precondition_required and writes nothing`, async () => {
        const ctx = await setup(factory);
        const prepared = await prepare(ctx);
        await expectNoChange(ctx, async () => {
          for (const [what, options] of MISSING) {
            await expectError(prepared.write(options), { code: "precondition_required" }).catch(
              (error: unknown) => {
                throw new Error(`${what}: ${String(error)}`);
              },
            );
          }
        });
        await prepared.write({ version: prepared.read });
      });

      it(`R12 ${name} with a stale version is stale and writes nothing`, async () => {
        const ctx = await setup(factory);
        const prepared = await prepare(ctx);
        const now = await prepared.bump();
        expect(now).not.toBe(prepared.read);
        await expectNoChange(ctx, () =>
          expectError(prepared.write({ version: prepared.read }), { code: "stale" }),
        );
        await prepared.write({ version: now });
      });
    }

    it("R12 a version that is not a whole number is a validation error on version, writing nothing", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      await expectNoChange(ctx, async () => {
        for (const version of [-1, 1.5, Number.NaN, "3"]) {
          await expectError(ctx.owner.users.disable(user.id, { version } as VersionOption), {
            code: "validation",
            path: ["version"],
          });
        }
      });
    });
  });

  describe("R12 bulk rows name the versions they read", () => {
    for (const [action, status] of BULK) {
      it(`R12 users.bulk ${action}: a row without a version refuses the whole call, writing nothing`, async () => {
        const ctx = await setup(factory);
        const role = (await templateRole(ctx, "read_only")).id;
        const a = await staffIn(ctx, status);
        const b = await staffIn(ctx, status);
        const rows = [{ id: a.id, version: a.version }, { id: b.id }] as BulkItem[];
        await expectNoChange(ctx, () =>
          expectError(ctx.owner.users.bulk(bulkOf(action, rows, role)), { code: "precondition_required" }),
        );
        const done = await ctx.owner.users.bulk(bulkOf(action, [{ id: b.id, version: b.version }], role));
        expect(done.succeeded).toBe(1);
      });

      it(`R12 users.bulk ${action}: a stale row fails alone with stale and is not written`, async () => {
        const ctx = await setup(factory);
        const role = (await templateRole(ctx, "read_only")).id;
        const a = await staffIn(ctx, status);
        await bumpUser(ctx, a.id);
        const result = await expectNoChange(ctx, () =>
          ctx.owner.users.bulk(bulkOf(action, [{ id: a.id, version: a.version }], role)),
        );
        expect(result.results.map((r) => (r.ok ? "ok" : r.error.code))).toEqual(["stale"]);
        expect(result).toMatchObject({ succeeded: 0, failed: 1 });
        const now = await ctx.owner.users.bulk(
          bulkOf(action, [{ id: a.id, ...(await current(ctx, a.id)) }], role),
        );
        expect(now.succeeded).toBe(1);
      });
    }
  });
}

const bulkOf = (action: BulkInput["action"], items: BulkItem[], roleId: string): BulkInput =>
  action === "setRole" ? { action, items, roleId } : { action, items };
