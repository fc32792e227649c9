import { URN } from "./constants";
import { coerce, copy, isObject, type Json } from "./document";
import { ScimError } from "./error";
import { matches, type Scope } from "./evaluate";
import { type AttrPath, type Filter, parsePath } from "./filter";
import { type AttributeDef, findAttribute } from "./schemas";

/** A PATCH operation, its name lower-cased (Entra sends `Replace`, `Add`, `Remove`). */
export interface PatchOperation {
  readonly op: "add" | "replace" | "remove";
  readonly path: string | null;
  readonly value: unknown;
}

/** Most operations one PATCH may carry. */
export const MAX_OPERATIONS = 1000;

const syntax = (detail: string) => new ScimError(400, "invalidSyntax", detail);

/**
 * The operations of a PATCH body (RFC 7644 §3.5.2), checked: `schemas` names PatchOp when given,
 * `Operations` (any case) is a list of 1–1000 objects, each with an `op` of add/replace/remove in
 * any case and an optional string `path`. Anything else is `invalidSyntax`.
 *
 * @example patchOperations({ schemas: [URN.patchOp], Operations: [{ op: "Replace", path: "active", value: "False" }] })
 */
export function patchOperations(body: unknown): PatchOperation[] {
  if (!isObject(body)) throw syntax("A PATCH body is a JSON object with Operations.");
  const schemas = body.schemas;
  if (schemas !== undefined && (!Array.isArray(schemas) || !schemas.some((s) => s === URN.patchOp)))
    throw syntax(`A PATCH body's schemas names ${URN.patchOp}.`);
  const key = Object.keys(body).find((k) => k.toLowerCase() === "operations");
  const list = key === undefined ? undefined : body[key];
  if (!Array.isArray(list) || list.length === 0)
    throw syntax("A PATCH body has a non-empty Operations list.");
  if (list.length > MAX_OPERATIONS) throw syntax(`A PATCH body has at most ${MAX_OPERATIONS} operations.`);
  return list.map((raw, i) => {
    if (!isObject(raw)) throw syntax(`Operations[${i}] is an object.`);
    const field = (name: string) => raw[Object.keys(raw).find((k) => k.toLowerCase() === name) ?? name];
    const op = field("op");
    const path = field("path");
    if (typeof op !== "string" || !["add", "replace", "remove"].includes(op.toLowerCase()))
      throw syntax(`Operations[${i}].op is add, replace or remove.`);
    if (path !== undefined && path !== null && typeof path !== "string")
      throw syntax(`Operations[${i}].path is a string.`);
    return {
      op: op.toLowerCase() as PatchOperation["op"],
      path: typeof path === "string" && path.trim() !== "" ? path : null,
      value: field("value"),
    };
  });
}

/** Where a path lands: the attribute, and the object holding it in the document. */
interface Target {
  readonly def: AttributeDef;
  readonly holder: Json;
}

function target(doc: Json, path: AttrPath, scope: Scope, create: boolean): Target | null {
  let attributes = scope.attributes;
  let holder: Json = doc;
  if (path.urn !== null && path.urn.toLowerCase() !== scope.coreUrn?.toLowerCase()) {
    const urn = [...scope.extensions.keys()].find((u) => u.toLowerCase() === path.urn?.toLowerCase());
    if (!urn) return null;
    attributes = scope.extensions.get(urn) ?? [];
    const existing = doc[urn];
    if (!isObject(existing)) {
      if (!create) return null;
      doc[urn] = {};
    }
    holder = doc[urn] as Json;
  }
  const def = findAttribute(attributes, path.attr);
  return def ? { def, holder } : null;
}

/** The `sub eq "literal"` terms of a value filter, to build the element an add creates. */
function equalities(filter: Filter, out: Json = {}): Json | null {
  if (filter.kind === "and") return equalities(filter.left, out) && equalities(filter.right, out);
  if (
    filter.kind === "compare" &&
    filter.op === "eq" &&
    filter.path.sub === null &&
    filter.path.filter === null
  ) {
    out[filter.path.attr] = filter.value;
    return out;
  }
  return null;
}

const writable = (def: AttributeDef): boolean => def.mutability !== "readOnly";

