import type { ActorContext } from "../access/actor";
import { auditActor, auditTarget, diff } from "../audit/audit-writer";
import { type ActorSession, readOp, writeOp } from "../directory/runner";
import { ensureUniqueName } from "../directory/unique-name";
import { checkId, parseInput } from "../directory/validate";
import { expectVersion, orStale, requireVersion } from "../directory/versions";
import { fail } from "../errors/directory-error";
import { assertAllowed } from "../errors/verdict";
import type { LocationRecord } from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import { type Location, LocationInputSchema, LocationPatchSchema } from "./location.schema";
import {
  archiveLocationVerdict,
  canReadLocations,
  createLocationVerdict,
  locationInScope,
  locationManagerVerdict,
} from "./locations.rules";

async function scopedLocation(tx: StoreTransaction, a: ActorContext, id: unknown): Promise<LocationRecord> {
  const loc = await tx.getLocation(a.organization.id, checkId(id));
  if (!loc || !locationInScope(a.subject, loc.id)) throw fail.notFound("Location not found.");
  return loc;
}

/** W8/W9: locations the actor may see (all for org-wide actors), archived ones last. */
export async function listLocations(s: ActorSession): Promise<Location[]> {
  return readOp(s, async (tx, a) => {
    if (!canReadLocations(a.subject)) throw fail.forbidden();
    const all = await tx.listLocations(a.organization.id);
    const visible = all.filter((l) => locationInScope(a.subject, l.id));
    return [...visible.filter((l) => !l.archived), ...visible.filter((l) => l.archived)];
  });
}

/** W8: creates a location. Only org-wide actors create locations (a new one lies outside any limited scope). */
export async function createLocation(s: ActorSession, raw: unknown): Promise<Location> {
  const input = parseInput(LocationInputSchema, raw);
  return writeOp(s, async (unit, a) => {
    assertAllowed(createLocationVerdict(a.subject));
    ensureUniqueName(await unit.tx.listLocations(a.organization.id), input.name, "location");
    const loc: LocationRecord = {
      id: s.ctx.ids("location"),
      organizationId: a.organization.id,
      name: input.name,
      group: input.group || null,
      archived: false,
      version: 1,
      createdAt: unit.now,
      updatedAt: unit.now,
    };
    await unit.tx.insertLocation(loc);
    await auditActor(s.ctx, unit, a, {
      action: "location.created",
      target: auditTarget.location(loc),
    });
    return loc;
  });
}

/** W8: renames or regroups a location. */
export async function updateLocation(
  s: ActorSession,
  id: unknown,
  rawPatch: unknown,
  options: unknown,
): Promise<Location> {
  const version = requireVersion(options);
  const patch = parseInput(LocationPatchSchema, rawPatch);
  return writeOp(s, async (unit, a) => {
    assertAllowed(locationManagerVerdict(a.subject));
    const loc = await scopedLocation(unit.tx, a, id);
    expectVersion(loc, version);
    if (patch.name)
      ensureUniqueName(await unit.tx.listLocations(a.organization.id), patch.name, "location", loc.id);
    const next: LocationRecord = {
      ...loc,
      name: patch.name ?? loc.name,
      group: patch.group === undefined ? loc.group : patch.group || null,
      version: loc.version + 1,
      updatedAt: unit.now,
    };
    const changes = diff(loc, next, ["name", "group"]);
    if (Object.keys(changes).length === 0) return loc;
    await orStale(unit.tx.updateLocation(next, loc.version));
    await auditActor(s.ctx, unit, a, {
      action: "location.updated",
      target: auditTarget.location(next),
      changes,
    });
    return next;
  });
}

/** W8: archives a location no active or pending user has as primary (R8 keeps every primary live). */
export async function archiveLocation(s: ActorSession, id: unknown, options: unknown): Promise<Location> {
  const expected = requireVersion(options);
  return writeOp(s, async (unit, a) => {
    assertAllowed(locationManagerVerdict(a.subject));
    const loc = await scopedLocation(unit.tx, a, id);
    expectVersion(loc, expected);
    const page = await unit.tx.queryUsers(a.organization.id, {
      statuses: ["active", "pending", "disabled"],
      terms: [],
      locationId: loc.id,
      sort: "name",
      direction: "asc",
      limit: 200,
      cursor: null,
    });
    let primaryOf = page.items.filter((u) => u.primaryLocationId === loc.id).length;
    let cursor = page.nextCursor;
    while (cursor && primaryOf === 0) {
      const more = await unit.tx.queryUsers(a.organization.id, {
        statuses: ["active", "pending", "disabled"],
        terms: [],
        locationId: loc.id,
        sort: "name",
        direction: "asc",
        limit: 200,
        cursor,
      });
      primaryOf += more.items.filter((u) => u.primaryLocationId === loc.id).length;
      cursor = more.nextCursor;
    }
    assertAllowed(archiveLocationVerdict(a.subject, loc, primaryOf));
    const next: LocationRecord = { ...loc, archived: true, version: loc.version + 1, updatedAt: unit.now };
    await orStale(unit.tx.updateLocation(next, loc.version));
    await auditActor(s.ctx, unit, a, {
      action: "location.archived",
      target: auditTarget.location(loc),
      changes: { archived: { before: false, after: true } },
    });
    return next;
  });
}
