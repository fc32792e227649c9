import { fail } from "../errors/directory-error";
import type { OrganizationRecord, UserRecord } from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import type { UserStatus } from "../users/user.schema";

/**
 * R9: the statuses that take a named seat (and practitioner and licence seats): active and pending.
 *
 * @example await tx.countUsers(orgId, { statuses: SEAT_STATUSES })
 */
export const SEAT_STATUSES: readonly UserStatus[] = ["active", "pending"];

/** R9: a user in one of these statuses takes a named seat. */
export const holdsSeat = (status: UserStatus): boolean => SEAT_STATUSES.includes(status);

/**
 * R9: seats. `before` is the user as it was (null for a new one). Refuses when the change would take
 * a named, practitioner or licence seat beyond the organization's limit.
 */
export async function checkSeats(
  tx: StoreTransaction,
  org: OrganizationRecord,
  before: UserRecord | null,
  after: UserRecord,
): Promise<void> {
  if (!holdsSeat(after.status)) return;
  const counted = before !== null && holdsSeat(before.status);
  const { named, practitioners } = org.seats;
  if (!counted && named !== null) {
    const used = await tx.countUsers(org.id, { statuses: SEAT_STATUSES });
    if (used + 1 > named) {
      throw fail.rule("seat_limit", `All ${named} user seats are taken.`, { limit: named, used });
    }
  }
  if (after.flags.practitioner && !(counted && before?.flags.practitioner) && practitioners !== null) {
    const used = await tx.countUsers(org.id, { statuses: SEAT_STATUSES, practitioner: true });
    if (used + 1 > practitioners) {
      throw fail.rule("practitioner_seat_limit", `All ${practitioners} practitioner seats are taken.`, {
        limit: practitioners,
        used,
      });
    }
  }
  const had = new Set(counted && before ? before.licences : []);
  for (const key of after.licences) {
    if (had.has(key)) continue;
    const type = org.licenceTypes.find((l) => l.key === key);
    if (!type || type.seats === null) continue;
    const used = await tx.countUsers(org.id, { statuses: SEAT_STATUSES, licence: key });
    if (used + 1 > type.seats) {
      throw fail.rule("licence_seat_limit", `All ${type.seats} ${type.label} licences are taken.`, {
        licence: key,
        limit: type.seats,
        used,
      });
    }
  }
}
