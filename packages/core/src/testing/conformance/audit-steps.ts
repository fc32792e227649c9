import { addLocation, type Ctx, createRole, createStaff, inviteStaff, itemsOf, MINUTE } from "./helpers";

/**
 * Prepares a mutation (earlier writes happen here) and returns it; it resolves to the target's id.
 *
 * @example const step: AuditStep = ["users.create", async (ctx) => async () => (await createStaff(ctx)).id];
 */
export type AuditStep = readonly [name: string, prepare: (ctx: Ctx) => Promise<() => Promise<string>>];

/**
 * One mutation per public write operation, each expected to append exactly one audit event (R13/R18).
 *
 * @example for (const [name, prepare] of AUDIT_STEPS) { const act = await prepare(ctx); await act(); }
 */
export const AUDIT_STEPS: readonly AuditStep[] = [
  ["users.create", async (ctx) => async () => (await createStaff(ctx)).id],
  ["users.invite", async (ctx) => async () => (await inviteStaff(ctx)).user.id],
  [
    "users.update",
    async (ctx) => {
      const u = await createStaff(ctx);
      return async () =>
        (await ctx.owner.users.update(u.id, { profile: { title: "RN" } }, { version: u.version })).id;
    },
  ],
  [
    "users.disable",
    async (ctx) => {
      const u = await createStaff(ctx);
      return async () => (await ctx.owner.users.disable(u.id, { version: u.version })).id;
    },
  ],
  [
    "users.restore",
    async (ctx) => {
      const u = await createStaff(ctx);
      const disabled = await ctx.owner.users.disable(u.id, { version: u.version });
      return async () => (await ctx.owner.users.restore(u.id, { version: disabled.version })).id;
    },
  ],
  [
    "users.delete",
    async (ctx) => {
      const u = await createStaff(ctx);
      const disabled = await ctx.owner.users.disable(u.id, { version: u.version });
      return async () => (await ctx.owner.users.delete(u.id, { version: disabled.version })).id;
    },
  ],
  [
    "users.resetPassword",
    async (ctx) => {
      const u = await createStaff(ctx);
      return async () =>
        (
          await ctx.owner.users.resetPassword(
            u.id,
            {
              mode: "temporary",
              password: "reset-lantern-orchard-64",
            },
            { version: u.version },
          )
        ).id;
    },
  ],
  [
    "users.resendInvitation",
    async (ctx) => {
      const { user } = await inviteStaff(ctx);
      ctx.world.clock.advance(5 * MINUTE);
      return async () => (await ctx.owner.users.resendInvitation(user.id, { version: user.version })).userId;
    },
  ],
  [
    "users.revokeInvitation",
    async (ctx) => {
      const { user } = await inviteStaff(ctx);
      return async () => (await ctx.owner.users.revokeInvitation(user.id, { version: user.version })).id;
    },
  ],
  [
    "users.bulk",
    async (ctx) => {
      const u = await createStaff(ctx);
      return async () => {
        const result = await ctx.owner.users.bulk({ action: "disable", items: itemsOf(u) });
        return result.results[0]?.id ?? "";
      };
    },
  ],
  ["roles.create", async (ctx) => async () => (await createRole(ctx, "Scheduler", ["calendar.view"])).id],
  [
    "roles.update",
    async (ctx) => {
      const r = await createRole(ctx, "Scheduler", ["calendar.view"]);
      return async () =>
        (await ctx.owner.roles.update(r.id, { name: "Schedulers" }, { version: r.version })).id;
    },
  ],
  [
    "roles.delete",
    async (ctx) => {
      const r = await createRole(ctx, "Scheduler", ["calendar.view"]);
      return async () => {
        await ctx.owner.roles.delete(r.id, { version: r.version });
        return r.id;
      };
    },
  ],
  ["locations.create", async (ctx) => async () => (await addLocation(ctx, "Nob Hill")).id],
  [
    "locations.update",
    async (ctx) => {
      const l = await addLocation(ctx, "Nob Hill");
      return async () =>
        (await ctx.owner.locations.update(l.id, { name: "Russian Hill" }, { version: l.version })).id;
    },
  ],
  [
    "locations.archive",
    async (ctx) => {
      const l = await addLocation(ctx, "Nob Hill");
      return async () => (await ctx.owner.locations.archive(l.id, { version: l.version })).id;
    },
  ],
  [
    "organization.update",
    async (ctx) => async () => {
      const org = await ctx.owner.organization.get();
      return (await ctx.owner.organization.update({ features: { diary: true } }, { version: org.version }))
        .id;
    },
  ],
];
