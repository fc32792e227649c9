import type { WorldFactory } from "../../conformance/world";
import { checkAuthStep } from "./checks";
import { execAdmin } from "./exec-admin";
import { execSessions } from "./exec-sessions";
import { execSignIn } from "./exec-sign-in";
import type { AuthState } from "./model";
import type { AuthOperation } from "./operations";
import { buildAuthState } from "./setup";

/**
 * Lockouts in a row, one per ending: a burst; then an admin unlock, or the clock to 1 ms before the
 * lock's expiry (still locked: checked) and to the expiry plus `delta` ≥ 0 (free again: checked),
 * then for "success" the right password. Each lock doubles the last unless something reset it.
 */
async function lockCycles(
  state: AuthState,
  op: Extract<AuthOperation, { kind: "lockCycles" }>,
): Promise<void> {
  const membership = state.memberships.findIndex((m) => m.person === op.who);
  for (const ending of op.endings) {
    const before = state.sessions.length;
    await execSignIn(state, {
      kind: "burst",
      who: op.who,
      password: "wrong",
      size: op.size,
      org: "none",
      thenRight: false,
    });
    if (ending === "unlock") {
      await checkAuthStep(state, before);
      await execAdmin(state, { kind: "unlock", membership, probe: false });
      await checkAuthStep(state, before);
      continue;
    }
    await execSessions(state, { kind: "toLockExpiry", who: op.who, delta: -1 });
    await checkAuthStep(state, before);
    await execSessions(state, { kind: "toLockExpiry", who: op.who, delta: op.delta });
    await checkAuthStep(state, before);
    if (ending === "success") {
      await execSignIn(state, { kind: "signIn", who: op.who, password: "right", org: "none" });
      await checkAuthStep(state, before);
    }
  }
}

function execute(state: AuthState, op: AuthOperation): Promise<void> {
  switch (op.kind) {
    case "lockCycles":
      return lockCycles(state, op);
    case "signIn":
    case "burst":
    case "rush":
      return execSignIn(state, op);
    case "unlock":
    case "disable":
    case "restore":
    case "bounce":
    case "seats":
    case "requestReset":
      return execAdmin(state, op);
    default:
      return execSessions(state, op);
  }
}

/**
 * One run of the sign-in property (resolves to the trace of resolved steps and outcomes): a fresh
 * world with the cast of {@link buildAuthState}, then each step, its own checks against the model
 * (R9, R17, W5, W6, W13) and the checks of {@link checkAuthStep}.
 *
 * @example await runAuthOperations(factory, [{ kind: "burst", who: "staff", password: "wrong", size: 12, org: "none", thenRight: true }]);
 */
export async function runAuthOperations(
  factory: WorldFactory,
  operations: readonly AuthOperation[],
): Promise<readonly string[]> {
  const state = await buildAuthState(await factory());
  await checkAuthStep(state, 0);
  for (const op of operations) {
    const before = state.sessions.length;
    await execute(state, op);
    await checkAuthStep(state, before);
  }
  return state.trace;
}
