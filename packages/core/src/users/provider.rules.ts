/**
 * R11: an NPI is ten digits whose last digit is the Luhn check digit computed over the prefix 80840
 * followed by the first nine digits (CMS, "NPI check digit").
 *
 * @example isValidNpi("1234567893") // true
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  return luhnValid(`80840${npi}`);
}

/** The Luhn check over a string of digits. @example luhnValid("808401234567893") // true */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Completes nine digits into a valid NPI by appending the check digit; used by fixtures and demos.
 *
 * @example npiWithCheckDigit("123456789") // "1234567893"
 */
export function npiWithCheckDigit(nineDigits: string): string {
  if (!/^\d{9}$/.test(nineDigits)) throw new Error("npiWithCheckDigit needs nine digits");
  for (let c = 0; c <= 9; c++) {
    const candidate = `${nineDigits}${c}`;
    if (isValidNpi(candidate)) return candidate;
  }
  throw new Error("unreachable: one check digit always fits");
}

/** R11: NUCC Health Care Provider Taxonomy code shape. @example TAXONOMY_PATTERN.test("207Q00000X") */
export const TAXONOMY_PATTERN = /^\d{3}[0-9A-Z]{6}X$/;

/**
 * R11: scheduling steps a provider may use, in minutes (W10: 5–60).
 *
 * @example SCHEDULING_STEPS.includes(15) // true
 */
export const SCHEDULING_STEPS = [5, 10, 15, 20, 30, 45, 60] as const;

/** A scheduling step in minutes. @example 15 */
export type SchedulingStep = (typeof SCHEDULING_STEPS)[number];
