import { describe, expect, it } from "vitest";
import { fieldIssues, type RawIssue } from "../directory/validate";
import {
  addDays,
  credentialStanding,
  daysBetween,
  deaWithCheckDigit,
  earliestExpiry,
  isCalendarDate,
  isValidDeaNumber,
} from "./credential.rules";
import { CredentialSchema, credentialAlert, ExpiringCredentialsQuerySchema } from "./credential.schema";

describe("credential rules (issue 15)", () => {
  it("R11 checks a DEA number's registrant letter, second letter and check digit", () => {
    const good = deaWithCheckDigit("AB", "123456");
    expect(good).toBe("AB1234563");
    expect(isValidDeaNumber(good)).toBe(true);
    expect(isValidDeaNumber("A91234563")).toBe(true); // 9 for a business
    expect(isValidDeaNumber("AB1234564")).toBe(false); // check digit
    expect(isValidDeaNumber("IB1234563")).toBe(false); // I is no registrant type
    expect(isValidDeaNumber("ab1234563")).toBe(false); // the schema upper-cases first
    expect(isValidDeaNumber("AB123456")).toBe(false);
    expect(isValidDeaNumber("AB12345631")).toBe(false);
  });

  it("accepts only calendar dates that exist between 0001 and 9999", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("0001-01-01")).toBe(true);
    expect(isCalendarDate("9999-12-31")).toBe(true);
    for (const bad of [
      "2027-02-29",
      "2027-13-01",
      "2027-00-10",
      "0000-12-31",
      "27-01-01",
      "2027-1-1",
      "2027-01-01T00:00:00Z",
      "+02027-01-01",
      " 2027-01-01",
      "2027-01-01\u0000",
    ])
      expect(isCalendarDate(bad), bad).toBe(false);
  });

  it("counts days on calendar dates and clamps a far window inside 0001–9999", () => {
    expect(addDays("2026-12-06", 30)).toBe("2027-01-05");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("9999-12-01", 3650)).toBe("9999-12-31");
    expect(addDays("0001-01-05", -3650)).toBe("0001-01-01");
    expect(daysBetween("2026-12-06", "2026-12-01")).toBe(-5);
  });

  it("stands expired after the date, expiring from 30 days before it through the day itself, else current", () => {
    expect(credentialStanding("2026-12-05", "2026-12-06")).toBe("expired");
    expect(credentialStanding("2026-12-06", "2026-12-06")).toBe("expiring");
    expect(credentialStanding("2027-01-05", "2026-12-06")).toBe("expiring");
    expect(credentialStanding("2027-01-06", "2026-12-06")).toBe("current");
    expect(credentialStanding(null, "2026-12-06")).toBe("current");
    expect(
      earliestExpiry([{ expiresOn: null }, { expiresOn: "2027-05-01" }, { expiresOn: "2027-01-01" }]),
    ).toBe("2027-01-01");
    expect(earliestExpiry(undefined)).toBeNull();
  });

  it("alerts on the earliest expiry only: an expired credential wins over an expiring one", () => {
    const today = "2026-12-06";
    expect(credentialAlert([{ expiresOn: "2026-12-20" }, { expiresOn: "2026-12-01" }], today)).toEqual({
      standing: "expired",
      expiresOn: "2026-12-01",
      days: -5,
    });
    expect(credentialAlert([{ expiresOn: "2026-12-20" }], today)).toEqual({
      standing: "expiring",
      expiresOn: "2026-12-20",
      days: 14,
    });
    expect(credentialAlert([{ expiresOn: "2027-06-20" }, { expiresOn: null }], today)).toBeNull();
    expect(credentialAlert([], today)).toBeNull();
  });

  it("R11/R14 refuses a bad credential with one issue on each bad field, named by code", () => {
    const issues = (input: unknown) => {
      const result = CredentialSchema.safeParse(input, { reportInput: true });
      return result.success
        ? []
        : fieldIssues(result.error.issues as readonly RawIssue[]).map((i) => [i.path.join("."), i.code]);
    };
    const good = { kind: "state_licence", number: "A1", state: "CA", issuer: null, expiresOn: "2027-01-01" };
    expect(issues(good)).toEqual([]);
    expect(issues({ ...good, number: "A\u0000" })).toEqual([["number", "control_character"]]);
    expect(issues({ ...good, number: "A\ud800" })).toEqual([["number", "unpaired_surrogate"]]);
    expect(issues({ ...good, number: "A_1" })).toEqual([["number", "invalid_format"]]);
    expect(issues({ ...good, state: "XX" })).toEqual([["state", "invalid_state"]]);
    expect(issues({ ...good, expiresOn: "2027-02-30" })).toEqual([["expiresOn", "invalid_date"]]);
    expect(issues({ ...good, kind: "dea", number: "AB1234564" })).toEqual([["number", "invalid_dea"]]);
    expect(issues({ ...good, state: null })).toEqual([["state", "required"]]);
    expect(issues({ ...good, kind: "board_certification", state: null })).toEqual([]);
  });

  it("expiring() takes whole days from 0 to 3650 and nothing else", () => {
    for (const ok of [{}, { withinDays: 0 }, { withinDays: 3650, includeExpired: false }])
      expect(ExpiringCredentialsQuerySchema.safeParse(ok).success).toBe(true);
    for (const bad of [
      { withinDays: -1 },
      { withinDays: 3651 },
      { withinDays: 1.5 },
      { withinDays: "30" },
      { withinDays: Number.NaN },
      { includeExpired: "yes" },
      { days: 1 },
    ])
      expect(ExpiringCredentialsQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
