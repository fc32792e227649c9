import { canReadUsers } from "../access/access.rules";
import { type ActorSession, readOp } from "../directory/runner";
import { parseInput } from "../directory/validate";
import { fail } from "../errors/directory-error";
import type { StoreUserQuery } from "../store/records";
import {
  addDays,
  CREDENTIAL_WARNING_DAYS,
  credentialStanding,
  daysBetween,
  utcDate,
} from "./credential.rules";
import { type ExpiringCredential, ExpiringCredentialsQuerySchema } from "./credential.schema";
import { displayName } from "./user.schema";

/** Users read per store page while collecting expiring credentials. */
const PAGE = 200;

/**
 * Issue 15: every credential of the active and pending users the actor sees (R4, R5) that has
 * expired or expires within `withinDays` (default 30) of the directory clock's UTC date — what a
 * host's reminder job asks for. Soonest first, then by name. Needs `users.view` (R2).
 *
 * @example const due = await admin.credentials.expiring({ withinDays: 60 });
 */
export async function expiringCredentials(s: ActorSession, raw: unknown): Promise<ExpiringCredential[]> {
  const q = parseInput(ExpiringCredentialsQuerySchema, raw ?? {});
  const withinDays = q.withinDays ?? CREDENTIAL_WARNING_DAYS;
  const includeExpired = q.includeExpired ?? true;
  return readOp(s, async (tx, a) => {
    if (!canReadUsers(a.subject)) throw fail.forbidden();
    const today = utcDate(s.ctx.clock.now());
    const to = addDays(today, withinDays);
    const scope = a.subject.locations;
    // The earliest expiry lies on or before `to` exactly when some credential does.
    const query: StoreUserQuery = {
      statuses: ["active", "pending"],
      terms: [],
      credentialExpiry: { to },
      ...(scope ? { scopeLocationIds: [...scope] } : {}),
      sort: "name",
      direction: "asc",
      limit: PAGE,
      cursor: null,
    };
    const out: ExpiringCredential[] = [];
    let cursor: string | null = null;
    do {
      const page = await tx.queryUsers(a.organization.id, { ...query, cursor });
      for (const user of page.items) {
        (user.provider?.credentials ?? []).forEach((credential, index) => {
          const { expiresOn } = credential;
          if (expiresOn === null || expiresOn > to) return;
          const standing = credentialStanding(expiresOn, today, withinDays);
          if (standing === "current" || (standing === "expired" && !includeExpired)) return;
          out.push({
            userId: user.id,
            displayName: displayName(user.profile),
            email: user.email,
            status: user.status,
            primaryLocationId: user.primaryLocationId,
            index,
            credential,
            standing,
            days: daysBetween(today, expiresOn),
          });
        });
      }
      cursor = page.nextCursor;
    } while (cursor !== null);
    return out.sort(
      (x, y) =>
        compare(x.credential.expiresOn ?? "", y.credential.expiresOn ?? "") ||
        compare(x.displayName, y.displayName) ||
        compare(x.userId, y.userId) ||
        x.index - y.index,
    );
  });
}

const compare = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
