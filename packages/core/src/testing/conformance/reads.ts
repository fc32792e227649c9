import { expect } from "vitest";
import type { AuditQuery } from "../../audit/audit.schema";
import type { AuditEvent } from "../../audit/audit-event.schema";
import type { StaffDirectory } from "../../directory/staff-directory";
import type { Location } from "../../locations/location.schema";
import type { Organization } from "../../organization/organization.schema";
import type { Page } from "../../primitives/page.schema";
import type { Role } from "../../roles/role.schema";
import type { User } from "../../users/user.schema";
import type { Ctx } from "./helpers";

/**
 * Follows cursors until the end and returns every item.
 *
 * @example const users = await allPages((cursor) => admin.users.list({ status: "active", cursor }));
 */
export async function allPages<T>(load: (cursor: string | null) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 10_000; i++) {
    const page: Page<T> = await load(cursor);
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error("allPages: too many pages");
}

/**
 * Every audit event matching the query, newest first.
 *
 * @example const events = await auditEvents(ctx.owner, { targetId: user.id });
 */
export async function auditEvents(dir: StaffDirectory, query: AuditQuery = {}): Promise<AuditEvent[]> {
  return allPages((cursor) => dir.audit.list({ ...query, limit: 200, cursor }));
}

/**
 * How many audit events the organization has.
 *
 * @example const before = await auditTotal(ctx.owner);
 */
export async function auditTotal(dir: StaffDirectory): Promise<number> {
  return (await dir.audit.list({ limit: 1 })).total;
}

/**
 * The newest audit event.
 *
 * @example expect((await latestEvent(ctx.owner)).target.id).toBe(user.id);
 */
export async function latestEvent(dir: StaffDirectory): Promise<AuditEvent> {
  const event = (await dir.audit.list({ limit: 1 })).items[0];
  if (!event) throw new Error("no audit event");
  return event;
}

/**
 * Users of one tab, every page.
 *
 * @example const pending = await usersIn(ctx.owner, "pending");
 */
export async function usersIn(
  dir: StaffDirectory,
  status: "active" | "pending" | "disabled",
  query: {
    search?: string;
    locationId?: string;
    roleId?: string;
    admin?: boolean;
    practitioner?: boolean;
  } = {},
): Promise<User[]> {
  return allPages((cursor) => dir.users.list({ ...query, status, limit: 200, cursor }));
}

/**
 * Ids of every user an actor can see in any tab.
 *
 * @example expect(await visibleIds(manager)).not.toContain(clinicBOnly.id);
 */
export async function visibleIds(dir: StaffDirectory): Promise<string[]> {
  const all = [
    ...(await usersIn(dir, "active")),
    ...(await usersIn(dir, "pending")),
    ...(await usersIn(dir, "disabled")),
  ];
  return all.map((u) => u.id).sort();
}

/** Everything the owner can observe, for "changes nothing" checks. @example expect(await observe(ctx)).toEqual(before); */
export interface Observation {
  readonly users: { active: User[]; pending: User[]; disabled: User[] };
  readonly counts: unknown;
  readonly auditTotal: number;
  readonly newestEventId: string | null;
  readonly roles: Role[];
  readonly locations: Location[];
  readonly organization: Organization;
  readonly mails: number;
}

/**
 * Reads everything observable through `viewer` (default: the owner).
 *
 * @example const before = await observe(ctx);
 */
export async function observe(ctx: Ctx, viewer: StaffDirectory = ctx.owner): Promise<Observation> {
  const newest = await viewer.audit.list({ limit: 1 });
  return {
    users: {
      active: await usersIn(viewer, "active"),
      pending: await usersIn(viewer, "pending"),
      disabled: await usersIn(viewer, "disabled"),
    },
    counts: await viewer.users.counts(),
    auditTotal: newest.total,
    newestEventId: newest.items[0]?.id ?? null,
    roles: await viewer.roles.list(),
    locations: await viewer.locations.list(),
    organization: await viewer.organization.get(),
    mails: ctx.world.mailer.outbox.length,
  };
}

/**
 * Runs `act` (which should fail) and asserts nothing observable changed: users, counts, audit,
 * roles, locations, organization, outbox.
 *
 * @example await expectNoChange(ctx, () => expectError(admin.users.create(bad), { code: "validation" }));
 */
export async function expectNoChange<T>(
  ctx: Ctx,
  act: () => Promise<T>,
  viewer?: StaffDirectory,
): Promise<T> {
  const before = await observe(ctx, viewer);
  const result = await act();
  const after = await observe(ctx, viewer);
  expect(after, "nothing changed").toEqual(before);
  return result;
}
