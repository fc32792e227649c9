import { describe, expect, it } from "vitest";
import { changeRows } from "./AuditChanges";
import { csvCell } from "./audit-csv";
import { humanize, slug, toAuditQuery } from "./audit-format";

describe("audit CSV and formatting", () => {
  it("escapes cells per RFC 4180 and defuses spreadsheet formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
    expect(csvCell(12)).toBe("12");
    expect(csvCell('Smith, "Jo"')).toBe('"Smith, ""Jo"""');
    expect(csvCell("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("@SUM(A1), x")).toBe('"\'@SUM(A1), x"');
    expect(csvCell("-1+2")).toBe("'-1+2");
  });

  it("opens objects one field at a time and keeps lists whole", () => {
    expect(
      changeRows({
        profile: {
          before: { jobTitle: "RN", givenName: "Nina" },
          after: { jobTitle: "Charge RN", givenName: "Nina" },
        },
        roleId: { before: "rol_a", after: "rol_b" },
        flags: { before: null, after: { practitioner: true } },
        locationAccess: { before: ["loc_a"], after: ["loc_a", "loc_b"] },
      }),
    ).toEqual([
      { path: "profile.jobTitle", before: "RN", after: "Charge RN" },
      { path: "roleId", before: "rol_a", after: "rol_b" },
      { path: "flags.practitioner", before: undefined, after: true },
      { path: "locationAccess", before: ["loc_a"], after: ["loc_a", "loc_b"] },
    ]);
  });

  it("names files, humanises unknown codes and turns local days into an inclusive range", () => {
    expect(slug("St. Mary's Clinic — Zürich")).toBe("st-mary-s-clinic-zurich");
    expect(humanize("user.role_changed")).toBe("User role changed");
    const q = toAuditQuery({ from: "2026-11-23", to: "2026-11-23", action: "user.disabled" });
    expect(Date.parse(q.to ?? "") - Date.parse(q.from ?? "")).toBe(24 * 3600_000 - 1);
    expect(q.action).toBe("user.disabled");
    expect(toAuditQuery({ from: "not a day" })).toEqual({});
  });
});
