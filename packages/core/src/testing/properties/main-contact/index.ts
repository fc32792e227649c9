/**
 * The main-contact property (R7): random actor / target / operation triples and takeover chains
 * (temporary passwords, emails moved to the attacker's mailbox, reset links, sign-ins as the
 * target) over a small organization; after every step no one but the main contact has changed the
 * main contact's account, membership or role, or obtained a session as them.
 *
 * @example
 * import { mcRunArbitrary, runMcOperations } from "./main-contact";
 * await fc.assert(fc.asyncProperty(mcRunArbitrary(30), (run) => runMcOperations(factory, run)));
 */
export { type Act, type McOperation, type McRun, mcOperationArbitrary, mcRunArbitrary } from "./operations";
export { runMcOperations } from "./run";
