import { auditActor, auditTarget, diff } from "../audit/audit-writer";
import { mergeDefined } from "../directory/merge";
import { type ActorSession, readOp, writeOp } from "../directory/runner";
import { parseInput } from "../directory/validate";
import { expectVersion, orStale, requireVersion } from "../directory/versions";
import { fail } from "../errors/directory-error";
import { assertAllowed } from "../errors/verdict";
import { adminRoleIds } from "../roles/roles.rules";
import type { OrganizationRecord } from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import {
  canReadSeatUsage,
  handOverVerdict,
  heirVerdict,
  licenceRemovalVerdict,
  organizationManagerVerdict,
  uniqueLicenceKeysVerdict,
} from "./organization.rules";
import { type Organization, OrganizationPatchSchema } from "./organization.schema";
import type { OrganizationFormOptions } from "./organization-form-options.schema";
import type { SeatUsage } from "./seat-usage.schema";
import { SEAT_STATUSES } from "./seats.rules";
import { liveSessionWindow, sessionLimitsVerdict } from "./session-limits.rules";

/** R9: the organization's live sessions at `nowMs`, within its idle and absolute limits (W13). */
function countLive(tx: StoreTransaction, org: OrganizationRecord, nowMs: number): Promise<number> {
  const w = liveSessionWindow(org, nowMs);
  return tx.countLiveSessions(org.id, w.now, w.idleSince, w.createdSince);
}

/** How many users (any status) hold a licence. */
async function licenceHolders(tx: StoreTransaction, organizationId: string, key: string): Promise<number> {
  return tx.countUsers(organizationId, { statuses: ["active", "pending", "disabled"], licence: key });
}

/**
 * `organization.formOptions()`: whether the actor may change the settings, hand the main-contact
 * role over, and remove each licence type (refused while someone holds it, with the count).
 *
 * @example const options = await organizationFormOptions(s); options.handOver.allowed
 */
export async function organizationFormOptions(s: ActorSession): Promise<OrganizationFormOptions> {
  return readOp(s, async (tx, a) => {
    const update = organizationManagerVerdict(a.subject);
    const licenceTypes = await Promise.all(
      a.organization.licenceTypes.map(async (type) => ({
        value: type.key,
        label: type.label,
        verdict: update.allowed
          ? licenceRemovalVerdict(type, await licenceHolders(tx, a.organization.id, type.key))
          : update,
      })),
    );
    return { update, handOver: handOverVerdict(a.subject), licenceTypes };
  });
}

/** The actor's organization. Any active member may read it: widgets need its features to render. */
export async function getOrganization(s: ActorSession): Promise<Organization> {
  return readOp(s, async (_tx, a) => a.organization);
}

/** R9: seats in use against the organization's limits. */
export async function seatUsage(s: ActorSession): Promise<SeatUsage> {
  return readOp(s, async (tx, a) => {
    if (!canReadSeatUsage(a.subject)) throw fail.forbidden();
    const org = a.organization;
    const statuses = SEAT_STATUSES;
    const licences = await Promise.all(
      org.licenceTypes.map(async (l) => ({
        key: l.key,
        label: l.label,
        used: await tx.countUsers(org.id, { statuses, licence: l.key }),
        limit: l.seats,
      })),
    );
    return {
      named: { used: await tx.countUsers(org.id, { statuses }), limit: org.seats.named },
      practitioners: {
        used: await tx.countUsers(org.id, { statuses, practitioner: true }),
        limit: org.seats.practitioners,
      },
      concurrent: {
        used: await countLive(tx, org, s.ctx.clock.now()),
        limit: org.seats.concurrent,
      },
      licences,
    };
  });
}

/**
 * W11: features, seats, licence and provider types; W13: the session limits (a shorter idle limit
 * or lifetime applies to the sessions already open at once); R7: only the main contact hands the main-contact
 * role over, and only to an active administrator.
 */
export async function updateOrganization(
  s: ActorSession,
  rawPatch: unknown,
  options: unknown,
): Promise<Organization> {
  const version = requireVersion(options);
  const patch = parseInput(OrganizationPatchSchema, rawPatch);
  return writeOp(s, async (unit, a) => {
    assertAllowed(organizationManagerVerdict(a.subject));
    const org = a.organization;
    expectVersion(org, version);
    if (patch.mainContactUserId !== undefined && patch.mainContactUserId !== org.mainContactUserId) {
      assertAllowed(handOverVerdict(a.subject));
      const heir = await unit.tx.getUser(org.id, patch.mainContactUserId);
      assertAllowed(heirVerdict(heir, adminRoleIds(await unit.tx.listRoles(org.id))));
    }
    if (patch.licenceTypes) {
      // Users hold licences by key: a type they hold cannot go away or change its key under them.
      const kept = new Set(patch.licenceTypes.map((l) => l.key));
      for (const old of org.licenceTypes) {
        if (kept.has(old.key)) continue;
        assertAllowed(licenceRemovalVerdict(old, await licenceHolders(unit.tx, org.id, old.key)));
      }
    }
    if (patch.licenceTypes) assertAllowed(uniqueLicenceKeysVerdict(patch.licenceTypes));
    const next: OrganizationRecord = {
      ...org,
      name: patch.name ?? org.name,
      features: mergeDefined(org.features, patch.features),
      seats: mergeDefined(org.seats, patch.seats),
      licenceTypes: patch.licenceTypes ?? org.licenceTypes,
      providerTypes: patch.providerTypes ? [...new Set(patch.providerTypes)] : org.providerTypes,
      sessionLimits: mergeDefined(org.sessionLimits, patch.sessionLimits),
      mainContactUserId: patch.mainContactUserId ?? org.mainContactUserId,
      version: org.version + 1,
      updatedAt: unit.now,
    };
    assertAllowed(sessionLimitsVerdict(next.sessionLimits));
    const changes = diff(org, next, [
      "name",
      "features",
      "seats",
      "licenceTypes",
      "providerTypes",
      "sessionLimits",
      "mainContactUserId",
    ]);
    if (Object.keys(changes).length === 0) return org;
    await orStale(unit.tx.updateOrganization(next, org.version));
    await auditActor(s.ctx, unit, a, {
      action: changes.mainContactUserId ? "organization.main_contact_changed" : "organization.updated",
      target: auditTarget.organization(next),
      changes,
    });
    return next;
  });
}
