import type { Locator, Page } from "playwright-core";
import { escapeRegExp } from "./look";
import { openMail } from "./navigation";

/**
 * The newest message to `to` on the Mail page (messages are listed newest first, each an
 * `<article>` headed by its subject), optionally with this subject.
 *
 * @example const invitation = newestMailTo(page, "sam@harbor.example", /invited/);
 */
export function newestMailTo(page: Page, to: string, subject?: string | RegExp): Locator {
  let mails = page
    .getByRole("main")
    .getByRole("article")
    .filter({ hasText: new RegExp(`To:\\s*${escapeRegExp(to)}`) });
  if (subject !== undefined) mails = mails.filter({ has: page.getByRole("heading", { name: subject }) });
  return mails.first();
}

/**
 * Opens the Mail page and follows the newest link sent to `to` ("Open link"), as the person would
 * from their inbox; returns the message it followed, read before leaving the page.
 *
 * @example await followNewestLink(page, "sam@harbor.example", /invited/);
 */
export async function followNewestLink(
  page: Page,
  to: string,
  subject?: string | RegExp,
): Promise<{ subject: string; text: string }> {
  await openMail(page);
  const mail = newestMailTo(page, to, subject);
  await mail.waitFor();
  const read = {
    subject: (await mail.getByRole("heading").first().textContent()) ?? "",
    text: (await mail.textContent()) ?? "",
  };
  await mail.getByRole("link", { name: "Open link", exact: true }).click();
  return read;
}

/**
 * How many messages the Mail page lists for `to` right now.
 *
 * @example expect(await mailCountTo(page, paul.email)).toBe(2);
 */
export async function mailCountTo(page: Page, to: string): Promise<number> {
  return page
    .getByRole("main")
    .getByRole("article")
    .filter({ hasText: new RegExp(`To:\\s*${escapeRegExp(to)}`) })
    .count();
}
