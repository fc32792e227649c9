import { describe, expect, it } from "vitest";
import { isValidNpi, luhnValid, npiWithCheckDigit, TAXONOMY_PATTERN } from "./provider.rules";

describe("NPI check digit (R11)", () => {
  it("accepts the CMS example NPI and rejects a wrong check digit", () => {
    expect(isValidNpi("1234567893")).toBe(true);
    for (const wrong of ["1234567890", "1234567891", "1234567892", "1234567894", "1234567899"]) {
      expect(isValidNpi(wrong)).toBe(false);
    }
  });

  it("rejects anything that is not exactly ten digits", () => {
    for (const bad of ["", "123456789", "12345678933", "12345678a3", " 1234567893", "1234-567893"]) {
      expect(isValidNpi(bad)).toBe(false);
    }
  });

  it("completes nine digits with the one check digit that validates", () => {
    for (const nine of ["123456789", "100000000", "987654321", "199999999"]) {
      const npi = npiWithCheckDigit(nine);
      expect(npi.slice(0, 9)).toBe(nine);
      expect(isValidNpi(npi)).toBe(true);
    }
    expect(() => npiWithCheckDigit("12")).toThrow();
  });

  it("implements the plain Luhn check", () => {
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("79927398710")).toBe(false);
  });
});

describe("NUCC taxonomy shape (R11)", () => {
  it("accepts real codes and rejects malformed ones", () => {
    for (const ok of ["207Q00000X", "163W00000X", "363LF0000X", "225100000X"])
      expect(TAXONOMY_PATTERN.test(ok)).toBe(true);
    for (const bad of ["207Q00000", "207q00000X", "20AQ00000X", "207Q00000Y", "207Q000000X"]) {
      expect(TAXONOMY_PATTERN.test(bad)).toBe(false);
    }
  });
});