/** Applies one operation whose path is given. */
function applyAt(doc: Json, op: PatchOperation["op"], path: AttrPath, value: unknown, scope: Scope): void {
  if (path.attr === "") {
    // A whole extension: its object's attributes one by one.
    if (!path.urn) return;
    if (op === "remove") {
      const urn = [...scope.extensions.keys()].find((u) => u.toLowerCase() === path.urn?.toLowerCase());
      if (urn) delete doc[urn];
      return;
    }
    if (!isObject(value)) throw new ScimError(400, "invalidValue", `The value of ${path.urn} is an object.`);
    for (const [key, v] of Object.entries(value))
      applyAt(doc, op, { urn: path.urn, attr: key, filter: null, sub: null }, v, scope);
    return;
  }
  const found = target(doc, path, scope, op !== "remove");
  // Attributes Staffroom does not keep, and read-only ones, are ignored (see the README).
  if (!found || !writable(found.def)) return;
  const { def, holder } = found;
  const where = path.sub ? `${def.name}.${path.sub}` : def.name;
  if (value === null && op !== "remove") {
    applyAt(doc, "remove", path, undefined, scope);
    return;
  }
  if (def.type !== "complex") {
    if (path.sub !== null || path.filter !== null)
      throw new ScimError(400, "invalidPath", `"${def.name}" has no sub-attributes.`);
    if (op === "remove") delete holder[def.name];
    else holder[def.name] = coerce(def, value, where);
    return;
  }
  const subs = def.subAttributes ?? [];
  if (!def.multiValued) {
    if (path.filter !== null) throw new ScimError(400, "invalidPath", `"${def.name}" takes no value filter.`);
    const current = isObject(holder[def.name]) ? (holder[def.name] as Json) : {};
    if (path.sub !== null) {
      const sub = findAttribute(subs, path.sub);
      if (!sub || !writable(sub)) return;
      if (op === "remove") delete current[sub.name];
      else current[sub.name] = coerce(sub, value, where);
      holder[def.name] = current;
      return;
    }
    if (op === "remove") delete holder[def.name];
    else {
      const next = coerce(def, value, where) as Json;
      holder[def.name] = op === "add" ? { ...current, ...next } : next;
    }
    return;
  }
  applyMulti(holder, def, op, path, value, scope, where);
}

/** An operation on a multi-valued complex attribute (phoneNumbers, members). */
function applyMulti(
  holder: Json,
  def: AttributeDef,
  op: PatchOperation["op"],
  path: AttrPath,
  value: unknown,
  _scope: Scope,
  where: string,
): void {
  const subs = def.subAttributes ?? [];
  const subScope: Scope = { coreUrn: null, attributes: subs, extensions: new Map() };
  const list: Json[] = Array.isArray(holder[def.name]) ? [...(holder[def.name] as Json[])] : [];
  const sameValue = (a: Json, b: Json) => a.value !== undefined && a.value === b.value;
  if (path.filter === null && path.sub === null) {
    if (op === "remove") {
      if (value === undefined) holder[def.name] = [];
      else {
        // Entra: {"op":"Remove","path":"members","value":[{"value":"…"}]} removes those values.
        const gone = coerce(def, value, where) as Json[];
        holder[def.name] = list.filter((e) => !gone.some((g) => sameValue(e, g)));
      }
      return;
    }
    const given = coerce(def, value, where) as Json[];
    if (op === "replace") holder[def.name] = given;
    else holder[def.name] = [...list, ...given.filter((g) => !list.some((e) => sameValue(e, g)))];
    return;
  }
  const filter = path.filter;
  const selected = (e: Json) => (filter === null ? true : matches(filter, e, subScope));
  if (path.sub === null) {
    if (op === "remove") holder[def.name] = list.filter((e) => !selected(e));
    else {
      const next = coerce({ ...def, multiValued: false }, value, where) as Json;
      if (!list.some(selected)) {
        if (op === "replace" && filter)
          throw new ScimError(400, "noTarget", `No value of ${def.name} matches.`);
        holder[def.name] = [...list, next];
      } else holder[def.name] = list.map((e) => (selected(e) ? { ...(op === "add" ? e : {}), ...next } : e));
    }
    return;
  }
  const sub = findAttribute(subs, path.sub);
  if (!sub || !writable(sub)) return;
  if (op === "remove") {
    holder[def.name] =
      sub.name === "value"
        ? list.filter((e) => !selected(e))
        : list.map((e) => {
            if (!selected(e)) return e;
            const { [sub.name]: _gone, ...rest } = e;
            return rest;
          });
    return;
  }
  const coerced = coerce(sub, value, where);
  if (list.some(selected)) {
    holder[def.name] = list.map((e) => (selected(e) ? { ...e, [sub.name]: coerced } : e));
    return;
  }
  // Nothing matches: an add or replace on emails[type eq "work"].value creates that element (Entra).
  const seed = filter ? equalities(filter) : {};
  if (!seed) throw new ScimError(400, "noTarget", `No value of ${def.name} matches the filter.`);
  holder[def.name] = [...list, { ...seed, [sub.name]: coerced }];
}

/**
 * Applies PATCH operations to a copy of a resource document (RFC 7644 §3.5.2, and the shapes
 * Microsoft Entra ID sends without `aadOptscim062020`): paths with value filters, sub-attributes
 * and schema URNs; a path-less add/replace whose value is an object keyed by attribute names or
 * paths; member removal by value list. Attributes outside the schemas, and read-only ones, are
 * left as they are. Returns the new document; `doc` is not changed.
 *
 * @example applyPatch(userDocument, [{ op: "replace", path: "active", value: false }], userScope)
 */
export function applyPatch(doc: Json, operations: readonly PatchOperation[], scope: Scope): Json {
  const out = copy(doc);
  const urns = [scope.coreUrn ?? "", ...scope.extensions.keys()].filter(Boolean);
  for (const operation of operations) {
    if (operation.path === null) {
      if (operation.op === "remove") throw new ScimError(400, "noTarget", "A remove operation needs a path.");
      if (!isObject(operation.value))
        throw new ScimError(400, "invalidValue", "An operation without a path has an object as its value.");
      for (const [key, value] of Object.entries(operation.value))
        applyAt(out, operation.op, parsePath(key, urns), value, scope);
      continue;
    }
    applyAt(out, operation.op, parsePath(operation.path, urns), operation.value, scope);
  }
  return out;
}
