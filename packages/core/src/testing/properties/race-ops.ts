import type { StaffDirectory } from "../../directory/staff-directory";
import { FIXTURE_PASSWORD } from "../fixtures";
import type { RaceWorld } from "./race-setup";

/**
 * A conflicting operation: resolves to the number of records it changed (each needs one audit event).
 *
 * @example const changed = await RACE_OPS["M disables A"]?.(race);
 */
export type RaceOp = (race: RaceWorld) => Promise<number>;

type Who = "M" | "A" | "B";

const handOver =
  (by: Who, to: "A" | "B" | "M"): RaceOp =>
  async (race) => {
    const dir = race.dirs[by];
    const org = await dir.organization.get();
    const next = await dir.organization.update(
      { mainContactUserId: race.users[to].id },
      { version: org.version },
    );
    return next.version === org.version ? 0 : 1;
  };

/** The racer reads the target, then writes at that version (R12): a racer that lost to a write on the same user is stale. */
const readItem = async (race: RaceWorld, by: Who, target: Who | "D1" | "D2" | "D3") => {
  const user = await race.dirs[by].users.get(race.users[target].id);
  return { id: user.id, version: user.version };
};

const disable =
  (by: Who, target: Who | "D1"): RaceOp =>
  async (race) => {
    const { id, version } = await readItem(race, by, target);
    await race.dirs[by].users.disable(id, { version });
    return 1;
  };

/** The role a demotion gives: each demoting operation has its own, so a succeeded row always changes something. */
const demotedRole = (race: RaceWorld, slot: number): string => {
  const role = race.roles.demoted[slot];
  if (!role) throw new Error(`race setup: no demoted role ${slot}`);
  return role.id;
};

const demote =
  (by: Who, target: Who, slot: number): RaceOp =>
  async (race) => {
    const dir = race.dirs[by];
    const user = await dir.users.get(race.users[target].id);
    const next = await dir.users.update(
      user.id,
      { roleId: demotedRole(race, slot) },
      { version: user.version },
    );
    return next.version === user.version ? 0 : 1;
  };

const bulkDemote =
  (by: Who, targets: readonly Who[], slot: number): RaceOp =>
  async (race) => {
    const items = await Promise.all(targets.map((t) => readItem(race, by, t)));
    const result = await race.dirs[by].users.bulk({
      action: "setRole",
      items,
      roleId: demotedRole(race, slot),
    });
    return result.succeeded;
  };

const stripAdmin =
  (by: Who, role: "administrator" | "coAdmin"): RaceOp =>
  async (race) => {
    const dir = race.dirs[by];
    const current = (await dir.roles.list()).find((r) => r.id === race.roles[role].id);
    if (!current) throw new Error(`role ${role} vanished`);
    const permissions = current.permissions.filter((p) => p !== "users.manage");
    const next = await dir.roles.update(current.id, { permissions }, { version: current.version });
    return next.version === current.version ? 0 : 1;
  };

const restore =
  (by: Who, target: "D1" | "D2" | "D3"): RaceOp =>
  async (race) => {
    const { id, version } = await readItem(race, by, target);
    await race.dirs[by].users.restore(id, { version });
    return 1;
  };

const bulkRestore =
  (by: Who): RaceOp =>
  async (race) => {
    const items = await Promise.all((["D1", "D2", "D3"] as const).map((t) => readItem(race, by, t)));
    return (await race.dirs[by].users.bulk({ action: "restore", items })).succeeded;
  };

const add =
  (by: Who, mode: "create" | "invite"): RaceOp =>
  async (race) => {
    race.seq += 1;
    const dir: StaffDirectory = race.dirs[by];
    const input = {
      email: `race.new.${race.seq}@harbor.prop.example`,
      profile: { givenName: "Race", familyName: `New${race.seq}` },
      roleId: race.roles.frontDesk.id,
      locationAccess: "organization" as const,
      primaryLocationId: race.world.location.id,
    };
    if (mode === "create") await dir.users.create({ ...input, password: FIXTURE_PASSWORD });
    else await dir.users.invite(input);
    return 1;
  };

const remove =
  (by: Who, target: "D1"): RaceOp =>
  async (race) => {
    const { id, version } = await readItem(race, by, target);
    await race.dirs[by].users.delete(id, { version });
    return 1;
  };

/**
 * The conflicting operations the concurrency property fires in random subsets: two admins demoting
 * and disabling each other around a main-contact hand-over, administration stripped from roles, and
 * restores, creates and invites racing for the last seats.
 *
 * @example await Promise.allSettled([RACE_OPS["M disables A"], RACE_OPS["A disables M"]].map((op) => op?.(race)));
 */
export const RACE_OPS: Readonly<Record<string, RaceOp>> = {
  "M hands over to A": handOver("M", "A"),
  "M hands over to B": handOver("M", "B"),
  "A hands over to B": handOver("A", "B"),
  "A hands back to M": handOver("A", "M"),
  "M disables A": disable("M", "A"),
  "M disables B": disable("M", "B"),
  "A disables M": disable("A", "M"),
  "A disables B": disable("A", "B"),
  "B disables A": disable("B", "A"),
  "B disables M": disable("B", "M"),
  "M demotes A": demote("M", "A", 0),
  "M demotes B": demote("M", "B", 1),
  "A demotes M": demote("A", "M", 2),
  "B demotes A": demote("B", "A", 3),
  "M bulk-demotes A and B": bulkDemote("M", ["A", "B"], 4),
  "A bulk-demotes M and B": bulkDemote("A", ["M", "B"], 5),
  "M strips admin from Co-Admin": stripAdmin("M", "coAdmin"),
  "B strips admin from Administrator": stripAdmin("B", "administrator"),
  "A strips admin from Co-Admin": stripAdmin("A", "coAdmin"),
  "M restores D1": restore("M", "D1"),
  "A restores D2": restore("A", "D2"),
  "B restores D3": restore("B", "D3"),
  "A restores D1": restore("A", "D1"),
  "B bulk-restores D1–D3": bulkRestore("B"),
  "M creates a user": add("M", "create"),
  "A invites a user": add("A", "invite"),
  "B creates a user": add("B", "create"),
  "M deletes D1": remove("M", "D1"),
  "A disables D1 (already disabled)": disable("A", "D1"),
};
