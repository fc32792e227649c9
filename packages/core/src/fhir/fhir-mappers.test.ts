import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffDirectory } from "../directory/staff-directory";
import type { Location } from "../locations/location.schema";
import { ID_PATTERN } from "../primitives/ids.schema";
import { allPages } from "../testing/conformance/reads";
import { type FhirFixture, fhirFixture } from "../testing/fhir-fixture";
import { memoryWorld } from "../testing/memory-world";
import type { User } from "../users/user.schema";
import type { FhirPractitionerQualification, StaffroomFhirResource } from "./fhir.types";
import { operationOutcome, searchsetBundle } from "./fhir-bundle";
import { FHIR_ID_PATTERN, FHIR_SYSTEMS, fromFhirId, toFhirId, US_CORE_PROFILES } from "./fhir-ids";
import { conceptMatches, identifierMatches, nameFields, stringMatches } from "./fhir-search";
import { toLocation } from "./location.mapper";
import { toOrganization } from "./organization.mapper";
import { isPublishedPractitioner, toPractitioner } from "./practitioner.mapper";
import { roleLocations, toPractitionerRole } from "./practitioner-role.mapper";
import { r4Validator, verdicts } from "./r4-validator.test-support";
import { fhirConformanceIssues } from "./us-core.checks";

type Validate = Awaited<ReturnType<typeof r4Validator>>;

let validate: Validate;
let fixture: FhirFixture;
let everyone: User[];
let locations: Location[];
let managerLocations: Location[];

async function allUsers(dir: StaffDirectory): Promise<User[]> {
  const out: User[] = [];
  for (const status of ["active", "pending", "disabled"] as const) {
    out.push(...(await allPages((cursor) => dir.users.list({ status, limit: 200, cursor }))));
  }
  return out;
}

beforeAll(async () => {
  validate = await r4Validator();
  const world = await memoryWorld();
  fixture = await fhirFixture(world, { seeded: 240 });
  everyone = await allUsers(fixture.owner);
  locations = await fixture.owner.locations.list();
  managerLocations = await (await world.as(fixture.manager.id)).locations.list();
}, 120_000);

/** Core has no DOM or Node types: the verdict counts reach the test output through the global console. */
const report = (...args: unknown[]) =>
  (globalThis as { console?: { info(...a: unknown[]): void } }).console?.info(...args);

const byId = (id: string) => everyone.find((u) => u.id === id) as User;

