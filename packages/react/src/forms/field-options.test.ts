import type { UserFormOptions, Verdict } from "@staffroom/core";
import { describe, expect, it } from "vitest";
import { englishMessages, mergeMessages } from "../messages/messages";
import { optionText, userAccessOptions } from "./field-options";

const ok: Verdict = { allowed: true };
const notYours: Verdict = {
  allowed: false,
  code: "forbidden",
  message: "You can only give access to locations you have yourself.",
};
const self: Verdict = {
  allowed: false,
  code: "rule",
  rule: "self_change",
  message: "You cannot change your own role or locations.",
};
const options = (overrides: Partial<UserFormOptions>): UserFormOptions =>
  ({
    fields: { profile: ok, role: ok, access: ok, primaryLocation: ok },
    roles: [],
    locations: [],
    primaryLocations: [],
    organizationWide: ok,
    ...overrides,
  }) as unknown as UserFormOptions;

describe("the user form's access options", () => {
  it("shows what core allows as choosable and what it refuses disabled with core's reason, org-wide included", () => {
    const access = userAccessOptions(
      englishMessages,
      options({
        roles: [
          { value: "nurse", label: "Nurse", verdict: ok },
          { value: "admin", label: "Administrator", verdict: notYours },
        ],
        locations: [{ value: "downtown", label: "Downtown", verdict: ok }],
        organizationWide: notYours,
      }),
    );
    expect(access.roles).toEqual([
      { value: "nurse", label: "Nurse" },
      {
        value: "admin",
        label: "Administrator",
        disabled: true,
        reason: notYours.allowed ? "" : notYours.message,
      },
    ]);
    expect(access.locations).toEqual([{ value: "downtown", label: "Downtown" }]);
    expect(access.organizationWide).toEqual({
      disabled: true,
      reason: "You can only give access to locations you have yourself.",
    });
    expect(access.roleLocked).toBeNull();
  });

  it("locks the role and the access of your own user with core's reason, which a host may reword", () => {
    const reworded = mergeMessages(englishMessages, { errors: { rule: { self_change: "Not your own." } } });
    const access = userAccessOptions(
      reworded,
      options({ fields: { profile: ok, role: self, access: self, primaryLocation: self } as never }),
    );
    expect([access.roleLocked, access.accessLocked, access.primaryLocked]).toEqual([
      "Not your own.",
      "Not your own.",
      "Not your own.",
    ]);
  });

  it("shows a refused option's reason beside its label", () => {
    expect(optionText({ value: "a", label: "Administrator" })).toBe("Administrator");
    expect(
      optionText({ value: "a", label: "Administrator", disabled: true, reason: "Not yours to give" }),
    ).toBe("Administrator — Not yours to give");
  });
});
