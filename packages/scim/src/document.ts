import { ScimError } from "./error";
import type { Scope } from "./evaluate";
import { type AttributeDef, findAttribute } from "./schemas";

/** A JSON object. */
export type Json = Record<string, unknown>;

/** True for a plain JSON object. @example isObject({}) // true */
export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

const invalidValue = (detail: string) => new ScimError(400, "invalidValue", detail);

/**
 * A value as the attribute's type wants it. Booleans also come as the strings "true"/"false" in any
 * case (Microsoft Entra ID sends `"False"`); strings must be strings; null unassigns.
 *
 * @example coerce(activeDef, "False", "active") // false
 */
export function coerce(def: AttributeDef, value: unknown, where: string): unknown {
  if (value === null) return null;
  if (def.type === "complex") {
    if (def.multiValued) {
      const list = Array.isArray(value) ? value : [value];
      return list.map((v, i) => canonicalObject(def.subAttributes ?? [], v, `${where}[${i}]`));
    }
    return canonicalObject(def.subAttributes ?? [], value, where);
  }
  if (def.multiValued) {
    const list = Array.isArray(value) ? value : [value];
    return list.map((v) => coerce({ ...def, multiValued: false }, v, where));
  }
  if (def.type === "boolean") {
    if (typeof value === "boolean") return value;
    if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
    throw invalidValue(`${where} is true or false.`);
  }
  if (def.type === "integer" || def.type === "decimal") {
    if (typeof value === "number" && Number.isFinite(value)) return value;
    throw invalidValue(`${where} is a number.`);
  }
  if (typeof value !== "string") throw invalidValue(`${where} is a string.`);
  return value;
}

/** An object with its known attributes under their canonical names; unknown keys dropped. */
function canonicalObject(attributes: readonly AttributeDef[], value: unknown, where: string): Json {
  if (!isObject(value)) throw invalidValue(`${where} is an object.`);
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    const def = findAttribute(attributes, key);
    if (!def || v === undefined) continue;
    const coerced = coerce(def, v, `${where}.${def.name}`);
    if (coerced !== null) out[def.name] = coerced;
  }
  return out;
}

/**
 * A request body as a resource document: attribute names put in their canonical case, extension
 * objects under their URN, values coerced to their types, and everything not in the resource's
 * schemas left out (addresses, locale … Staffroom keeps none of them).
 *
 * @example canonicalDocument({ USERNAME: "a@b.org", Active: "True" }, userScope) // { userName: "a@b.org", active: true }
 */
export function canonicalDocument(body: unknown, scope: Scope): Json {
  if (!isObject(body)) throw new ScimError(400, "invalidSyntax", "The body is a JSON object.");
  const out: Json = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    const urn = [...scope.extensions.keys()].find((u) => u.toLowerCase() === key.toLowerCase());
    if (urn) {
      if (value === null) continue;
      out[urn] = canonicalObject(scope.extensions.get(urn) ?? [], value, urn);
      continue;
    }
    const def = findAttribute(scope.attributes, key);
    if (!def) continue;
    const coerced = coerce(def, value, def.name);
    if (coerced !== null) out[def.name] = coerced;
  }
  return out;
}

/** A plain deep copy of a JSON document. */
export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