describe("FHIR 4.0.1 mappers (US Core)", () => {
  it("every Practitioner, PractitionerRole, Location and Organization of a seeded memory world validates against FHIR 4.0.1 and US Core", () => {
    const tally = verdicts();
    const failures: { id: string; issues: string[] }[] = [];
    const check = (resource: StaffroomFhirResource | (object & { resourceType: string })) => {
      const issues = validate(resource);
      tally.add(resource, issues);
      if (issues.length)
        failures.push({
          id: `${resource.resourceType}/${"id" in resource ? String(resource.id) : ""}`,
          issues,
        });
    };
    const organization = toOrganization(fixture.organization);
    check(organization);
    for (const location of locations) check(toLocation(location, fixture.organization));
    const published = everyone.filter(isPublishedPractitioner);
    const practitioners = published.map((u) => toPractitioner(u));
    for (const user of published) {
      check(toPractitioner(user));
      check(toPractitionerRole(user, fixture.organization, locations));
    }
    check(
      searchsetBundle({
        base: "https://ehr.example/fhir/r4",
        resources: practitioners,
        total: 999,
        self: "https://ehr.example/fhir/r4/Practitioner",
        next: "https://ehr.example/fhir/r4/Practitioner?_cursor=x",
      }),
    );
    check(
      searchsetBundle({
        base: "https://ehr.example/fhir/r4",
        resources: [],
        total: 0,
        self: "https://ehr.example/fhir/r4/Location?name=none",
      }),
    );
    check(operationOutcome("not-found", "Practitioner/usr-0000000000 is not known."));
    const summary = tally.summary();
    report("R4 validator verdicts (memory world):", JSON.stringify(summary));
    expect(failures).toEqual([]);
    expect(published.length).toBeGreaterThan(100);
    expect(summary).toEqual({
      Bundle: { validated: 2, issues: 0 },
      Location: { validated: 4, issues: 0 },
      OperationOutcome: { validated: 1, issues: 0 },
      Organization: { validated: 1, issues: 0 },
      Practitioner: { validated: published.length, issues: 0 },
      PractitionerRole: { validated: published.length, issues: 0 },
    });
  });

  it("non-providers and invitees are not Practitioners; disabled practitioners are, with active false", () => {
    const { pending, frontDesk, disabled, noNpi } = fixture.people;
    expect(isPublishedPractitioner(byId(frontDesk.id))).toBe(false);
    expect(isPublishedPractitioner(byId(pending.id))).toBe(false);
    expect(isPublishedPractitioner(byId(fixture.manager.id))).toBe(false);
    expect(isPublishedPractitioner(byId(noNpi.id))).toBe(true);
    const published = everyone.filter(isPublishedPractitioner);
    expect(published.every((u) => u.flags.practitioner && u.status !== "pending")).toBe(true);
    expect(everyone.filter((u) => u.flags.practitioner && u.status !== "pending").length).toBe(
      published.length,
    );
    const gone = byId(disabled.id);
    expect(toPractitioner(gone).active).toBe(false);
    expect(toPractitionerRole(gone, fixture.organization, locations).active).toBe(false);
    expect(toPractitioner(byId(noNpi.id)).active).toBe(true);
  });

  it("a practitioner with an NPI carries it under us-npi; one without keeps a local identifier only (identifier 1..*)", () => {
    const withNpi = toPractitioner(byId(fixture.people.noPhone.id));
    expect(withNpi.identifier).toEqual([
      { use: "official", system: FHIR_SYSTEMS.npi, value: fixture.people.noPhone.provider?.npi },
      { use: "usual", system: FHIR_SYSTEMS.staffroomUser, value: fixture.people.noPhone.id },
    ]);
    const noNpi = toPractitioner(byId(fixture.people.noNpi.id), {
      identifierSystem: "https://ehr.example/sid/staff",
    });
    expect(noNpi.identifier).toEqual([
      { use: "usual", system: "https://ehr.example/sid/staff", value: fixture.people.noNpi.id },
    ]);
    expect(noNpi.qualification).toBeUndefined();
    expect(
      toPractitionerRole(byId(fixture.people.noNpi.id), fixture.organization, locations).specialty,
    ).toBeUndefined();
    expect(validate(noNpi)).toEqual([]);
    expect(withNpi.meta?.profile).toEqual([US_CORE_PROFILES.Practitioner]);
    expect(withNpi.meta?.versionId).toBe(String(fixture.people.noPhone.version));
  });

  it("without a phone, telecom still holds the work email, so PractitionerRole meets pd-1", () => {
    const user = byId(fixture.people.noPhone.id);
    const expected = [{ system: "email", value: user.email, use: "work" }];
    expect(toPractitioner(user).telecom).toEqual(expected);
    const role = toPractitionerRole(user, fixture.organization, locations);
    expect(role.telecom).toEqual(expected);
    expect(validate(role)).toEqual([]);
  });

  it("an org-wide practitioner's role names every live clinic, NUCC specialties and each provider type; both phones ranked", () => {
    const user = byId(fixture.people.orgWide.id);
    const role = toPractitionerRole(user, fixture.organization, locations);
    const { downtown, northside, bayview } = fixture.locations;
    expect(role.location?.map((l) => l.reference).sort()).toEqual(
      [downtown, northside, bayview].map((l) => `Location/${toFhirId(l.id)}`).sort(),
    );
    expect(role.specialty).toEqual([
      { coding: [{ system: FHIR_SYSTEMS.nucc, code: "363LF0000X" }] },
      { coding: [{ system: FHIR_SYSTEMS.nucc, code: "363L00000X" }] },
    ]);
    expect(role.code).toEqual([{ text: "NP" }, { text: "RN" }]);
    expect(role.practitioner).toEqual({
      reference: `Practitioner/${toFhirId(user.id)}`,
      display: user.displayName,
    });
    expect(role.organization).toEqual({
      reference: `Organization/${toFhirId(fixture.organization.id)}`,
      display: fixture.organization.name,
    });
    expect(toPractitioner(user).telecom?.map((t) => [t.system, t.rank])).toEqual([
      ["phone", 1],
      ["phone", 2],
      ["email", undefined],
    ]);
    expect(toPractitioner(user).qualification?.map((q) => q.code.coding?.[0]?.code)).toEqual([
      "363LF0000X",
      "363L00000X",
      "SL",
      "DEA",
      "board_certification",
    ]);
  });

  it("an archived clinic is an inactive Location and leaves the roles; a viewer's own locations bound the role's", () => {
    const { atClosed, orgWide } = fixture.people;
    const closed = toLocation(fixture.locations.closed, fixture.organization);
    expect(closed.status).toBe("inactive");
    expect(validate(closed)).toEqual([]);
    const role = toPractitionerRole(byId(atClosed.id), fixture.organization, locations);
    expect(role.location).toEqual([
      { reference: `Location/${toFhirId(fixture.locations.northside.id)}`, display: "Northside Clinic" },
    ]);
    expect(managerLocations.map((l) => l.id)).toEqual([fixture.locations.downtown.id]);
    expect(roleLocations(byId(orgWide.id), managerLocations).map((l) => l.id)).toEqual([
      fixture.locations.downtown.id,
    ]);
  });

  it("names with accents, apostrophes, hyphens, emoji and CJK are kept exactly; an empty title adds no suffix", () => {
    const unusual = toPractitioner(byId(fixture.people.unusual.id));
    expect(unusual.name).toEqual([
      {
        text: "José-María Zoë Nguyễn O'Brien-Ångström 👩🏽‍⚕️",
        family: "Nguyễn O'Brien-Ångström 👩🏽‍⚕️",
        given: ["José-María Zoë"],
      },
    ]);
    const cjk = toPractitioner(byId(fixture.people.cjk.id));
    expect(cjk.name).toEqual([{ text: "小龍 李 DO", family: "李", given: ["小龍"], suffix: ["DO"] }]);
    expect(validate(unusual)).toEqual([]);
    expect(validate(cjk)).toEqual([]);
  });

  it("qualifications given by the caller follow the provider profile's and validate", () => {
    const licence: FhirPractitionerQualification = {
      identifier: [{ system: "urn:oid:2.16.840.1.113883.4.3.6", value: "A123456" }],
      code: {
        coding: [
          {
            system: "http://terminology.hl7.org/CodeSystem/v2-0360",
            code: "MD",
            display: "Doctor of Medicine",
          },
        ],
        text: "California medical licence",
      },
      period: { start: "2024-07-01", end: "2027-06-30" },
      issuer: { display: "Medical Board of California" },
    };
    const practitioner = toPractitioner(byId(fixture.people.noPhone.id), { qualifications: [licence] });
    expect(practitioner.qualification).toEqual([
      { code: { coding: [{ system: FHIR_SYSTEMS.nucc, code: "207Q00000X" }] } },
      licence,
    ]);
    expect(validate(practitioner)).toEqual([]);
  });
});

