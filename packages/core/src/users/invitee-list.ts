import type { Invitee } from "./invite-many.schema";

// How pasted addresses become invitees, and how an address names its person: one definition for the
// widget, the REST client's callers and scripts alike.

const cap = (word: string): string =>
  word.length === 0 ? word : word[0]?.toLocaleUpperCase("en") + word.slice(1).toLocaleLowerCase("en");

/**
 * The name an address shaped like first.last@ (or first_last@, first-last@) gives, or null when
 * it gives none (jsmith@, 1234@): digits and a +tag are dropped, each part capitalized, the first is
 * the first name and the rest the last name.
 *
 * @example namesFromEmail("ines.okafor@harbor.example") // { givenName: "Ines", familyName: "Okafor" }
 * @example namesFromEmail("mary.ann.smith2@x.org") // { givenName: "Mary", familyName: "Ann Smith" }
 * @example namesFromEmail("jsmith@x.org") // null
 */
export function namesFromEmail(email: string): { givenName: string; familyName: string } | null {
  const at = email.lastIndexOf("@");
  const local = (at < 0 ? email : email.slice(0, at)).split("+")[0] ?? "";
  const parts = local
    .split(/[._-]+/)
    .map((part) => part.replace(/\d+/g, ""))
    .filter((part) => /^\p{L}+$/u.test(part));
  const [first, ...rest] = parts;
  if (!first || rest.length === 0) return null;
  return { givenName: cap(first), familyName: rest.map(cap).join(" ") };
}

const NAME_ADDR = /^(.*?)\s*<([^<>]*)>$/;

/**
 * The invitees of pasted text: addresses separated by line breaks, commas or semicolons, each either
 * a bare address or `First Last <address>` as mail programs copy it (quotes dropped; the last word
 * of the name is the last name). Empty entries are skipped; nothing is checked here — each row is
 * checked when invited.
 *
 * @example parseInvitees("a.b@x.org, Dana Jones <drj@x.org>\n") // [{ email: "a.b@x.org" }, { email: "drj@x.org", givenName: "Dana", familyName: "Jones" }]
 */
export function parseInvitees(text: string): Invitee[] {
  const invitees: Invitee[] = [];
  for (const raw of text.split(/[\n\r,;]+/)) {
    const entry = raw.trim();
    if (!entry) continue;
    const match = NAME_ADDR.exec(entry);
    if (!match) {
      invitees.push({ email: entry });
      continue;
    }
    const name = (match[1] ?? "").replace(/^["']|["']$/g, "").trim();
    const email = (match[2] ?? "").trim();
    const words = name.split(/\s+/).filter(Boolean);
    const familyName = words.length > 1 ? words.at(-1) : undefined;
    const givenName = words.length > 1 ? words.slice(0, -1).join(" ") : words[0];
    invitees.push({
      email,
      ...(givenName ? { givenName } : {}),
      ...(familyName ? { familyName } : {}),
    });
  }
  return invitees;
}
