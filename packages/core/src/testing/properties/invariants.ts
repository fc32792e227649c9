import { ensure } from "./attempt";
import { who } from "./effect";
import { directoryOf, missing, type OrgModel, type PropertyState, permissionsOf } from "./model";
import { allUsers } from "./snapshot";

/** R6 and R7: at least one active administrator, and the main contact is one of them. */
function checkAdmins(trace: readonly string[], org: OrgModel): void {
  const s = org.snapshot;
  const admins = [...s.users.values()].filter(
    (u) => u.status === "active" && permissionsOf(s, u).has("users.manage"),
  );
  ensure(trace, admins.length >= 1, `R6: org${org.index} has no active administrator`);
  const mc = s.organization.mainContactUserId;
  ensure(
    trace,
    mc !== null && admins.some((u) => u.id === mc),
    `R6/R7: org${org.index}'s main contact ${mc} is not an active administrator`,
  );
}

/** R3 (provenance), R5 (membership), R8 (primary location) and R9 (named seats) over every user. */
function checkUsers(trace: readonly string[], org: OrgModel, other: OrgModel): void {
  const s = org.snapshot;
  let seats = 0;
  for (const user of s.users.values()) {
    ensure(
      trace,
      user.organizationId === org.id && !other.userIds.includes(user.id),
      `R5: org${org.index} lists ${user.id} of another organization`,
    );
    const justified = org.justified.get(user.id);
    ensure(trace, justified !== undefined, `R3: org${org.index} has user ${user.id} no operation created`);
    const extra = missing(permissionsOf(s, user), justified);
    ensure(
      trace,
      extra.length === 0,
      `R3: ${who(org, user.id)} holds ${extra} that whoever gave the role did not hold`,
    );
    const primary = s.locations.get(user.primaryLocationId);
    ensure(
      trace,
      primary !== undefined && !primary.archived,
      `R8: ${who(org, user.id)} has primary location ${user.primaryLocationId} that is missing or archived`,
    );
    const inside =
      user.locationAccess === "organization" || user.locationAccess.includes(user.primaryLocationId);
    ensure(trace, inside, `R8: ${who(org, user.id)} has a primary location outside its access`);
    if (user.status !== "disabled") seats += 1;
  }
  const named = s.organization.seats.named;
  ensure(
    trace,
    named === null || seats <= named,
    `R9: org${org.index} has ${seats} active+pending users for ${named} seats`,
  );
}

/** R4/R5: each active location-limited reader sees exactly the users sharing one of its locations. */
async function checkScopedReaders(state: PropertyState, org: OrgModel): Promise<void> {
  const s = org.snapshot;
  for (const reader of s.users.values()) {
    if (reader.status !== "active" || reader.locationAccess === "organization") continue;
    const perms = permissionsOf(s, reader);
    if (!perms.has("users.view") && !perms.has("users.manage")) continue;
    const mine = new Set(reader.locationAccess);
    const dir = await directoryOf(state, org.index, reader.id);
    const seen = await allUsers(dir);
    const expected = [...s.users.values()].filter(
      (u) => u.locationAccess === "organization" || u.locationAccess.some((l) => mine.has(l)),
    );
    const outside = seen.filter((u) => !expected.some((e) => e.id === u.id)).map((u) => who(org, u.id));
    ensure(
      state.trace,
      outside.length === 0,
      `R5: ${who(org, reader.id)} lists users outside its locations: ${outside}`,
    );
    const hidden = expected.filter((u) => !seen.some((x) => x.id === u.id)).map((u) => who(org, u.id));
    ensure(
      state.trace,
      hidden.length === 0,
      `R4: ${who(org, reader.id)} does not see users sharing its locations: ${hidden}`,
    );
    const counts = await dir.users.counts();
    const tally = (status: string) => expected.filter((u) => u.status === status).length;
    ensure(
      state.trace,
      counts.active === tally("active") &&
        counts.pending === tally("pending") &&
        counts.disabled === tally("disabled"),
      `R5: ${who(org, reader.id)} counts ${JSON.stringify(counts)} differ from its visible users`,
    );
  }
}

/**
 * Every invariant of both organizations, read through their observers and scoped readers:
 * R3, R4, R5, R6, R7, R8, R9 and R18 (`audit.verify()`).
 *
 * @example await checkInvariants(state);
 */
export async function checkInvariants(state: PropertyState): Promise<void> {
  const [a, b] = state.orgs;
  for (const [org, other] of [
    [a, b],
    [b, a],
  ] as const) {
    checkAdmins(state.trace, org);
    checkUsers(state.trace, org, other);
    const verified = await org.observer.audit.verify();
    ensure(state.trace, verified.ok, `R18: org${org.index} audit chain broken: ${JSON.stringify(verified)}`);
    await checkScopedReaders(state, org);
  }
}
