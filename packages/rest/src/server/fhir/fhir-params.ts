import { textProblem } from "@staffroom/core";
import type { StringMatch, TokenValue } from "@staffroom/core/fhir";
import { badParameter, FhirProblem } from "./fhir-problem";

/** The resource types the endpoint serves. @example "PractitionerRole" */
export type FhirType = "Practitioner" | "PractitionerRole" | "Location" | "Organization";

/** One string parameter: how it compares and its alternatives (any may match). @example { match: "default", values: ["smith"] } */
export interface StringParam {
  readonly match: StringMatch;
  readonly values: readonly string[];
}

/**
 * A search as parsed: each field is a list of parameters that must all hold (a repeated parameter
 * is AND), each with alternatives of which one must match (a comma is OR). `applied` is what the
 * self and next links repeat: the parameters honoured, in the order given.
 *
 * @example parseSearch("Practitioner", new URLSearchParams("name=smith&_count=20"), options)
 */
export interface FhirSearch {
  readonly type: FhirType;
  readonly count: number;
  readonly cursor: string | null;
  readonly ids: readonly (readonly string[])[];
  readonly identifiers: readonly (readonly TokenValue[])[];
  readonly names: readonly StringParam[];
  /** Every `active` value given (repeats are AND: `true` and `false` together match nothing). */
  readonly actives: readonly boolean[];
  readonly practitioners: readonly (readonly string[])[];
  readonly practitionerIdentifiers: readonly (readonly TokenValue[])[];
  readonly practitionerNames: readonly StringParam[];
  readonly locations: readonly (readonly string[])[];
  readonly specialties: readonly (readonly TokenValue[])[];
  readonly applied: readonly (readonly [string, string])[];
}

/** Limits of parsing. @example { defaultCount: 50, maxCount: 200, strict: false, base: "https://ehr.example/fhir/r4" } */
export interface ParseOptions {
  readonly defaultCount: number;
  readonly maxCount: number;
  /** `Prefer: handling=strict`: an unknown parameter is a 400 instead of being ignored. */
  readonly strict: boolean;
  /** The endpoint's absolute base, for absolute references. */
  readonly base: string;
}

type Kind = "id" | "token" | "string" | "boolean" | "reference";

/** The search parameters each type supports, by name, with their kind (and reference target). */
const SUPPORTED: Record<FhirType, Record<string, { kind: Kind; target?: FhirType }>> = {
  Practitioner: {
    _id: { kind: "id" },
    identifier: { kind: "token" },
    name: { kind: "string" },
    active: { kind: "boolean" },
  },
  PractitionerRole: {
    _id: { kind: "id" },
    active: { kind: "boolean" },
    practitioner: { kind: "reference", target: "Practitioner" },
    location: { kind: "reference", target: "Location" },
    specialty: { kind: "token" },
    "practitioner.identifier": { kind: "token" },
    "practitioner.name": { kind: "string" },
  },
  Location: { _id: { kind: "id" }, name: { kind: "string" } },
  Organization: { _id: { kind: "id" }, name: { kind: "string" } },
};

/** Parameters every search takes that select no resources. */
const RESULT_PARAMETERS = new Set(["_count", "_cursor", "_format", "_pretty", "_total"]);

/** Longest parameter value taken (a search value, a cursor). */
const MAX_VALUE = 2048;

/**
 * Splits a parameter value on commas not escaped with `\` (R4 §3.1.1.5.7), unescaping `\,`, `\|`
 * and `\\`; empty alternatives are dropped.
 *
 * @example splitAlternatives("smith,jones\\,jr") // ["smith", "jones,jr"]
 */
export function splitAlternatives(value: string): string[] {
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\" && i + 1 < value.length) {
      current += value[i + 1];
      i++;
    } else if (c === ",") {
      out.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  out.push(current);
  return out.filter((v) => v.length > 0);
}

/**
 * A token value: `system|code`, `|code`, `system|` or `code` (the first unescaped `|` splits).
 *
 * @example parseToken("http://hl7.org/fhir/sid/us-npi|1234567893") // { system: "http://hl7.org/fhir/sid/us-npi", code: "1234567893" }
 */
