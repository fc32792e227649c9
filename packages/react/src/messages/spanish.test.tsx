import { DirectoryError, fail, type Verdict } from "@staffroom/core";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { StaffroomProvider } from "../provider/StaffroomProvider";
import { seededWorld } from "../testing/seeded-world";
import { AuditChanges } from "../widgets/audit-trail/AuditChanges";
import { spanishErrorCodes, spanishRuleCodes } from "./core-messages.es";
import { errorMessage, refusalMessage } from "./error-message";
import { spanishMessages } from "./es";
import { englishMessages, mergeMessages } from "./messages";

// Core words every refusal in English; the Spanish bundle must show each in Spanish (its exact
// sentence where known, else its rule's, else its code's), and a host's own override still wins.

const ENGLISH_WORDS = /\b(the|you|your|this|cannot|only|must|not|is|are)\b/i;

describe("the Spanish bundle and core's failures", () => {
  it("shows core's refusal of a row action in Spanish, and English stays core's own sentence", async () => {
    const { owner } = await seededWorld({ users: 12 });
    const me = await owner.me();
    const self = (await owner.users.list({ limit: 200 })).items.find((u) => u.id === me.user.id);
    if (!self) throw new Error("fixture: the owner is listed");
    const disable = owner.users.actions(self).find((o) => o.action === "disable")?.verdict as Verdict;
    expect(refusalMessage(englishMessages, disable)).toBe("You cannot disable yourself.");
    expect(refusalMessage(spanishMessages, disable)).toBe("No puede desactivarse a sí mismo.");
    const thrown = await owner.users.disable(self.id, { version: self.version }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(DirectoryError.is(thrown)).toBe(true);
    expect(errorMessage(spanishMessages, thrown)).toBe("No puede desactivarse a sí mismo.");
  });

  it("every refusal core offers on every seeded user, as the owner and a clinic manager, reads as a known Spanish sentence", async () => {
    const { owner, clinicManager } = await seededWorld({ users: 40 });
    const users = [];
    for (const status of ["active", "pending", "disabled"] as const)
      users.push(...(await owner.users.list({ status, limit: 200 })).items);
    const seen = new Map<string, string>();
    for (const directory of [owner, clinicManager]) {
      await directory.me();
      for (const user of users)
        for (const offer of directory.users.actions(user))
          if (!offer.verdict.allowed)
            seen.set(offer.verdict.message, refusalMessage(spanishMessages, offer.verdict) ?? "");
    }
    expect(seen.size).toBeGreaterThan(3);
    for (const [english, spanish] of seen) {
      expect(spanish, english).not.toBe(english);
      expect(spanish, english).not.toMatch(ENGLISH_WORDS);
      // The exact sentence, not the generic line of its rule or code.
      expect(Object.values(spanishRuleCodes), english).not.toContain(spanish);
      expect(Object.values(spanishErrorCodes), english).not.toContain(spanish);
    }
  });

  it("a sentence the table does not know falls back to its rule's Spanish, then its code's — never English", () => {
    const reworded = fail.rule("last_admin", "Keep one administrator, please.");
    expect(errorMessage(spanishMessages, reworded)).toBe(spanishRuleCodes.last_admin);
    const notFound = fail.notFound("Widget not found.");
    expect(errorMessage(spanishMessages, notFound)).toBe("No se encontró.");
    expect(errorMessage(spanishMessages, { code: "rate_limited", message: "Slow down." })).toBe(
      spanishErrorCodes.rate_limited,
    );
    // Sentences with a number keep it.
    expect(errorMessage(spanishMessages, fail.rule("seat_limit", "All 25 user seats are taken."))).toBe(
      "Los 25 puestos de usuario están ocupados.",
    );
  });

  it("a host's own rule override wins over the Spanish translation", () => {
    const host = mergeMessages(spanishMessages, {
      errors: { rule: { last_admin: "Deje un administrador." } },
    });
    expect(
      errorMessage(host, fail.rule("last_admin", "At least one active administrator must remain.")),
    ).toBe("Deje un administrador.");
  });

  it("field issues read in Spanish: core's sentence, its issue code, else a generic line", () => {
    const issue = spanishMessages.errors.issue;
    expect(
      issue({
        path: ["email"],
        code: "invalid_format",
        message: "Enter an email address like name@clinic.org.",
      }),
    ).toBe("Ingrese un correo electrónico como nombre@clinica.org.");
    expect(issue({ path: ["password"], code: "too_short", message: "Use at least 12 characters." })).toBe(
      "Use al menos 12 caracteres.",
    );
    expect(issue({ path: ["email"], code: "duplicate_email", message: "Some new wording." })).toBe(
      "Ya existe un usuario con este correo electrónico.",
    );
    expect(issue({ path: ["x"], code: "brand_new", message: "Something else." })).toBe(
      "Revise el valor de este campo.",
    );
    // Core's sentences that start with its English field label drop the label (it sits beside the field).
    expect(
      issue({ path: ["profile", "givenName"], code: "too_small", message: "First name is required." }),
    ).toBe("Este campo es obligatorio.");
    expect(
      issue({
        path: ["profile", "jobTitle"],
        code: "unpaired_surrogate",
        message: "Job title contains an incomplete character.",
      }),
    ).toBe("Este campo contiene un carácter incompleto.");
    expect(
      issue({
        path: ["profile", "jobTitle"],
        code: "too_big",
        message: "Job title has at most 80 characters.",
      }),
    ).toBe("Use como máximo 80 caracteres.");
    expect(
      englishMessages.errors.issue({ path: ["x"], code: "required", message: "This field is required." }),
    ).toBe(undefined);
  });
});

describe("numbers in the provider's locale", () => {
  it("an audit change's numbers follow the locale (de-DE groups with a dot)", () => {
    render(
      <StaffroomProvider locale="de-DE">
        <AuditChanges
          changes={{ seats: { before: 1000, after: 2500 } }}
          names={{ users: new Map(), roles: new Map(), locations: new Map() }}
        />
      </StaffroomProvider>,
    );
    expect(screen.getByText("1.000")).toBeInTheDocument();
    expect(screen.getByText("2.500")).toBeInTheDocument();
  });

  it("an audit change's status reads in the bundle's words", () => {
    render(
      <StaffroomProvider locale="es-US" messages={spanishMessages}>
        <AuditChanges
          changes={{ status: { before: "active", after: "disabled" } }}
          names={{ users: new Map(), roles: new Map(), locations: new Map() }}
        />
      </StaffroomProvider>,
    );
    expect(screen.getByText("activo")).toBeInTheDocument();
    expect(screen.getByText("desactivado")).toBeInTheDocument();
  });

  it("the provider's root declares its locale as lang", () => {
    render(
      <StaffroomProvider locale="es-US" messages={spanishMessages}>
        <span>dentro</span>
      </StaffroomProvider>,
    );
    expect(screen.getByText("dentro").parentElement).toHaveAttribute("lang", "es-US");
  });
});
