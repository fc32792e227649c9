import type { WorldFactory } from "../conformance/world";
import type { Effect } from "./effect";
import { execArchive, execCreateLocation, execCreateRole, execHandOver, execToggleRole } from "./exec-admin";
import { execBulk } from "./exec-bulk";
import { execForeign } from "./exec-foreign";
import { execCreate, execLifecycle, execUpdate } from "./exec-users";
import { checkInvariants } from "./invariants";
import type { PropertyState } from "./model";
import type { Operation } from "./operations";
import { buildState } from "./setup";
import { readSnapshot } from "./snapshot";
import { applyEffect, checkStep } from "./step-checks";

/** Runs one generated operation against the backend. */
function execute(state: PropertyState, op: Operation): Promise<Effect> {
  switch (op.kind) {
    case "create":
    case "invite":
      return execCreate(state, op);
    case "setRole":
    case "setLocations":
    case "setProfile":
      return execUpdate(state, op);
    case "disable":
    case "restore":
    case "delete":
    case "revoke":
      return execLifecycle(state, op);
    case "createRole":
      return execCreateRole(state, op);
    case "toggleRole":
      return execToggleRole(state, op);
    case "createLocation":
      return execCreateLocation(state, op);
    case "archiveLocation":
      return execArchive(state, op);
    case "handOver":
      return execHandOver(state, op);
    case "bulk":
      return execBulk(state, op);
    case "foreign":
      return execForeign(state, op);
  }
}

/**
 * One run of the sequential property (resolves to the trace of resolved operations and outcomes): a fresh world with two seeded organizations, then each
 * operation followed by the step checks and every invariant.
 *
 * @example await runOperations(factory, [{ kind: "disable", org: 0, actor: { mainContact: true }, target: 1, stale: false }]);
 */
export async function runOperations(
  factory: WorldFactory,
  operations: readonly Operation[],
): Promise<readonly string[]> {
  const state = await buildState(await factory());
  await checkInvariants(state);
  for (const op of operations) {
    const before = [state.orgs[0].snapshot, state.orgs[1].snapshot] as const;
    const effect = await execute(state, op);
    const after = [
      await readSnapshot(state.orgs[0].observer),
      await readSnapshot(state.orgs[1].observer),
    ] as const;
    checkStep(state, effect, before, after);
    state.orgs[0].snapshot = after[0];
    state.orgs[1].snapshot = after[1];
    applyEffect(effect, after[effect.org.index]);
    await checkInvariants(state);
  }
  return state.trace;
}