export function parseToken(raw: string): TokenValue {
  const bar = raw.indexOf("|");
  if (bar < 0) return { code: raw };
  const system = raw.slice(0, bar);
  const code = raw.slice(bar + 1);
  return { system: system.length ? system : null, ...(code.length ? { code } : {}) };
}

/** A parameter name fit to echo in a message and an `expression` (what the client sent may not be). */
function labelOf(name: string): string {
  const plain =
    name.length > 0 && name.length <= 64 && name.trim() === name && textProblem(name, "single-line") === null;
  return plain ? name : "A parameter";
}

/** The parameter as an OperationOutcome `expression`, or "" (dropped) when it is not plain text. */
function expressionOf(name: string): string {
  return labelOf(name) === name ? name : "";
}

function checkText(name: string, value: string): void {
  const label = labelOf(name);
  const expression = expressionOf(name);
  if (value.length > MAX_VALUE)
    throw badParameter(expression, `${label} has at most ${MAX_VALUE} characters.`);
  if (textProblem(value, "single-line") !== null) {
    throw badParameter(expression, `${label} holds a control character or an unpaired surrogate.`);
  }
}

function parseReference(name: string, raw: string, target: FhirType, base: string): string {
  const absolute = `${base}/${target}/`;
  if (raw.startsWith(absolute)) return raw.slice(absolute.length);
  if (raw.startsWith(`${target}/`)) return raw.slice(target.length + 1);
  if (!raw.includes("/")) return raw;
  throw badParameter(name, `${name} takes ${target}/[id] or [id].`);
}

function parseCount(raw: string, options: ParseOptions): number {
  if (!/^\d{1,9}$/.test(raw)) throw badParameter("_count", "_count must be a whole number from 0.");
  return Math.min(Number(raw), options.maxCount);
}

/**
 * Parses a search's query string for a type: every supported parameter (with `:exact` and
 * `:contains` on strings), `_count` (clamped to `maxCount`), `_cursor`, and the parameters that
 * only shape the answer (`_format`, `_pretty`, `_total`; the answer is always JSON with an exact
 * total). An unsupported modifier, a malformed value, a repeated `_count` or `_cursor` is a 400; an
 * unknown parameter is ignored (and left out of the links), or a 400 with `Prefer: handling=strict`
 * (R4 §3.1.1.1). An empty value is ignored.
 *
 * @example parseSearch("Practitioner", url.searchParams, { defaultCount: 50, maxCount: 200, strict: false, base })
 */
