import { isObject, type Json } from "./document";
import { splitAttrPath } from "./filter";

/** Attributes every answer keeps whatever `attributes` and `excludedAttributes` say. */
const ALWAYS = new Set(["schemas", "id"]);

interface Wanted {
  readonly urn: string | null;
  readonly attr: string;
  readonly sub: string | null;
}

/** The entries of a comma-separated `attributes` / `excludedAttributes` parameter. */
export function attributeList(value: string | null, urns: readonly string[]): Wanted[] {
  if (value === null || value.trim() === "") return [];
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 100)
    .map((entry) => splitAttrPath(entry, urns));
}

const keyOf = (doc: Json, name: string): string | undefined =>
  Object.keys(doc).find((k) => k.toLowerCase() === name.toLowerCase());

function holderKey(doc: Json, w: Wanted, coreUrn: string): string | null {
  if (w.urn === null || w.urn.toLowerCase() === coreUrn.toLowerCase()) return null;
  return keyOf(doc, w.urn) ?? null;
}

/**
 * A resource document cut to what the request asked for (RFC 7644 §3.4.2.5): with `attributes`,
 * only those (and `schemas`, `id`); else everything but `excludedAttributes`. Names ignore case;
 * `name.givenName` and `urn:…:employeeNumber` name sub-attributes and extension attributes.
 *
 * @example project(doc, attributeList("userName,name.givenName", urns), [], URN.user)
 */
export function project(
  doc: Json,
  include: readonly Wanted[],
  exclude: readonly Wanted[],
  coreUrn: string,
): Json {
  if (include.length > 0) {
    const out: Json = {};
    for (const key of Object.keys(doc)) if (ALWAYS.has(key)) out[key] = doc[key];
    for (const w of include) {
      if (w.attr === "") {
        const key = w.urn ? keyOf(doc, w.urn) : undefined;
        if (key) out[key] = doc[key];
        continue;
      }
      const hk = holderKey(doc, w, coreUrn);
      if (w.urn !== null && w.urn.toLowerCase() !== coreUrn.toLowerCase() && hk === null) continue;
      const holder = hk === null ? doc : doc[hk];
      if (!isObject(holder)) continue;
      const key = keyOf(holder, w.attr);
      if (key === undefined) continue;
      if (hk !== null && !isObject(out[hk])) out[hk] = {};
      const target: Json = hk === null ? out : (out[hk] as Json);
      const value = holder[key];
      if (w.sub === null) {
        target[key] = value;
        continue;
      }
      const pickSub = (element: unknown): unknown => {
        if (!isObject(element)) return undefined;
        const sk = keyOf(element, w.sub as string);
        return sk === undefined ? undefined : { [sk]: element[sk] };
      };
      if (Array.isArray(value)) {
        const prev = Array.isArray(target[key]) ? (target[key] as Json[]) : value.map(() => ({}));
        target[key] = value.map((e, i) => ({
          ...(prev[i] ?? {}),
          ...((pickSub(e) as Json | undefined) ?? {}),
        }));
      } else {
        const picked = pickSub(value);
        if (picked) target[key] = { ...(isObject(target[key]) ? target[key] : {}), ...picked };
      }
    }
    return out;
  }
  if (exclude.length === 0) return doc;
  const out: Json = { ...doc };
  const dropSub = (element: unknown, sub: string): unknown => {
    if (!isObject(element)) return element;
    const sk = keyOf(element, sub);
    if (sk === undefined) return element;
    const { [sk]: _gone, ...rest } = element;
    return rest;
  };
  for (const w of exclude) {
    if (w.attr === "") {
      const key = w.urn ? keyOf(out, w.urn) : undefined;
      if (key) delete out[key];
      continue;
    }
    const hk = holderKey(out, w, coreUrn);
    if (w.urn !== null && w.urn.toLowerCase() !== coreUrn.toLowerCase() && hk === null) continue;
    const source = hk === null ? out : out[hk];
    if (!isObject(source)) continue;
    const holder: Json = hk === null ? out : { ...source };
    const key = keyOf(holder, w.attr);
    if (key === undefined || (hk === null && ALWAYS.has(key))) continue;
    if (w.sub === null) delete holder[key];
    else {
      const sub = w.sub;
      const value = holder[key];
      holder[key] = Array.isArray(value) ? value.map((e) => dropSub(e, sub)) : dropSub(value, sub);
    }
    if (hk !== null) out[hk] = holder;
  }
  return out;
}
