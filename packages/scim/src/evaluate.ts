import { ScimError } from "./error";
import type { AttrPath, Filter, FilterValue } from "./filter";
import { type AttributeDef, findAttribute } from "./schemas";

/**
 * What a filter's names resolve against: the resource type's core attributes (common ones
 * included), its core schema URN, and its extensions by URN.
 *
 * @example { coreUrn: URN.user, attributes: [...COMMON_ATTRIBUTES, ...userSchema(false).attributes], extensions: new Map([[URN.enterprise, ENTERPRISE_SCHEMA.attributes]]) }
 */
export interface Scope {
  readonly coreUrn: string | null;
  readonly attributes: readonly AttributeDef[];
  readonly extensions: ReadonlyMap<string, readonly AttributeDef[]>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const invalid = (detail: string) => new ScimError(400, "invalidFilter", detail);

/** The attribute a path names and where its value lives in a resource; `invalidFilter` when unknown. */
export function resolve(
  path: AttrPath,
  scope: Scope,
): { def: AttributeDef; container: (r: Json) => unknown } {
  let attributes = scope.attributes;
  let container = (r: Json): unknown => r;
  if (path.urn !== null && path.urn.toLowerCase() !== scope.coreUrn?.toLowerCase()) {
    const urn = [...scope.extensions.keys()].find((u) => u.toLowerCase() === path.urn?.toLowerCase());
    const ext = urn ? scope.extensions.get(urn) : undefined;
    if (!urn || !ext) throw invalid(`Unknown schema "${path.urn}".`);
    attributes = ext;
    container = (r) => r[urn];
  }
  const def = findAttribute(attributes, path.attr);
  if (!def) throw invalid(`Unknown attribute "${path.attr}".`);
  return { def, container };
}

/** The leaf attribute and the values a path selects in a resource (absent values left out). */
function valuesAt(path: AttrPath, resource: Json, scope: Scope): { leaf: AttributeDef; values: unknown[] } {
  const { def, container } = resolve(path, scope);
  const holder = container(resource);
  const raw = isObject(holder) ? holder[def.name] : undefined;
  if (def.type !== "complex") {
    if (path.sub !== null || path.filter !== null)
      throw invalid(`"${def.name}" has no sub-attributes or values to filter.`);
    const values = def.multiValued ? (Array.isArray(raw) ? raw : []) : [raw];
    return { leaf: def, values: values.filter((v) => v !== undefined && v !== null) };
  }
  const subs = def.subAttributes ?? [];
  const subScope: Scope = { coreUrn: null, attributes: subs, extensions: new Map() };
  let elements: Json[] = def.multiValued
    ? Array.isArray(raw)
      ? raw.filter(isObject)
      : []
    : isObject(raw)
      ? [raw]
      : [];
  if (path.filter !== null) {
    if (!def.multiValued) throw invalid(`"${def.name}" is not multi-valued: it takes no value filter.`);
    const filter = path.filter;
    elements = elements.filter((e) => matches(filter, e, subScope));
  }
  const subName = path.sub ?? (def.multiValued ? "value" : null);
  if (subName === null) throw invalid(`Compare a sub-attribute of "${def.name}", not the whole.`);
  const leaf = findAttribute(subs, subName);
  if (!leaf) throw invalid(`Unknown sub-attribute "${def.name}.${subName}".`);
  return {
    leaf,
    values: elements.map((e) => e[leaf.name]).filter((v) => v !== undefined && v !== null),
  };
}

function compareText(a: string, b: string, caseExact: boolean): [string, string] {
  return caseExact ? [a, b] : [a.toLowerCase(), b.toLowerCase()];
}

function test(op: string, leaf: AttributeDef, actual: unknown, literal: FilterValue): boolean {
  if (literal === null) return false;
  if (leaf.type === "boolean") {
    if (typeof literal !== "boolean") throw invalid(`"${leaf.name}" is true or false.`);
    if (op !== "eq" && op !== "ne") throw invalid(`"${leaf.name}" is compared with eq or ne only.`);
    return actual === literal;
  }
  if (typeof actual === "number" || leaf.type === "integer" || leaf.type === "decimal") {
    if (typeof literal !== "number" || typeof actual !== "number") return false;
    return ordered(op, actual - literal, actual === literal);
  }
  if (typeof literal !== "string") throw invalid(`Compare "${leaf.name}" with a quoted string.`);
  if (typeof actual !== "string") return false;
  if (leaf.type === "dateTime" && ["gt", "ge", "lt", "le"].includes(op)) {
    const a = Date.parse(actual);
    const b = Date.parse(literal);
    if (Number.isNaN(b)) throw invalid(`"${literal}" is not a date and time.`);
    return ordered(op, a - b, a === b);
  }
  const [a, b] = compareText(actual, literal, leaf.caseExact);
  switch (op) {
    case "eq":
      return a === b;
    case "co":
      return a.includes(b);
    case "sw":
      return a.startsWith(b);
    case "ew":
      return a.endsWith(b);
    default:
      return ordered(op, a < b ? -1 : a > b ? 1 : 0, a === b);
  }
}

function ordered(op: string, difference: number, equal: boolean): boolean {
  switch (op) {
    case "eq":
      return equal;
    case "gt":
      return difference > 0;
    case "ge":
      return difference >= 0;
    case "lt":
      return difference < 0;
    case "le":
      return difference <= 0;
    default:
      throw invalid(`"${op}" compares text only.`);
  }
}

/**
 * Whether a resource (a SCIM User or Group document) matches a filter: attribute names resolve
 * against `scope` ignoring case, strings compare per the attribute's `caseExact`, a multi-valued
 * attribute matches when any value does (RFC 7644 §3.4.2.2). An unknown attribute or a comparison
 * its type does not allow is `invalidFilter`.
 *
 * @example matches(parseFilter('userName eq "JANE@clinic.org"', urns), userDocument, userScope) // true
 */
export function matches(filter: Filter, resource: Json, scope: Scope): boolean {
  switch (filter.kind) {
    case "and":
      // Both sides are checked for validity even when the left already decides.
      return [matches(filter.left, resource, scope), matches(filter.right, resource, scope)].every(Boolean);
    case "or":
      return [matches(filter.left, resource, scope), matches(filter.right, resource, scope)].some(Boolean);
    case "not":
      return !matches(filter.filter, resource, scope);
    case "present":
      return valuesAt(filter.path, resource, scope).values.some(
        (v) => v !== "" && !(Array.isArray(v) && !v.length),
      );
    case "has":
      return hasElement(filter, resource, scope);
    case "compare": {
      const { leaf, values } = valuesAt(filter.path, resource, scope);
      if (filter.op === "ne") {
        if (filter.value === null) return values.length > 0;
        return !values.some((v) => test("eq", leaf, v, filter.value));
      }
      if (filter.op === "eq" && filter.value === null) return values.length === 0;
      return values.some((v) => test(filter.op, leaf, v, filter.value));
    }
  }
}

/** `emails[type eq "work"]` on a complex multi-valued attribute whose elements lack `value`. */
function hasElement(filter: Extract<Filter, { kind: "has" }>, resource: Json, scope: Scope): boolean {
  const { def, container } = resolve(filter.path, scope);
  if (!def.multiValued || def.type !== "complex" || filter.path.filter === null)
    throw invalid(`"${def.name}" is not a multi-valued complex attribute: it takes no value filter.`);
  const holder = container(resource);
  const raw = isObject(holder) ? holder[def.name] : undefined;
  if (!Array.isArray(raw)) return false;
  const inner = filter.path.filter;
  const subScope: Scope = { coreUrn: null, attributes: def.subAttributes ?? [], extensions: new Map() };
  return raw.filter(isObject).some((e) => matches(inner, e, subScope));
}

/**
 * Checks that every name in a filter resolves and every comparison fits its attribute, without a
 * resource: a list request answers `invalidFilter` even when nothing would match.
 *
 * @example validateFilter(parseFilter("nickName eq \"x\"", urns), userScope) // throws invalidFilter
 */
export function validateFilter(filter: Filter, scope: Scope): void {
  switch (filter.kind) {
    case "and":
    case "or":
      validateFilter(filter.left, scope);
      validateFilter(filter.right, scope);
      return;
    case "not":
      validateFilter(filter.filter, scope);
      return;
    case "has":
      hasElement(filter, {}, scope);
      validateInner(filter.path, scope);
      return;
    case "present":
      valuesAt(filter.path, {}, scope);
      validateInner(filter.path, scope);
      return;
    case "compare": {
      const { leaf } = valuesAt(filter.path, {}, scope);
      validateInner(filter.path, scope);
      if (filter.value !== null)
        test(filter.op === "ne" ? "eq" : filter.op, leaf, sample(leaf), filter.value);
    }
  }
}

/** The value filter of a path, checked against the attribute's sub-attributes. */
function validateInner(path: AttrPath, scope: Scope): void {
  if (path.filter === null) return;
  const { def } = resolve(path, scope);
  validateFilter(path.filter, { coreUrn: null, attributes: def.subAttributes ?? [], extensions: new Map() });
}

const sample = (leaf: AttributeDef): unknown =>
  leaf.type === "boolean" ? true : leaf.type === "integer" || leaf.type === "decimal" ? 0 : "";
