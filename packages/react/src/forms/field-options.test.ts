import type { Location, Role } from "@staffroom/core";
import { describe, expect, it } from "vitest";
import { optionText, userAccessOptions } from "./field-options";

const role = (id: string, grantable: boolean) =>
  ({ id, name: id.toUpperCase(), grantable }) as unknown as Role;
const location = (id: string, archived: boolean) => ({ id, name: id, archived }) as unknown as Location;

describe("the user form's access options", () => {
  it("offers the roles core marks grantable (R3), keeps the user's current role listed but disabled, and only live locations", () => {
    const options = userAccessOptions(
      [role("admin", false), role("nurse", true), role("billing", false)],
      [location("downtown", false), location("old-site", true)],
      "billing",
    );
    expect(options.roles).toEqual([
      { value: "nurse", label: "NURSE" },
      { value: "billing", label: "BILLING", disabled: true },
    ]);
    expect(options.locations).toEqual([{ value: "downtown", label: "downtown" }]);
  });

  it("shows a refused option's reason beside its label", () => {
    expect(optionText({ value: "a", label: "Administrator" })).toBe("Administrator");
    expect(
      optionText({ value: "a", label: "Administrator", disabled: true, reason: "Not yours to give" }),
    ).toBe("Administrator — Not yours to give");
  });
});
