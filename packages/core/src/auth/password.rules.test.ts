import { describe, expect, it } from "vitest";
import { passwordIssues } from "./password.rules";

const rules = { minLength: 12, maxLength: 128 };
const codes = (pw: string, context = {}) => passwordIssues(pw, rules, context).map((i) => i.code);

describe("password policy (R16)", () => {
  it("counts code points after NFKC and applies the bounds without composition rules", () => {
    expect(codes("short")).toEqual(["too_short"]);
    expect(codes("alllowercaseletters")).toEqual([]);
    expect(codes("😀😀😀😀😀😀😀😀😀😀😀😀")).toEqual([]);
    expect(codes("x".repeat(129))).toEqual(["too_long"]);
    expect(codes("x".repeat(128))).toEqual([]);
  });

  it("refuses the user's email name, names and the organization's name", () => {
    expect(codes("jane.smith-rocks-2026", { email: "jane.smith@clinic.org" })).toEqual(["too_personal"]);
    expect(codes("ILoveSmithForever", { familyName: "Smith" })).toEqual(["too_personal"]);
    expect(codes("harborurgentcare99", { organizationName: "Harbor Urgent Care" })).toEqual(["too_personal"]);
    expect(codes("quiet-lantern-meadow", { email: "jane@clinic.org", givenName: "Jane" })).toEqual([]);
  });

  it("uses the common-password hook when given", () => {
    expect(
      passwordIssues("password1234", { ...rules, isCommon: (p) => p === "password1234" }, {}).map(
        (i) => i.code,
      ),
    ).toEqual(["too_common"]);
  });
});