describe("FHIR qualifications from provider credentials (issue 15)", () => {
  it("each credential becomes a qualification: number as a typed identifier, kind as code, expiry as period.end, issuer; the Practitioner validates", () => {
    const olga = byId(fixture.people.orgWide.id);
    const dea = olga.provider?.credentials?.[1]?.number as string;
    const practitioner = toPractitioner(olga);
    const v2 = FHIR_SYSTEMS.v2IdentifierType;
    const sl = { system: v2, code: "SL", display: "State license" };
    const deaCode = {
      system: v2,
      code: "DEA",
      display: "Drug Enforcement Administration registration number",
    };
    const board = {
      system: FHIR_SYSTEMS.staffroomCredential,
      code: "board_certification",
      display: "Board certification",
    };
    expect(practitioner.qualification?.slice(2)).toEqual([
      {
        identifier: [{ type: { coding: [sl] }, value: "NP-95001" }],
        code: { coding: [sl], text: "State licence (CA)" },
        period: { end: "2027-03-31" },
        issuer: { display: "California Board of Registered Nursing" },
      },
      {
        identifier: [{ type: { coding: [deaCode] }, value: dea }],
        code: { coding: [deaCode], text: "DEA registration (CA)" },
        period: { end: "2026-12-31" },
        issuer: { display: "Drug Enforcement Administration" },
      },
      {
        identifier: [{ type: { coding: [board] }, value: "FNP-2211" }],
        code: { coding: [board], text: "Board certification" },
        issuer: { display: "AANP Certification Board" },
      },
    ]);
    expect(validate(practitioner)).toEqual([]);
    expect(fhirConformanceIssues(practitioner)).toEqual([]);
  });
});

