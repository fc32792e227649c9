import type { LinkBuilder } from "@staffroom/core";

/** Paths of the vendor's pages that handle emailed links. @example { acceptInvitation: "/join", resetPassword: "/reset" } */
export interface LinkPaths {
  readonly acceptInvitation?: string;
  readonly resetPassword?: string;
}

/**
 * The `links` option of `createDirectory` for a public base URL — never the Host header of a
 * request, which an attacker controls (a poisoned reset link would mail them the token). The token
 * travels in the fragment (`#token=…`), which browsers never send to a server, so it stays out of
 * access logs and Referer headers.
 *
 * @example
 * const directory = createDirectory({ store, links: directoryLinks("https://ehr.example") });
 * // invitation mail: https://ehr.example/accept-invitation#token=…
 */
export function directoryLinks(publicBaseUrl: string, paths: LinkPaths = {}): LinkBuilder {
  const base = new URL(publicBaseUrl);
  if (base.protocol !== "https:" && base.protocol !== "http:") {
    throw new TypeError(`publicBaseUrl must be an http(s) URL, got ${JSON.stringify(publicBaseUrl)}`);
  }
  const link = (path: string, token: string): string => {
    const url = new URL(path, base);
    url.hash = `token=${encodeURIComponent(token)}`;
    return url.toString();
  };
  return {
    acceptInvitation: (token) => link(paths.acceptInvitation ?? "/accept-invitation", token),
    resetPassword: (token) => link(paths.resetPassword ?? "/reset-password", token),
  };
}
