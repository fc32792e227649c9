import type { HttpMethod, Route } from "./route";

type Segment = { readonly literal: string } | { readonly param: string };

interface Compiled {
  readonly route: Route;
  readonly segments: readonly Segment[];
  readonly literals: number;
}

/** What matching a method and path found. @example const match = router.match("GET", "/me"); if (match.kind === "found") match.route.doc.operationId */
export type Match =
  | { readonly kind: "found"; readonly route: Route; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: "not_found" }
  | { readonly kind: "method_not_allowed"; readonly allow: readonly HttpMethod[] };

/** A route table compiled for matching. @example createRouter(routes).methods("/organizations/org_…/users") // ["GET", "POST"] */
export interface Router {
  /** Matches a path relative to the base path; the most literal template wins (`/users/counts` over `/users/{userId}`). */
  match(method: string, path: string): Match;
  /** The methods some route answers on this path (for `Allow` and CORS preflights). */
  methods(path: string): HttpMethod[];
  readonly routes: readonly Route[];
}

function compile(route: Route): Compiled {
  const segments = route.path
    .split("/")
    .slice(1)
    .map((s): Segment => (s.startsWith("{") && s.endsWith("}") ? { param: s.slice(1, -1) } : { literal: s }));
  return { route, segments, literals: segments.filter((s) => "literal" in s).length };
}

/** Segments of a path; a trailing slash is an empty segment that no template matches. */
function split(path: string): string[] | null {
  if (!path.startsWith("/")) return null;
  return path.split("/").slice(1);
}

function bind(compiled: Compiled, parts: readonly string[]): Record<string, string> | null {
  if (compiled.segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const segment = compiled.segments[i];
    const part = parts[i];
    if (segment === undefined || part === undefined) return null;
    if ("literal" in segment) {
      if (segment.literal !== part) return null;
    } else {
      if (part.length === 0) return null;
      let decoded: string;
      try {
        decoded = decodeURIComponent(part);
      } catch {
        return null;
      }
      params[segment.param] = decoded;
    }
  }
  return params;
}

/**
 * Compiles a route table. Duplicate method + template pairs are a programming error.
 *
 * @example const router = createRouter([...userRoutes, ...roleRoutes]); router.match("GET", "/me")
 */
export function createRouter(routes: readonly Route[]): Router {
  const seen = new Set<string>();
  for (const r of routes) {
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) throw new Error(`duplicate route ${key}`);
    seen.add(key);
  }
  const compiled = routes.map(compile).sort((a, b) => b.literals - a.literals);
  const byLength = new Map<number, Compiled[]>();
  for (const c of compiled) {
    const list = byLength.get(c.segments.length) ?? [];
    list.push(c);
    byLength.set(c.segments.length, list);
  }
  const candidates = (path: string): { parts: string[]; list: readonly Compiled[] } | null => {
    const parts = split(path);
    if (!parts) return null;
    return { parts, list: byLength.get(parts.length) ?? [] };
  };
  return {
    routes,
    match(method, path) {
      const found = candidates(path);
      if (!found) return { kind: "not_found" };
      const allow = new Set<HttpMethod>();
      for (const c of found.list) {
        const params = bind(c, found.parts);
        if (!params) continue;
        if (c.route.method === method) return { kind: "found", route: c.route, params };
        allow.add(c.route.method);
      }
      return allow.size ? { kind: "method_not_allowed", allow: [...allow] } : { kind: "not_found" };
    },
    methods(path) {
      const found = candidates(path);
      if (!found) return [];
      const out = new Set<HttpMethod>();
      for (const c of found.list) if (bind(c, found.parts)) out.add(c.route.method);
      return [...out];
    },
  };
}