describe("FHIR ids", () => {
  it("maps every Staffroom id to a FHIR id and back exactly; a FHIR id of another kind or shape maps to nothing", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("usr", "loc", "org"),
        fc.stringMatching(/^[0-9a-z]{10,40}$/),
        (prefix, body) => {
          const id = `${prefix}_${body}`;
          expect(ID_PATTERN.test(id)).toBe(true);
          const fhirId = toFhirId(id);
          expect(FHIR_ID_PATTERN.test(fhirId)).toBe(true);
          const kind = prefix === "usr" ? "user" : prefix === "loc" ? "location" : "organization";
          expect(fromFhirId(fhirId, kind)).toBe(id);
          expect(fromFhirId(fhirId, kind === "user" ? "location" : "user")).toBeNull();
        },
      ),
    );
    for (const bad of [
      "usr_0000000001",
      "USR-0000000001",
      "usr-00000",
      "usr-000000000A",
      "usr-0000000001.",
      `usr-${"0".repeat(41)}`,
      "",
      "-",
      "usr-",
    ]) {
      expect(fromFhirId(bad, "user")).toBeNull();
    }
    expect(() => toFhirId("usr-0000000001")).toThrow(TypeError);
  });
});

describe("our own checks fail where US Core fails (they are not vacuous)", () => {
  it("us-core-16, us-core-17, name.family, identifier, ids, empty strings; us-core-13 and pd-1 on roles; the offline validator rejects an unknown element", () => {
    const user = byId(fixture.people.noPhone.id);
    const good = toPractitioner(user);
    const keys = (r: unknown) => fhirConformanceIssues(r).map((i) => i.key ?? i.path);
    const withNpi = (value: string) => ({ ...good, identifier: [{ system: FHIR_SYSTEMS.npi, value }] });
    expect(keys(withNpi("123456789"))).toEqual(["us-core-16"]);
    expect(keys(withNpi("1234567890"))).toEqual(["us-core-17"]);
    expect(keys({ ...good, name: [{ given: ["Jane"] }] })).toEqual(["Practitioner.name[0].family"]);
    expect(keys({ ...good, identifier: [] })).toContain("Practitioner.identifier");
    expect(keys({ ...good, id: "usr_0000000001" })).toEqual(["Practitioner.id"]);
    expect(keys({ ...good, name: [{ family: "" }] })).toEqual(["ele-1"]);
    const role = toPractitionerRole(user, fixture.organization, locations);
    const { practitioner: _p, organization: _o, location: _l, telecom: _t, ...bare } = role;
    expect(keys(bare).sort()).toEqual(["pd-1", "us-core-13"]);
    expect(keys({ ...role, telecom: [{ value: "+14155550123" }] })).toContain("cpt-2");
    expect(
      keys({ ...role, specialty: [{ coding: [{ system: FHIR_SYSTEMS.nucc, code: "207q00000x" }] }] }),
    ).toEqual(["PractitionerRole.specialty[0].coding[0].code"]);
    expect(validate({ ...good, nickname: "JJ" }).join()).toContain("nickname");
  });
});

describe("FHIR search predicates", () => {
  it("name: starts-with ignoring case and accents; :contains anywhere; :exact exactly", () => {
    const fields = nameFields(toPractitioner(byId(fixture.people.unusual.id)).name);
    expect(stringMatches(fields, "jose-maria", "default")).toBe(true);
    expect(stringMatches(fields, "NGUYEN", "default")).toBe(true);
    expect(stringMatches(fields, "brien", "default")).toBe(false);
    expect(stringMatches(fields, "brien", "contains")).toBe(true);
    expect(stringMatches(fields, "nguyễn O'Brien-Ångström 👩🏽‍⚕️", "exact")).toBe(false);
    expect(stringMatches(fields, "Nguyễn O'Brien-Ångström 👩🏽‍⚕️", "exact")).toBe(true);
    expect(stringMatches(fields, "   ", "default")).toBe(false);
  });

  it("identifier and specialty tokens: system|code, code alone, |code, system|", () => {
    const user = byId(fixture.people.noPhone.id);
    const npi = user.provider?.npi ?? "";
    const ids = toPractitioner(user).identifier;
    expect(identifierMatches(ids, { system: FHIR_SYSTEMS.npi, code: npi })).toBe(true);
    expect(identifierMatches(ids, { code: npi })).toBe(true);
    expect(identifierMatches(ids, { system: null, code: npi })).toBe(false);
    expect(identifierMatches(ids, { system: FHIR_SYSTEMS.npi })).toBe(true);
    expect(identifierMatches(ids, { system: "http://example.org", code: npi })).toBe(false);
    const role = toPractitionerRole(user, fixture.organization, locations);
    expect(conceptMatches(role.specialty, { system: FHIR_SYSTEMS.nucc, code: "207Q00000X" })).toBe(true);
    expect(conceptMatches(role.specialty, { code: "207q00000x" })).toBe(false);
  });
});
