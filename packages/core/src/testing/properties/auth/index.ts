/**
 * The sign-in and lockout property (W13, R9, R15–R17): random sequences of sign-ins, bursts,
 * clock moves, unlocks, status changes, sessions and seat changes against a model.
 *
 * @example
 * import { authOperationArbitrary, runAuthOperations } from "./auth";
 * await fc.assert(fc.asyncProperty(fc.array(authOperationArbitrary), (ops) => runAuthOperations(factory, ops)));
 */
export { type AuthOperation, authOperationArbitrary, type PasswordPick, type WrongPick } from "./operations";
export { runAuthOperations } from "./run";
