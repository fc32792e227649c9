import type {
  FhirBundleLink,
  FhirIssueSeverity,
  FhirIssueType,
  FhirOperationOutcome,
  FhirSearchBundle,
  StaffroomFhirResource,
} from "./fhir.types";

/**
 * The absolute URL of a resource under a FHIR base (no trailing slash): a Bundle entry's `fullUrl`.
 *
 * @example resourceUrl("https://ehr.example/fhir/r4", practitioner) // "https://ehr.example/fhir/r4/Practitioner/usr-…"
 */
export function resourceUrl(
  base: string,
  resource: { readonly resourceType: string; readonly id: string },
): string {
  return `${base}/${resource.resourceType}/${resource.id}`;
}

/**
 * A searchset Bundle: every resource a `match` entry with its `fullUrl`, `total` the number of
 * matches across all pages, and the `self` and (when there is one) `next` links.
 *
 * @example searchsetBundle({ base, resources: page, total: 120, self: url, next: nextUrl })
 */
export function searchsetBundle<R extends StaffroomFhirResource>(input: {
  readonly base: string;
  readonly resources: readonly R[];
  readonly total: number;
  readonly self: string;
  readonly next?: string | null;
}): FhirSearchBundle<R> {
  const link: FhirBundleLink[] = [{ relation: "self", url: input.self }];
  if (input.next) link.push({ relation: "next", url: input.next });
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: input.total,
    link,
    ...(input.resources.length
      ? {
          entry: input.resources.map((resource) => ({
            fullUrl: resourceUrl(input.base, resource),
            resource,
            search: { mode: "match" as const },
          })),
        }
      : {}),
  };
}

/**
 * An OperationOutcome with one issue.
 *
 * @example operationOutcome("not-found", "Practitioner/usr-… is not known.") // { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "not-found", … }] }
 */
export function operationOutcome(
  code: FhirIssueType,
  diagnostics: string,
  options: { readonly severity?: FhirIssueSeverity; readonly expression?: readonly string[] } = {},
): FhirOperationOutcome {
  return {
    resourceType: "OperationOutcome",
    issue: [
      {
        severity: options.severity ?? "error",
        code,
        diagnostics,
        ...(options.expression?.length ? { expression: options.expression } : {}),
      },
    ],
  };
}
