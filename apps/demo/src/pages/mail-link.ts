import { tokenFromLink } from "@staffroom/core";

/** The app's pages that take a mailed token. */
const TOKEN_PAGES: ReadonlySet<string> = new Set(["/accept-invitation", "/reset-password"]);

/**
 * The in-app page a mailed link leads to: path and `?token=` only (the wiring parameter is added by
 * the Link). Only the app's own token pages qualify, so a message can never link anywhere else, even
 * if its link named another origin or a `javascript:` URL; null for anything else.
 *
 * @example inAppLink("http://127.0.0.1:5180/accept-invitation#token=abc") // "/accept-invitation?token=abc"
 * @example inAppLink("https://evil.example/reset-password#token=abc") // "/reset-password?token=abc"
 * @example inAppLink("javascript:alert(1)") // null
 */
export function inAppLink(link: string | null): string | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link, "http://app.invalid");
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (!TOKEN_PAGES.has(url.pathname)) return null;
  const token = tokenFromLink(link);
  return token ? `${url.pathname}?token=${token}` : null;
}
