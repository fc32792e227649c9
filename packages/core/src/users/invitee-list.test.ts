import { describe, expect, it } from "vitest";
import { namesFromEmail, parseInvitees } from "./invitee-list";

describe("parseInvitees (pasted addresses)", () => {
  it("splits on line breaks, commas and semicolons, skipping empty entries", () => {
    expect(parseInvitees("a.b@x.org,\n c.d@x.org ;e.f@x.org\r\n\n,")).toEqual([
      { email: "a.b@x.org" },
      { email: "c.d@x.org" },
      { email: "e.f@x.org" },
    ]);
  });

  it("reads First Last <address> as mail programs copy it, quotes dropped, the last word the last name", () => {
    expect(parseInvitees('"Dana Jones" <drj@x.org>; Mary Ann Smith <mas@x.org>\nCher <cher@x.org>')).toEqual([
      { email: "drj@x.org", givenName: "Dana", familyName: "Jones" },
      { email: "mas@x.org", givenName: "Mary Ann", familyName: "Smith" },
      { email: "cher@x.org", givenName: "Cher" },
    ]);
  });

  it("keeps what is not an address as it was typed, for its row to be refused", () => {
    expect(parseInvitees("not an email\n<>")).toEqual([{ email: "not an email" }, { email: "" }]);
  });
});

describe("namesFromEmail", () => {
  it("names first.last, first_last and first-last addresses; digits and a +tag are dropped", () => {
    expect(namesFromEmail("ines.okafor@harbor.example")).toEqual({ givenName: "Ines", familyName: "Okafor" });
    expect(namesFromEmail("MARY_ann-smith2+work@x.org")).toEqual({
      givenName: "Mary",
      familyName: "Ann Smith",
    });
    expect(namesFromEmail("zoë.lévesque@x.org")).toEqual({ givenName: "Zoë", familyName: "Lévesque" });
  });

  it("gives no name for an address of one word or of digits", () => {
    expect(namesFromEmail("jsmith@x.org")).toBeNull();
    expect(namesFromEmail("1234.5678@x.org")).toBeNull();
    expect(namesFromEmail("j.2@x.org")).toBeNull();
  });
});
