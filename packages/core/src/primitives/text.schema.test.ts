import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInput } from "../directory/validate";
import { DirectoryError } from "../errors/directory-error";
import { RoleInputSchema } from "../roles/role.schema";
import { decodeUserCursor, encodeUserCursor } from "../store/cursor";
import { EmailSchema } from "./contact.schema";
import { IsoDateSchema, isInstant } from "./instant.schema";
import {
  isPlainText,
  isTokenText,
  optionalMultilineText,
  plainString,
  text,
  textProblem,
  toPlainText,
} from "./text.schema";

const refused = (run: () => unknown): DirectoryError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DirectoryError) return error;
    throw error;
  }
  throw new Error("expected a DirectoryError");
};

describe("R14 text primitives", () => {
  it("single-line text refuses every C0 control, DEL, C1 controls and the Unicode line breaks", () => {
    const codes = [
      ...Array.from({ length: 0x20 }, (_, i) => i),
      0x7f,
      ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
      0x2028,
      0x2029,
    ];
    for (const code of codes) {
      expect(textProblem(`a${String.fromCharCode(code)}b`), code.toString(16)).toBe("control_character");
    }
  });

  it("multi-line text accepts line feed and tab only", () => {
    expect(textProblem("one\ntwo\tthree", "multi-line")).toBeNull();
    for (const bad of ["\u0000", "\r", "\u000b", "\u000c", "\u001b", "\u007f", "\u0085", "\u2028"]) {
      expect(textProblem(`a${bad}b`, "multi-line"), JSON.stringify(bad)).toBe("control_character");
    }
  });

  it("refuses unpaired surrogates anywhere, and accepts pairs, combining marks and other scripts", () => {
    for (const bad of ["\ud800", "a\udbff", "\udc00b", "\udc00\ud800", "😀\ud83d", "\ude00😀"]) {
      expect(textProblem(bad), JSON.stringify(bad)).toBe("unpaired_surrogate");
      expect(isPlainText(bad)).toBe(false);
    }
    for (const good of ["😀", "Zoe\u0308", "𝔸", "🧑‍⚕️", "日本語", "\u00a0nbsp", "\ufffd", "é"]) {
      expect(textProblem(good), good).toBeNull();
    }
  });

  it("a plain text is exactly one whose UTF-8 round trip is lossless and that holds no control", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 20 }), (value) => {
        const wellFormed = !/[\uD800-\uDFFF]/u.test(value);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the point
        const controlFree = !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value);
        expect(isPlainText(value)).toBe(wellFormed && controlFree);
        expect(isPlainText(toPlainText(value))).toBe(true);
        if (isPlainText(value)) expect(toPlainText(value)).toBe(value);
      }),
    );
  });

  it("schemas report the problem on the field with its own code and a message naming the field", () => {
    const error = refused(() =>
      parseInput(RoleInputSchema, {
        name: "Front\u0000Desk",
        description: "ok\nfine",
        template: "front_desk",
      }),
    );
    expect(error.issues).toEqual([
      {
        path: ["name"],
        code: "control_character",
        message: "Name contains a control character or line break.",
      },
    ]);
    const surrogate = refused(() => parseInput(text(20, "Name"), "Jo\ud800"));
    expect(surrogate.issues).toEqual([
      { path: [], code: "unpaired_surrogate", message: "Name contains an incomplete character." },
    ]);
    expect(refused(() => parseInput(plainString(10, "Search"), "a\tb")).issues[0]?.code).toBe(
      "control_character",
    );
  });

  it("multi-line text stores CR LF and lone CR as LF", () => {
    expect(optionalMultilineText(100).parse(" one\r\ntwo\rthree ")).toBe("one\ntwo\nthree");
  });

  it("an email refuses controls and unpaired surrogates before anything else", () => {
    expect(EmailSchema.safeParse("ann\u0000e@clinic.org").success).toBe(false);
    expect(EmailSchema.safeParse("ann\ud800e@clinic.org").success).toBe(false);
    expect(EmailSchema.parse("zoe\u0308.😀@clinic.org")).toBe("zoë.😀@clinic.org");
  });

  it("tokens are base64url of 16 to 256 characters", () => {
    expect(isTokenText("A".repeat(43))).toBe(true);
    for (const bad of [
      "A".repeat(15),
      "A".repeat(257),
      `${"A".repeat(20)}\u0000`,
      `${"A".repeat(20)}=`,
      42,
    ]) {
      expect(isTokenText(bad)).toBe(false);
    }
  });
});

describe("R14 instants", () => {
  it("accepts instants every store holds, refuses year 0, years past 9999 and dates that do not exist", () => {
    for (const good of [
      "2026-11-23T12:00:00.000Z",
      "0001-01-01T00:00:00Z",
      "9999-12-31T23:59:59.999Z",
      "2024-02-29T00:00:00Z",
    ]) {
      expect(isInstant(good), good).toBe(true);
      expect(IsoDateSchema.safeParse(good).success, good).toBe(true);
    }
    for (const bad of [
      "0000-01-01T00:00:00.000Z",
      "+275760-09-13T00:00:00.000Z",
      "275760-09-13T00:00:00.000Z",
      "2026-02-31T00:00:00.000Z",
      "2025-02-29T00:00:00.000Z",
      "2026-04-31T00:00:00Z",
      "2026-01-05T09:00:00+01:00",
      "2026-01-05",
    ]) {
      expect(isInstant(bad), bad).toBe(false);
      expect(IsoDateSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("a cursor round-trips every key a store writes", () => {
    const fp = "abc";
    for (const [sort, key] of [
      ["name", "ng 🌸 zoe\u0308"],
      ["email", "zoë.😀@clinic.org"],
      ["createdAt", "2026-01-05T09:00:00.000Z"],
      ["lastSignInAt", null],
    ] as const) {
      const anchor = { key, id: "usr_0000000001" };
      expect(decodeUserCursor(encodeUserCursor(fp, anchor), fp, sort)).toEqual(anchor);
    }
  });
});
