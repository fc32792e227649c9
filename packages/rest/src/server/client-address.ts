/**
 * The socket address of each request the Node adapter made, kept beside the request (never in a
 * header a caller could forge) and gone with it.
 */
const addresses = new WeakMap<Request, string>();

/** Records the peer address of a request (the Node adapter calls this). @example rememberAddress(request, "127.0.0.1") */
export function rememberAddress(request: Request, address: string | undefined): void {
  if (address) addresses.set(request, address);
}

/** The peer address the adapter recorded, if any. @example recordedAddress(request) // "203.0.113.4" */
export function recordedAddress(request: Request): string | undefined {
  return addresses.get(request);
}

/**
 * The peer address `toNodeListener` recorded for a request, for other fetch handlers mounted
 * through the same adapter (`@staffroom/scim`'s `clientAddress` option), so their audit events carry
 * the caller's address as REST's do; undefined for requests that did not come through it.
 *
 * @example createScimHandler(directory, { clientAddress: nodeClientAddress })
 */
export function nodeClientAddress(request: Request): string | undefined {
  const address = recordedAddress(request);
  return address?.startsWith("::ffff:") ? address.slice(7) : address;
}
