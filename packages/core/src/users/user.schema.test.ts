import { describe, expect, it } from "vitest";
import { parseInput } from "../directory/validate";
import { DirectoryError } from "../errors/directory-error";
import { EmailSchema, PhoneSchema } from "../primitives/contact.schema";
import { ProviderProfileSchema } from "./provider.schema";
import { deriveInitials, displayName, ProfileSchema } from "./user.schema";
import { CreateUserInputSchema, UserPatchSchema } from "./user-input.schema";

const validCreate = {
  email: "Jane.Smith@Clinic.ORG ",
  profile: { givenName: "Jane", familyName: "Smith", title: "RN" },
  roleId: "rol_0000000001",
  locationAccess: ["loc_0000000001"],
  primaryLocationId: "loc_0000000001",
  password: "a long enough passphrase",
};

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (e instanceof DirectoryError) return e;
    throw e;
  }
  throw new Error("expected a DirectoryError");
}

describe("email (R1)", () => {
  it("trims, normalises and lower-cases", () => {
    expect(EmailSchema.parse("  Jane.Smith@Clinic.ORG ")).toBe("jane.smith@clinic.org");
    expect(EmailSchema.parse("ＪＡＮＥ@clinic.org")).toBe("jane@clinic.org");
  });

  it("rejects what is not an address", () => {
    for (const bad of [
      "",
      "jane",
      "jane@",
      "@clinic.org",
      "jane@clinic",
      "jane smith@clinic.org",
      "jane@@clinic.org",
      `${"a".repeat(250)}@x.org`,
    ]) {
      expect(EmailSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe("phones in E.164", () => {
  it("accepts formatted numbers and stores them compact", () => {
    expect(PhoneSchema.parse("+1 (415) 555-0123")).toBe("+14155550123");
  });
  it("rejects numbers without a country code", () => {
    expect(PhoneSchema.safeParse("415 555 0123").success).toBe(false);
  });
});

describe("user input schemas (R14)", () => {
  it("accepts a valid create input and normalises the email", () => {
    expect(parseInput(CreateUserInputSchema, validCreate).email).toBe("jane.smith@clinic.org");
  });

  it("rejects unknown fields with one issue per field, at its path", () => {
    const error = issuesOf(() =>
      parseInput(CreateUserInputSchema, {
        ...validCreate,
        status: "active",
        profile: { ...validCreate.profile, isAdmin: true },
      }),
    );
    expect(error.code).toBe("validation");
    const paths = error.issues.map((i) => i.path.join("."));
    expect(paths).toContain("status");
    expect(paths).toContain("profile.isAdmin");
  });

  it("marks missing required fields as required at their path", () => {
    const error = issuesOf(() =>
      parseInput(CreateUserInputSchema, { ...validCreate, profile: { givenName: "Jane" } }),
    );
    expect(error.issues).toContainEqual(
      expect.objectContaining({ path: ["profile", "familyName"], code: "required" }),
    );
  });

  it("forbids status, organization and password in a patch", () => {
    for (const field of [
      "status",
      "organizationId",
      "accountId",
      "password",
      "mustChangePassword",
      "version",
    ]) {
      const error = issuesOf(() => parseInput(UserPatchSchema, { [field]: "x" }));
      expect(error.issues[0]?.path).toEqual([field]);
    }
  });
});

describe("provider profile (W10, R11)", () => {
  const provider = {
    npi: "1234567893",
    taxonomyCodes: ["207q00000x"],
    bio: null,
    providerTypes: [],
    capacity: 1,
    schedulingStep: 15,
  };
  it("accepts a valid profile and upper-cases taxonomy codes", () => {
    expect(ProviderProfileSchema.parse(provider).taxonomyCodes).toEqual(["207Q00000X"]);
  });
  it.each([
    [{ npi: "1234567890" }, ["npi"]],
    [{ taxonomyCodes: ["ABC"] }, ["taxonomyCodes", 0]],
    [{ capacity: 0 }, ["capacity"]],
    [{ schedulingStep: 7 }, ["schedulingStep"]],
  ])("rejects %o at its path", (change, path) => {
    const error = issuesOf(() => parseInput(ProviderProfileSchema, { ...provider, ...change }));
    expect(error.issues[0]?.path).toEqual(path);
  });
});

describe("names", () => {
  it("derives initials and shows the title after the name", () => {
    expect(deriveInitials("Jane", "Smith")).toBe("JS");
    expect(deriveInitials("émile", "zola")).toBe("ÉZ");
  });

  it("derived initials are letters or digits, as typed ones must be, whatever the names start with", () => {
    const initials = ProfileSchema.shape.initials;
    for (const [given, family, expected] of [
      ["A", "\u{1F600}", "A"],
      ["(Jane)", "O'Brien", "JO"],
      ["\u{1F600}", "\u{1F600}", ""],
      ["\uFB03", "\uFB03", "\uFB03\uFB03"],
      ["\u{1D538}", "Zz", "\u{1D538}Z"],
    ] as const) {
      const derived = deriveInitials(given, family);
      expect(derived, `${given} ${family}`).toBe(expected);
      expect(initials.safeParse(derived).success, `${given} ${family} → ${derived}`).toBe(true);
    }
    expect(displayName({ givenName: "Jane", familyName: "Smith", title: "RN" })).toBe("Jane Smith RN");
    expect(displayName({ givenName: "Jane", familyName: "Smith", title: null })).toBe("Jane Smith");
  });
});
