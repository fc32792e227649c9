import { ScimError } from "./error";

/**
 * An attribute path (RFC 7644 §3.10): an optional schema URN, an attribute, an optional value
 * filter on a multi-valued attribute (`emails[type eq "work"]`) and an optional sub-attribute.
 *
 * @example { urn: null, attr: "emails", filter: { op: "eq", … }, sub: "value" } // emails[type eq "work"].value
 */
export interface AttrPath {
  readonly urn: string | null;
  readonly attr: string;
  readonly filter: Filter | null;
  readonly sub: string | null;
}

/** A comparison operator of RFC 7644 §3.4.2.2 (lower-cased). */
export type CompareOp = "eq" | "ne" | "co" | "sw" | "ew" | "gt" | "ge" | "lt" | "le";

/** A literal of a filter: JSON string, number, boolean or null. */
export type FilterValue = string | number | boolean | null;

/**
 * A parsed filter. `compare` and `present` name an attribute path; `and`, `or`, `not` combine;
 * `has` is a bare value path (`emails[type eq "work"]`: some element matches).
 *
 * @example parseFilter('userName eq "jane@clinic.org"') // { kind: "compare", op: "eq", path: { attr: "userName", … }, value: "jane@clinic.org" }
 */
export type Filter =
  | { readonly kind: "compare"; readonly op: CompareOp; readonly path: AttrPath; readonly value: FilterValue }
  | { readonly kind: "present"; readonly path: AttrPath }
  | { readonly kind: "and" | "or"; readonly left: Filter; readonly right: Filter }
  | { readonly kind: "not"; readonly filter: Filter }
  | { readonly kind: "has"; readonly path: AttrPath };

type Token =
  | { readonly t: "(" | ")" | "[" | "]" }
  | { readonly t: "word"; readonly v: string }
  | { readonly t: "string"; readonly v: string };

const OPS: ReadonlySet<string> = new Set(["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"]);
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/** Longest filter or path accepted; a longer one is `invalidFilter` (no client needs more). */
export const MAX_FILTER_LENGTH = 4096;
const MAX_DEPTH = 32;

const invalid = (detail: string) => new ScimError(400, "invalidFilter", detail);

