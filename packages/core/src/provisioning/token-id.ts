import { ID_PREFIXES } from "../primitives/ids.schema";

const PREFIX = `${ID_PREFIXES.provisioningToken}_`;

/**
 * True when an actor id names a provisioning token (`ptk_…`) rather than a user: the audit keeps a
 * token's label and request metadata in the chain (a token is not a person), and `loadActor` loads
 * the token instead of a user.
 *
 * @example isProvisioningTokenId("ptk_0000000009") // true
 */
export function isProvisioningTokenId(id: string): boolean {
  return id.startsWith(PREFIX);
}
