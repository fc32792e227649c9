import { describe, expect, it } from "vitest";
import { COMMON_PASSWORD_COUNT, isCommonPassword } from "./common-passwords";

describe("common passwords (R16)", () => {
  it("refuses the classics, ignoring case and width", () => {
    for (const p of ["123456", "password", "qwerty", "letmein", "trustno1", "PASSWORD", "ｐａｓｓｗｏｒｄ"]) {
      expect(isCommonPassword(p)).toBe(true);
    }
  });

  it("lets an uncommon passphrase through", () => {
    expect(isCommonPassword("quiet-lantern-meadow-cobalt")).toBe(false);
  });

  it("holds ten thousand entries", () => {
    expect(COMMON_PASSWORD_COUNT).toBe(10_000);
  });
});