function tokenize(text: string, fail: (detail: string) => ScimError): Token[] {
  if (text.length > MAX_FILTER_LENGTH) throw fail(`A filter has at most ${MAX_FILTER_LENGTH} characters.`);
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
    } else if (c === "(" || c === ")" || c === "[" || c === "]") {
      tokens.push({ t: c });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (j >= text.length) throw fail("A string in the filter is not closed.");
      let value: unknown;
      try {
        value = JSON.parse(text.slice(i, j + 1));
      } catch {
        throw fail("A string in the filter is not valid JSON.");
      }
      tokens.push({ t: "string", v: value as string });
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !' \t\n\r()[]"'.includes(text[j] as string)) j++;
      tokens.push({ t: "word", v: text.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

/** Splits `urn:…:attr.sub` and `attr.sub` into its parts (the URN when the word starts with "urn:"). */
export function splitAttrPath(
  word: string,
  knownUrns: readonly string[],
): { urn: string | null; attr: string; sub: string | null } {
  let urn: string | null = null;
  let rest = word;
  if (word.toLowerCase().startsWith("urn:")) {
    const whole = knownUrns.find((u) => u.toLowerCase() === word.toLowerCase());
    if (whole) return { urn: whole, attr: "", sub: null };
    const known = knownUrns.find((u) => word.toLowerCase().startsWith(`${u.toLowerCase()}:`));
    if (known) {
      urn = known;
      rest = word.slice(known.length + 1);
    } else {
      const cut = word.lastIndexOf(":");
      urn = word.slice(0, cut);
      rest = word.slice(cut + 1);
    }
  }
  const dot = rest.indexOf(".");
  const attr = dot < 0 ? rest : rest.slice(0, dot);
  const sub = dot < 0 ? null : rest.slice(dot + 1);
  return { urn, attr, sub };
}

const NAME = /^\$?[A-Za-z][\w$-]*$/;

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly urns: readonly string[],
    private readonly fail: (detail: string) => ScimError,
  ) {}

  done(): boolean {
    return this.i >= this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private next(): Token {
    const token = this.tokens[this.i++];
    if (!token) throw this.fail("The filter ends too early.");
    return token;
  }

  private keyword(word: string): boolean {
    const token = this.peek();
    return token?.t === "word" && token.v.toLowerCase() === word;
  }

  filter(depth: number, nested: boolean): Filter {
    if (depth > MAX_DEPTH) throw this.fail("The filter nests too deeply.");
    let left = this.conjunction(depth, nested);
    while (this.keyword("or")) {
      this.i++;
      left = { kind: "or", left, right: this.conjunction(depth, nested) };
    }
    return left;
  }

  private conjunction(depth: number, nested: boolean): Filter {
    let left = this.unary(depth, nested);
    while (this.keyword("and")) {
      this.i++;
      left = { kind: "and", left, right: this.unary(depth, nested) };
    }
    return left;
  }

  private unary(depth: number, nested: boolean): Filter {
    if (this.keyword("not")) {
      this.i++;
      this.expect("(");
      const inner = this.filter(depth + 1, nested);
      this.expect(")");
      return { kind: "not", filter: inner };
    }
    if (this.peek()?.t === "(") {
      this.i++;
      const inner = this.filter(depth + 1, nested);
      this.expect(")");
      return inner;
    }
    return this.attributeExpression(depth, nested);
  }

  private expect(t: "(" | ")" | "[" | "]"): void {
    const token = this.next();
    if (token.t !== t) throw this.fail(`Expected "${t}" in the filter.`);
  }

  /** An attribute path, with a value filter and sub-attribute when given. */
  path(depth: number, nested: boolean): AttrPath {
    const token = this.next();
    if (token.t !== "word") throw this.fail("Expected an attribute name in the filter.");
    const parts = splitAttrPath(token.v, this.urns);
    if (parts.attr !== "" && !NAME.test(parts.attr))
      throw this.fail(`"${token.v}" is not an attribute name.`);
    if (parts.sub !== null && !NAME.test(parts.sub))
      throw this.fail(`"${token.v}" is not an attribute name.`);
    let filter: Filter | null = null;
    let sub = parts.sub;
    if (this.peek()?.t === "[") {
      if (nested) throw this.fail("A value filter cannot hold another value filter.");
      if (sub !== null) throw this.fail("A value filter follows the attribute, not its sub-attribute.");
      this.i++;
      filter = this.filter(depth + 1, true);
      this.expect("]");
      const after = this.peek();
      if (after?.t === "word" && after.v.startsWith(".")) {
        this.i++;
        sub = after.v.slice(1);
        if (!NAME.test(sub)) throw this.fail(`"${after.v}" is not a sub-attribute.`);
      }
    }
    return { urn: parts.urn, attr: parts.attr, filter, sub };
  }

  private attributeExpression(depth: number, nested: boolean): Filter {
    const path = this.path(depth, nested);
    if (path.attr === "") throw this.fail("A schema URN alone is not an attribute.");
    const op = this.peek();
    if (op?.t !== "word" || !(OPS.has(op.v.toLowerCase()) || op.v.toLowerCase() === "pr")) {
      if (path.filter && path.sub === null) return { kind: "has", path };
      throw this.fail("Expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr) in the filter.");
    }
    this.i++;
    const name = op.v.toLowerCase();
    if (name === "pr") return { kind: "present", path };
    return { kind: "compare", op: name as CompareOp, path, value: this.literal() };
  }

  private literal(): FilterValue {
    const token = this.next();
    if (token.t === "string") return token.v;
    if (token.t !== "word") throw this.fail("Expected a value in the filter.");
    const word = token.v.toLowerCase();
    if (word === "true") return true;
    if (word === "false") return false;
    if (word === "null") return null;
    if (NUMBER.test(token.v)) return Number(token.v);
    throw this.fail(`"${token.v}" is not a value: quote strings.`);
  }
}

/**
 * Parses a SCIM filter (RFC 7644 §3.4.2.2): every operator, `and`/`or`/`not`, grouping, value
 * paths, schema-URN attribute names — and the `emails[type eq "work"].value eq "…"` shape Microsoft
 * Entra ID sends. Keywords and operators ignore case. A malformed filter is `invalidFilter`.
 *
 * @param urns the schema URNs attribute names may start with.
 * @example parseFilter('emails[type eq "work"].value eq "jane@clinic.org"', [URN.user])
 */
export function parseFilter(text: string, urns: readonly string[]): Filter {
  const parser = new Parser(tokenize(text, invalid), urns, invalid);
  if (parser.done()) throw invalid("The filter is empty.");
  const filter = parser.filter(0, false);
  if (!parser.done()) throw invalid("The filter has more after its end.");
  return filter;
}

/**
 * Parses a PATCH `path` (RFC 7644 §3.5.2): `attr`, `attr.sub`, `urn:…:attr`, a whole extension URN,
 * `attr[filter]` and `attr[filter].sub`. A malformed path is `invalidPath`.
 *
 * @example parsePath('members[value eq "usr_…"]', [URN.group]) // { attr: "members", filter: …, sub: null }
 */
export function parsePath(text: string, urns: readonly string[]): AttrPath {
  const fail = (detail: string) => new ScimError(400, "invalidPath", detail);
  const parser = new Parser(tokenize(text, fail), urns, fail);
  if (parser.done()) throw fail("The path is empty.");
  const path = parser.path(0, false);
  if (!parser.done()) throw fail("The path has more after its end.");
  return path;
}
