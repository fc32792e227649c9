import type { DefaultPermission } from "../../access/catalog";
import type { StaffDirectory } from "../../directory/staff-directory";
import type { Location } from "../../locations/location.schema";
import type { Features, Organization, Seats } from "../../organization/organization.schema";
import type { VersionOption } from "../../primitives/version.schema";
import type { Role } from "../../roles/role.schema";
import { ROLE_TEMPLATES } from "../../roles/templates";
import type { LocationAccess, User } from "../../users/user.schema";
import type { BulkItem } from "../../users/user-actions.schema";
import type { CreateUserInput, InviteUserInput } from "../../users/user-input.schema";
import type { InviteResult } from "../../users/user-results.schema";
import { FIXTURE_PASSWORD } from "../fixtures";
import type { ConformanceWorld, WorldFactory } from "./world";

export {
  allPages,
  auditEvents,
  auditTotal,
  expectNoChange,
  latestEvent,
  type Observation,
  observe,
  usersIn,
  visibleIds,
} from "./reads";

/**
 * The row actions `users.actions(user)` offers (allowed), in its order.
 *
 * @example expect(offered(admin, user)).toEqual(["edit", "disable", "resetPassword"]);
 */
export function offered(dir: StaffDirectory, user: User): string[] {
  return dir.users.actions(user).flatMap((o) => (o.verdict.allowed ? [o.action] : []));
}

/**
 * The reason `users.actions(user)` gives for refusing `action` (its message), or null when the action
 * is allowed or not listed.
 *
 * @example expect(refusedBecause(manager, lead, "disable")).toBe("This user holds permissions you do not have.");
 */
export function refusedBecause(dir: StaffDirectory, user: User, action: string): string | null {
  const offer = dir.users.actions(user).find((o) => o.action === action);
  return offer && !offer.verdict.allowed ? offer.verdict.message : null;
}

/** Keys of the built-in role templates. @example const key: TemplateKey = "read_only"; */
export type TemplateKey = "administrator" | "front_desk" | "provider" | "billing_manager" | "read_only";

/**
 * One test's context: the world, the owner's directory (already `me()`-loaded) and a counter for
 * unique emails.
 *
 * @example const ctx = await setup(factory); const jane = await createStaff(ctx);
 */
export interface Ctx {
  readonly world: ConformanceWorld;
  readonly owner: StaffDirectory;
  readonly location: Location;
  /** Next number for {@link uniqueEmail}. */
  seq: number;
}

/**
 * Builds a fresh world and loads the owner's directory.
 *
 * @example it("…", async () => { const ctx = await setup(factory); … });
 */
export async function setup(factory: WorldFactory): Promise<Ctx> {
  const world = await factory();
  const owner = await world.as(world.owner.id);
  await owner.me();
  return { world, owner, location: world.location, seq: 0 };
}

/**
 * A directory acting as `userId` (optionally in another organization), with `me()` loaded so `can()` answers.
 *
 * @example const jane = await actAs(ctx, janeUser.id);
 */
export async function actAs(ctx: Ctx, userId: string, organizationId?: string): Promise<StaffDirectory> {
  const dir = await ctx.world.as(userId, organizationId);
  await dir.me();
  return dir;
}

/**
 * A unique, valid, lower-case email in the world's domain.
 *
 * @example uniqueEmail(ctx, "jane") // "jane.3@staff.harbor.example"
 */
export function uniqueEmail(ctx: Ctx, hint = "staff"): string {
  ctx.seq += 1;
  return `${hint}.${ctx.seq}@staff.harbor.example`;
}

/**
 * The role created from a template at bootstrap (by template key, else by template name).
 *
 * @example const admin = await templateRole(ctx, "administrator");
 */
export async function templateRole(
  ctx: Ctx,
  key: TemplateKey,
  by: StaffDirectory = ctx.owner,
): Promise<Role> {
  const roles = await by.roles.list();
  const name = ROLE_TEMPLATES.find((t) => t.key === key)?.name;
  const role = roles.find((r) => r.template === key) ?? roles.find((r) => r.name === name);
  if (!role) throw new Error(`no role from template ${key} in ${roles.map((r) => r.name).join(", ")}`);
  return role;
}

/** How {@link createStaff} and {@link inviteStaff} build a user. @example { role: "provider", locations: [clinicB], title: "RN" } */
export interface StaffOptions {
  /** A template key or a role (default "front_desk"). */
  readonly role?: TemplateKey | Role;
  /** "organization" or locations (default: the world's first location). */
  readonly locations?: "organization" | readonly (Location | string)[];
  /** Primary location (default: the first of `locations`, else the world's location). */
  readonly primary?: Location | string;
  readonly email?: string;
  readonly givenName?: string;
  readonly familyName?: string;
  readonly title?: string | null;
  /** Who acts (default: the owner). */
  readonly by?: StaffDirectory;
  /** Extra fields merged into the input last. */
  readonly extra?: Partial<CreateUserInput>;
}

const idOf = (x: Location | string): string => (typeof x === "string" ? x : x.id);

/**
 * The create-input {@link createStaff} would send, for tests that tweak it.
 *
 * @example const input = await staffInput(ctx, { role: "read_only" });
 */