export function parseSearch(type: FhirType, params: URLSearchParams, options: ParseOptions): FhirSearch {
  const out = {
    type,
    count: options.defaultCount,
    cursor: null as string | null,
    ids: [] as string[][],
    identifiers: [] as TokenValue[][],
    names: [] as StringParam[],
    actives: [] as boolean[],
    practitioners: [] as string[][],
    practitionerIdentifiers: [] as TokenValue[][],
    practitionerNames: [] as StringParam[],
    locations: [] as string[][],
    specialties: [] as TokenValue[][],
    applied: [] as [string, string][],
  };
  const seen = new Set<string>();
  for (const [key, value] of params) {
    checkText("", key);
    checkText(key, value);
    if (value.length === 0) continue;
    if (RESULT_PARAMETERS.has(key)) {
      if ((key === "_count" || key === "_cursor") && seen.has(key))
        throw badParameter(key, `${key} is given twice.`);
      seen.add(key);
      if (key === "_count") out.count = parseCount(value, options);
      else if (key === "_cursor") out.cursor = value;
      else if (key === "_total" && !["none", "estimate", "accurate"].includes(value)) {
        throw badParameter("_total", "_total is none, estimate or accurate.");
      } else if (key === "_pretty" && !["true", "false"].includes(value)) {
        throw badParameter("_pretty", "_pretty is true or false.");
      }
      continue;
    }
    const colon = key.indexOf(":");
    const name = colon < 0 ? key : key.slice(0, colon);
    const modifier = colon < 0 ? null : key.slice(colon + 1);
    const spec = SUPPORTED[type][name];
    if (!spec) {
      if (options.strict)
        throw new FhirProblem(400, "not-supported", `${type} has no search parameter ${name}.`, [key]);
      continue;
    }
    if (modifier !== null && !(spec.kind === "string" && (modifier === "exact" || modifier === "contains"))) {
      throw new FhirProblem(400, "not-supported", `${name} takes no such modifier.`, [expressionOf(key)]);
    }
    const alternatives = splitAlternatives(value);
    if (alternatives.length === 0) continue;
    if (alternatives.length > 100) throw badParameter(key, `${key} takes at most 100 alternatives.`);
    out.applied.push([key, value]);
    switch (spec.kind) {
      case "id":
        out.ids.push(alternatives);
        break;
      case "boolean":
        if (alternatives.length !== 1 || (value !== "true" && value !== "false")) {
          throw badParameter(key, `${key} is true or false.`);
        }
        out.actives.push(value === "true");
        break;
      case "token": {
        const tokens = alternatives.map(parseToken);
        if (name === "identifier") out.identifiers.push(tokens);
        else if (name === "specialty") out.specialties.push(tokens);
        else out.practitionerIdentifiers.push(tokens);
        break;
      }
      case "string": {
        const param = { match: (modifier ?? "default") as StringMatch, values: alternatives };
        if (name === "name") out.names.push(param);
        else out.practitionerNames.push(param);
        break;
      }
      case "reference": {
        const target = spec.target as FhirType;
        const ids = alternatives.map((a) => parseReference(key, a, target, options.base));
        if (target === "Practitioner") out.practitioners.push(ids);
        else out.locations.push(ids);
        break;
      }
    }
  }
  return out;
}

/** `Prefer: handling=strict` (RFC 7240 preference, R4 §3.1.1.1). @example isStrict(request.headers) // false */
export function isStrict(headers: Headers): boolean {
  const prefer = headers.get("prefer");
  return prefer !== null && /(^|[,;\s])handling\s*=\s*"?strict"?/i.test(prefer);
}

/**
 * An opaque paging position: the status phase and core's own cursor (keyset paging through
 * `users.list`), or an offset into a verified list. Base64url JSON: it grants nothing — the query
 * is re-run with the caller's permissions — and a forged one is a 400.
 *
 * @example encodeCursor({ phase: 1, cursor: "eyJ…" })
 */
export type FhirCursor =
  | { readonly phase: number; readonly cursor: string | null }
  | { readonly offset: number };

function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(raw: string): string {
  const binary = atob(raw.replaceAll("-", "+").replaceAll("_", "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** @example encodeCursor({ offset: 50 }) // "eyJvIjo1MH0" */
export function encodeCursor(cursor: FhirCursor): string {
  const json = "offset" in cursor ? { o: cursor.offset } : { p: cursor.phase, c: cursor.cursor };
  return toBase64Url(JSON.stringify(json));
}

/** A cursor the endpoint issued, or a 400 on `_cursor`. @example decodeCursor(encodeCursor({ offset: 50 })) // { offset: 50 } */
export function decodeCursor(raw: string): FhirCursor {
  const bad = () => badParameter("_cursor", "This _cursor was not issued by this endpoint.");
  if (!/^[A-Za-z0-9_-]{1,2800}$/.test(raw)) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(raw));
  } catch {
    throw bad();
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw bad();
  const o = parsed as Record<string, unknown>;
  const keys = Object.keys(o).sort().join();
  if (keys === "o" && Number.isSafeInteger(o.o) && (o.o as number) >= 0) return { offset: o.o as number };
  if (
    keys === "c,p" &&
    (o.p === 0 || o.p === 1) &&
    (o.c === null || (typeof o.c === "string" && o.c.length > 0 && o.c.length <= 2000))
  ) {
    return { phase: o.p, cursor: o.c as string | null };
  }
  throw bad();
}
