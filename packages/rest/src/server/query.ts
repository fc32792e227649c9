import { type FieldIssue, fail } from "@staffroom/core";
import * as z from "zod/mini";
import { unknownFieldIssue } from "./validate";

/** How one query parameter is typed. @example queryTypes(UserQuerySchema).get("admin") // "boolean" */
export type QueryKind = "string" | "integer" | "number" | "boolean";

/** Per parameter name, its type; from a query schema. @example parseQuery(new URLSearchParams("limit=20"), queryTypes(UserQuerySchema)) // { limit: 20 } */
export type QueryTypes = ReadonlyMap<string, QueryKind>;

interface JsonSchemaNode {
  readonly type?: string | readonly string[];
  readonly anyOf?: readonly JsonSchemaNode[];
  readonly properties?: Readonly<Record<string, JsonSchemaNode>>;
}

function kindOf(node: JsonSchemaNode | undefined): QueryKind {
  if (!node) return "string";
  const types = [node.type, ...(node.anyOf ?? []).map((n) => n.type)].flat().filter(Boolean);
  if (types.includes("boolean")) return "boolean";
  if (types.includes("integer")) return "integer";
  if (types.includes("number")) return "number";
  return "string";
}

/**
 * The parameter types of a query schema, read from its JSON Schema (the same schema core validates
 * with), so `?admin=true&limit=20` becomes `{ admin: true, limit: 20 }`.
 *
 * @example queryTypes(UserQuerySchema).get("limit") // "integer"
 */
export function queryTypes(schema: z.ZodMiniType): QueryTypes {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchemaNode;
  const out = new Map<string, QueryKind>();
  for (const [name, node] of Object.entries(json.properties ?? {})) out.set(name, kindOf(node));
  return out;
}

function coerce(kind: QueryKind, value: string): unknown {
  if (kind === "boolean") return value === "true" ? true : value === "false" ? false : value;
  if (kind === "integer" && /^-?\d{1,15}$/.test(value)) return Number(value);
  if (kind === "number" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return value;
}

/**
 * Parses a query string into typed values. With `types`, every parameter goes on to core (whose
 * strict schema refuses unknown ones exactly as a local call would); without, any parameter is an
 * unknown field. A repeated parameter is refused.
 *
 * @example parseQuery(url.searchParams, queryTypes(UserQuerySchema))
 */
export function parseQuery(params: URLSearchParams, types: QueryTypes | null): Record<string, unknown> {
  // No prototype: a parameter named __proto__ is just an unknown field.
  const out: Record<string, unknown> = Object.create(null);
  const issues: FieldIssue[] = [];
  for (const [name, value] of params) {
    if (!types) {
      issues.push(unknownFieldIssue([], name));
    } else if (Object.hasOwn(out, name)) {
      issues.push({ path: [name], code: "repeated", message: "Give this parameter once." });
    } else {
      out[name] = coerce(types.get(name) ?? "string", value);
    }
  }
  if (issues.length) throw fail.validation(issues);
  return out;
}