export async function staffInput(ctx: Ctx, options: StaffOptions = {}): Promise<CreateUserInput> {
  const role =
    typeof options.role === "object" ? options.role : await templateRole(ctx, options.role ?? "front_desk");
  const locations = options.locations ?? [ctx.location];
  const locationAccess: LocationAccess = locations === "organization" ? "organization" : locations.map(idOf);
  const primary =
    options.primary ?? (locations === "organization" ? ctx.location : (locations[0] ?? ctx.location));
  ctx.seq += 1;
  return {
    email: options.email ?? `staff.${ctx.seq}@staff.harbor.example`,
    profile: {
      givenName: options.givenName ?? "Sam",
      familyName: options.familyName ?? `Staff${String.fromCharCode(65 + (ctx.seq % 26))}`,
      ...(options.title !== undefined ? { title: options.title } : {}),
    },
    roleId: role.id,
    locationAccess,
    primaryLocationId: idOf(primary),
    password: FIXTURE_PASSWORD,
    ...options.extra,
  };
}

/**
 * Creates an active user (W1) as the owner or `options.by`.
 *
 * @example const frontDesk = await createStaff(ctx, { role: "front_desk", locations: [clinicA] });
 */
export async function createStaff(ctx: Ctx, options: StaffOptions = {}): Promise<User> {
  const input = await staffInput(ctx, options);
  return (options.by ?? ctx.owner).users.create(input);
}

/**
 * Invites a user (W2) as the owner or `options.by`; same options as {@link createStaff}.
 *
 * @example const { user, invitation } = await inviteStaff(ctx, { email: "sam@clinic.example" });
 */
export async function inviteStaff(ctx: Ctx, options: StaffOptions = {}): Promise<InviteResult> {
  const { password: _password, mustChangePassword: _must, ...input } = await staffInput(ctx, options);
  const invite: InviteUserInput = input;
  return (options.by ?? ctx.owner).users.invite(invite);
}

/**
 * Creates a role with exactly these permissions (as the owner).
 *
 * @example const manager = await createRole(ctx, "Clinic Manager", ["users.view", "users.manage"]);
 */
export async function createRole(
  ctx: Ctx,
  name: string,
  permissions: readonly DefaultPermission[],
  by: StaffDirectory = ctx.owner,
): Promise<Role> {
  return by.roles.create({ name, permissions: [...permissions] });
}

/**
 * Creates a role and a user holding it, and returns the user's directory.
 *
 * @example const { user, dir } = await staffWithPermissions(ctx, ["users.view"], { locations: [clinicA] });
 */
export async function staffWithPermissions(
  ctx: Ctx,
  permissions: readonly DefaultPermission[],
  options: Omit<StaffOptions, "role"> & { readonly roleName?: string } = {},
): Promise<{ role: Role; user: User; dir: StaffDirectory }> {
  ctx.seq += 1;
  const role = await createRole(ctx, options.roleName ?? `Custom role ${ctx.seq}`, permissions);
  const user = await createStaff(ctx, { ...options, role });
  return { role, user, dir: await actAs(ctx, user.id) };
}

/**
 * Creates a location as the owner.
 *
 * @example const clinicB = await addLocation(ctx, "Sunset District");
 */
export async function addLocation(ctx: Ctx, name?: string): Promise<Location> {
  ctx.seq += 1;
  return ctx.owner.locations.create({ name: name ?? `Clinic ${ctx.seq}` });
}

/**
 * Turns features on or off as the owner.
 *
 * @example await setFeatures(ctx, { providerDirectory: true });
 */
export async function setFeatures(ctx: Ctx, features: Partial<Features>): Promise<Organization> {
  const org = await ctx.owner.organization.get();
  return ctx.owner.organization.update({ features }, { version: org.version });
}

/**
 * Sets seat limits as the owner.
 *
 * @example await setSeats(ctx, { named: 3 });
 */
export async function setSeats(ctx: Ctx, seats: Partial<Seats>): Promise<Organization> {
  const org = await ctx.owner.organization.get();
  return ctx.owner.organization.update({ seats }, { version: org.version });
}

/**
 * A well-formed id that exists nowhere.
 *
 * @example await expectError(admin.users.get(missingId("usr")), { code: "not_found" });
 */
export function missingId(prefix: "usr" | "rol" | "loc" = "usr"): string {
  return `${prefix}_zzzzzzzzzzzzzzzzzzzz`;
}

/**
 * The current time of the world's clock as an ISO string.
 *
 * @example expect(event.at).toBe(nowIso(ctx));
 */
export function nowIso(ctx: Ctx): string {
  return new Date(ctx.world.clock.now()).toISOString();
}

/** A minute in milliseconds. @example ctx.world.clock.advance(5 * MINUTE); */
export const MINUTE = 60_000;
/** An hour in milliseconds. @example ctx.world.clock.advance(HOUR); */
export const HOUR = 60 * MINUTE;
/** A day in milliseconds. @example ctx.world.clock.advance(7 * DAY + MINUTE); */
export const DAY = 24 * HOUR;

/**
 * Casts an object with fields the API does not accept, for R14 tests.
 *
 * @example await expectError(admin.users.create(withUnknown<CreateUserInput>(input, { status: "active" })), { code: "validation" });
 */
export function withUnknown<T>(input: T, extra: Record<string, unknown>): T {
  return { ...input, ...extra } as T;
}

/**
 * The version of a user as the owner reads it now, for a write in a test about something other than
 * R12 (R12's own tests name the version they read). A read, then the write: exactly what a UI must
 * not do, and what a test of another rule may.
 *
 * @example await ctx.owner.users.restore(user.id, await current(ctx, user.id));
 */
export async function current(ctx: Ctx, userId: string): Promise<VersionOption> {
  return { version: (await ctx.owner.users.get(userId)).version };
}

/**
 * Bulk items (`users.bulk`) naming the version each user was read at.
 *
 * @example await ctx.owner.users.bulk({ action: "disable", items: itemsOf(ava, ben) });
 */
export function itemsOf(...users: readonly { readonly id: string; readonly version: number }[]): BulkItem[] {
  return users.map(({ id, version }) => ({ id, version }));
}
