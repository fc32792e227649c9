import type * as z from "zod/mini";
import { resolveOptions, routeTable } from "../server";

/**
 * A `checkResponse` for `restDirectory` and `restAuth` (see `RestClientOptions`): parses every
 * successful response body with the core schema its route documents in the OpenAPI document
 * (`doc.response`; no body for a 204) and throws, naming the operation and the first issues, when the
 * body does not match. The REST test worlds pass it, so every conformance test over REST also proves
 * that the wire carries exactly core's schemas — the ones the types are inferred from.
 *
 * @example restDirectory({ baseUrl, token, checkResponse: checkResponses() })
 */
export function checkResponses(): (operationId: string, body: unknown) => void {
  const schemas = new Map<string, z.ZodMiniType | null>();
  for (const route of routeTable(resolveOptions({}))) schemas.set(route.doc.operationId, route.doc.response);
  return (operationId, body) => {
    const schema = schemas.get(operationId);
    if (schema === undefined) throw new Error(`checkResponses: no route has the operation ${operationId}`);
    if (schema === null) {
      if (body !== undefined)
        throw new Error(`checkResponses: ${operationId} answered a body it documents none for`);
      return;
    }
    const result = schema.safeParse(body);
    if (result.success) return;
    const issues = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.code} ${issue.message}`);
    throw new Error(
      `checkResponses: the ${operationId} response does not match its schema — ${issues.join("; ")}`,
    );
  };
}
