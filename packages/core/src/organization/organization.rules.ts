import { type AccessSubject, canReadUsers } from "../access/access.rules";
import { ALLOWED, firstRefusal, refuse, type Verdict } from "../errors/verdict";
import type { UserRecord } from "../store/records";
import type { LicenceType } from "./organization.schema";

/*
 * The verdicts of organization writes (W11; R2, R4, R7): the service asserts them,
 * `organization.formOptions()` reads them. How many users hold a licence is a fact passed in; R9's
 * seats are a count rule asserted where users take seats. Beside them: `sessionLimitsVerdict`
 * (W13, `session-limits.rules.ts`), asserted on every update, and `seatLimitsBelowUse` (R9,
 * `seat-limits.rules.ts`) — not a verdict, since a limit below use may be saved, but the fact the
 * settings form confirms first.
 */

/**
 * R2: seat usage is open to those who read users or manage the organization.
 *
 * @example if (!canReadSeatUsage(a.subject)) throw fail.forbidden();
 */
export function canReadSeatUsage(subject: AccessSubject): boolean {
  return canReadUsers(subject) || subject.permissions.has("organization.manage");
}

/**
 * R2, R4: the organization's settings apply everywhere, so only org-wide actors holding
 * `organization.manage` change them; `forbidden` otherwise.
 *
 * @example organizationManagerVerdict(a.subject)
 */
export function organizationManagerVerdict(subject: AccessSubject): Verdict {
  if (!subject.permissions.has("organization.manage")) return refuse.forbidden();
  return subject.locations === null
    ? ALLOWED
    : refuse.forbidden("Only organization-wide administrators change organization settings.");
}

/**
 * R7: only the main contact hands the main-contact role over (`rule`/`main_contact_only`).
 *
 * @example handOverVerdict(a.subject)
 */
export function handOverVerdict(subject: AccessSubject): Verdict {
  return firstRefusal(
    () => organizationManagerVerdict(subject),
    () =>
      subject.isMainContact
        ? ALLOWED
        : refuse.rule("main_contact_only", "Only the main contact can hand the role over."),
  );
}

/**
 * R7: the next main contact is an active administrator; `validation` on `mainContactUserId`
 * otherwise (a missing user included).
 *
 * @example heirVerdict(await tx.getUser(org.id, patch.mainContactUserId), adminRoleIds(roles))
 */
export function heirVerdict(
  heir: Pick<UserRecord, "status" | "roleId"> | null,
  adminRoleIds: readonly string[],
): Verdict {
  return heir?.status === "active" && adminRoleIds.includes(heir.roleId)
    ? ALLOWED
    : refuse.field(["mainContactUserId"], "not_admin", "The main contact must be an active administrator.");
}

/**
 * Users hold licences by key: a licence type someone holds (any status) cannot go away or change
 * its key under them (`rule`/`licence_in_use` on `licenceTypes`, with the count — a fact passed in).
 *
 * @example licenceRemovalVerdict(oldType, holders)
 */
export function licenceRemovalVerdict(type: Pick<LicenceType, "key" | "label">, holders: number): Verdict {
  return holders > 0
    ? refuse.rule(
        "licence_in_use",
        `${holders} user(s) hold the ${type.label} licence. Take it from them first.`,
        {
          details: { licence: type.key, users: holders },
          field: ["licenceTypes"],
        },
      )
    : ALLOWED;
}

/**
 * Each licence type has its own key: `validation` on `licenceTypes` for a repeated key.
 *
 * @example uniqueLicenceKeysVerdict(patch.licenceTypes)
 */
export function uniqueLicenceKeysVerdict(types: readonly Pick<LicenceType, "key">[]): Verdict {
  return new Set(types.map((l) => l.key)).size === types.length
    ? ALLOWED
    : refuse.field(["licenceTypes"], "duplicate", "Each licence type needs its own key.");
}
