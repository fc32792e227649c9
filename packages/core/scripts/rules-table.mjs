#!/usr/bin/env node
// The rule → tests table of packages/core/README.md, built from the test titles of every package.
//
//   node scripts/rules-table.mjs            writes the table between the markers in README.md
//   node scripts/rules-table.mjs --check    writes nothing; exits 1 when a rule R1–R18 has no test,
//                                           a title names a rule DESIGN.md does not have, or the
//                                           README's table differs from the generated one
//   … --design ../../DESIGN.md              also checks scripts/rules.mjs against DESIGN.md §4
//   … --root DIR --readme FILE              another tree (the script's own tests use a fixture tree)
//
// What it reads, statically (TypeScript's parser; nothing is run or imported):
// - every .ts/.tsx/.mts/.cts/.js/.jsx/.mjs/.cjs file (not .d.ts) under packages/* and apps/*, except
//   in node_modules, dist, dist-server, storybook-static, coverage, .turbo, test-results and .data;
// - of those, the files that import `describe`, `suite`, `it` or `test` from "vitest" (aliases
//   followed): test files, the conformance and property suites, test helpers that register tests;
// - every call of those names, with any chain of .skip/.only/.todo/.concurrent/.sequential/.shuffle/
//   .fails/.each(…)/.for(…)/.skipIf(…)/.runIf(…): its first argument is the title. A test's full
//   title is the titles of the describe blocks around it in the same file and its own, joined by
//   " › ". Tests under .skip or .todo, tests without a function and tests whose function is empty
//   prove nothing and are left out;
// - a title's text: string literals as written; template literals with each `${…}` kept as source
//   text; `+` concatenations joined; an identifier bound to a const string (in the file or imported
//   from a relative module) replaced by the string.
// - data-driven titles (`.each(table)`/`.for(table)` with %s or $name placeholders, or a `${x}` whose
//   x is bound by a for…of loop, a .forEach/.map/.flatMap callback or a parameter of a function
//   called in the same file): every string literal of the data feeding them (the table, the iterated
//   expression, the arguments at the call sites; consts followed through relative imports; function
//   bodies skipped) counts as part of the title.
// A rule is carried by a title that contains its code as a word (/\bR(\d{1,2})\b/, so "R6/R7" carries
// both) or inside a range ("R15–R18" or "R15-R18" carries R15, R16, R17 and R18). Storybook stories
// are not read: a story's name is an identifier; the play function's test belongs in a *.test file.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { RULES } from "./rules.mjs";

/** The line before the generated table in README.md. */
export const START = "<!-- rules-table:start -->";
/** The first line of the generated text. */
const NOTICE =
  "<!-- Generated from the test titles by scripts/rules-table.mjs: edit the tests, then run `pnpm --filter @staffroom/core rules:write`. -->";
/** The line after it. */
export const END = "<!-- rules-table:end -->";

const SKIP_DIRS = new Set([
  "node_modules",
  "dist",
  "dist-server",
  "storybook-static",
  "coverage",
  ".turbo",
  "test-results",
  ".data",
  ".git",
]);
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const GROUP_NAMES = new Set(["describe", "suite"]);
const TEST_NAMES = new Set(["it", "test"]);
const MODIFIERS = new Set(["skip", "only", "todo", "concurrent", "sequential", "shuffle", "fails"]);
const EXCLUDING = new Set(["skip", "todo"]);
const DATA_CALLS = new Set(["each", "for"]);
const CONDITION_CALLS = new Set(["skipIf", "runIf"]);
const ITERATING = new Set(["forEach", "map", "flatMap"]);
const RESOLVE_EXTENSIONS = [".ts", ".tsx", ".mts", ".js", ".mjs", "/index.ts", "/index.js"];

/**
 * The rule codes a text carries, as numbers in ascending order: each code as a word, and each range.
 *
 * @example codesIn("R6/R7 administrators (W13, R15–R18)") // [6, 7, 15, 16, 17, 18]
 */
export function codesIn(text) {
  const found = new Set();
  for (const m of text.matchAll(/\bR(\d{1,2})\s?[–-]\s?R(\d{1,2})\b/g)) {
    const [lo, hi] = [Number(m[1]), Number(m[2])];
    if (lo < hi && hi - lo < 40) for (let n = lo; n <= hi; n += 1) found.add(n);
  }
  for (const m of text.matchAll(/\bR(\d{1,2})\b/g)) found.add(Number(m[1]));
  return [...found].sort((a, b) => a - b);
}

/** Every source file under `root`/packages/* and `root`/apps/*, repository-relative, sorted. */
export function sourceFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(join(dir, entry.name));
      } else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) {
        out.push(relative(root, join(dir, entry.name)).split(sep).join("/"));
      }
    }
  };
  for (const top of ["packages", "apps"]) if (existsSync(join(root, top))) walk(join(root, top));
  return out.sort();
}

/** Parses files once each and answers what a name is bound to. */
class Project {
  constructor(root) {
    this.root = root;
    this.parsed = new Map();
  }

  parse(path) {
    if (!this.parsed.has(path)) {
      const kind = /\.[jt]sx$/.test(path) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
      const text = existsSync(path) ? readFileSync(path, "utf8") : null;
      this.parsed.set(
        path,
        text === null ? null : ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind),
      );
    }
    return this.parsed.get(path);
  }

  /** The module a relative import names, or null. */
  resolveImport(fromFile, specifier) {
    if (!specifier.startsWith(".")) return null;
    const base = resolve(dirname(fromFile), specifier);
    const stem = base.replace(/\.[cm]?js$/, "");
    for (const candidate of [base, ...RESOLVE_EXTENSIONS.map((ext) => stem + ext)]) {
      if (SOURCE_FILE.test(candidate) && existsSync(candidate)) return candidate;
    }
    return null;
  }

  /** The initializer of the const `name` in `sf` (the only one, else the top-level one), or of the one it imports. */
  constInitializer(name, sf, depth = 0) {
    if (depth > 3) return null;
    const found = [];
    const visit = (node) => {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.name.text === name &&
        node.initializer &&
        ts.isVariableDeclarationList(node.parent) &&
        node.parent.flags & ts.NodeFlags.Const
      ) {
        found.push(node);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    const topLevel = found.find(
      (d) => ts.isVariableStatement(d.parent.parent) && d.parent.parent.parent === sf,
    );
    const chosen = found.length === 1 ? found[0] : topLevel;
    if (chosen) return { node: chosen.initializer, sf };
    for (const statement of sf.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const bindings = statement.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) continue;
      const element = bindings.elements.find((e) => e.name.text === name);
      if (!element) continue;
      const target = this.resolveImport(sf.fileName, statement.moduleSpecifier.text);
      const targetSf = target && this.parse(target);
      return targetSf
        ? this.constInitializer((element.propertyName ?? element.name).text, targetSf, depth + 1)
        : null;
    }
    return null;
  }
}

const unwrap = (node) => {
  let n = node;
  while (
    ts.isParenthesizedExpression(n) ||
    ts.isAsExpression(n) ||
    ts.isSatisfiesExpression(n) ||
    ts.isTypeAssertionExpression(n) ||
    ts.isNonNullExpression(n)
  ) {
    n = n.expression;
  }
  return n;
};

const isFunction = (node) => ts.isArrowFunction(node) || ts.isFunctionExpression(node);

/** The local names bound to vitest's describe/suite ("group") and it/test ("test") in `sf`. */
function vitestNames(sf) {
  const names = new Map();
  for (const statement of sf.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text !== "vitest" || statement.importClause?.isTypeOnly) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      if (element.isTypeOnly) continue;
      const imported = (element.propertyName ?? element.name).text;
      if (GROUP_NAMES.has(imported)) names.set(element.name.text, "group");
      if (TEST_NAMES.has(imported)) names.set(element.name.text, "test");
    }
  }
  return names;
}

/** `{ kind, data, excluded }` when `call` registers a describe block or a test, else null. */
function registration(call, names) {
  let callee = call.expression;
  const data = [];
  let excluded = false;
  for (;;) {
    if (ts.isIdentifier(callee)) {
      const kind = names.get(callee.text);
      return kind ? { kind, data, excluded } : null;
    }
    if (ts.isPropertyAccessExpression(callee) && MODIFIERS.has(callee.name.text)) {
      if (EXCLUDING.has(callee.name.text)) excluded = true;
      callee = callee.expression;
      continue;
    }
    if (ts.isCallExpression(callee) && ts.isPropertyAccessExpression(callee.expression)) {
      const method = callee.expression.name.text;
      if (DATA_CALLS.has(method)) data.push(...callee.arguments);
      else if (!CONDITION_CALLS.has(method)) return null;
      callee = callee.expression.expression;
      continue;
    }
    return null;
  }
}

/** The names a binding pattern (or identifier) declares. */
function boundNames(name, out = []) {
  if (ts.isIdentifier(name)) out.push(name.text);
  else if (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)) {
    for (const element of name.elements) if (ts.isBindingElement(element)) boundNames(element.name, out);
  }
  return out;
}

/** The expressions whose values a name used at `at` takes: a loop's iterable, a callback's receiver, call-site arguments. */
function bindingSources(name, at, sf) {
  for (let node = at.parent; node; node = node.parent) {
    if (
      (ts.isForOfStatement(node) || ts.isForInStatement(node)) &&
      ts.isVariableDeclarationList(node.initializer)
    ) {
      if (node.initializer.declarations.some((d) => boundNames(d.name).includes(name)))
        return [node.expression];
    }
    if (ts.isFunctionLike(node) && node.parameters) {
      const index = node.parameters.findIndex((p) => boundNames(p.name).includes(name));
      if (index < 0) continue;
      const parent = node.parent;
      if (
        ts.isCallExpression(parent) &&
        ts.isPropertyAccessExpression(parent.expression) &&
        ITERATING.has(parent.expression.name.text)
      ) {
        return [parent.expression.expression];
      }
      const fnName =
        ts.isFunctionDeclaration(node) && node.name
          ? node.name.text
          : ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)
            ? parent.name.text
            : null;
      if (!fnName) return [];
      const args = [];
      const visit = (n) => {
        if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === fnName) {
          const arg = n.arguments[index];
          if (arg) args.push(arg);
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
      return args;
    }
  }
  return [];
}

/** Every string literal of a data expression (consts followed, function bodies skipped). */
function stringsIn(node, sf, project, out, depth = 0) {
  if (!node || depth > 4) return out;
  const n = unwrap(node);
  if (ts.isStringLiteralLike(n)) out.push(n.text);
  else if (ts.isTemplateExpression(n)) {
    out.push(n.head.text);
    for (const span of n.templateSpans) {
      out.push(span.literal.text);
      stringsIn(span.expression, sf, project, out, depth);
    }
  } else if (ts.isIdentifier(n)) {
    const init = project.constInitializer(n.text, sf);
    if (init) stringsIn(init.node, init.sf, project, out, depth + 1);
  } else if (ts.isPropertyAccessExpression(n)) stringsIn(n.expression, sf, project, out, depth);
  else if (ts.isPropertyAssignment(n)) stringsIn(n.initializer, sf, project, out, depth);
  else if (ts.isShorthandPropertyAssignment(n)) stringsIn(n.name, sf, project, out, depth);
  else if (!isFunction(n) && !ts.isFunctionDeclaration(n)) {
    ts.forEachChild(n, (child) => stringsIn(child, sf, project, out, depth));
  }
  return out;
}

/** A title's static text; the expressions it could not resolve go to `dynamic`. */
function titleText(node, sf, project, dynamic) {
  const n = unwrap(node);
  if (ts.isStringLiteralLike(n)) return n.text;
  if (ts.isTemplateExpression(n)) {
    let text = n.head.text;
    for (const span of n.templateSpans) {
      dynamic.push(span.expression);
      text += `\${${span.expression.getText(sf)}}${span.literal.text}`;
    }
    return text;
  }
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return titleText(n.left, sf, project, dynamic) + titleText(n.right, sf, project, dynamic);
  }
  if (ts.isIdentifier(n)) {
    const init = project.constInitializer(n.text, sf);
    const value = init && unwrap(init.node);
    if (value && (ts.isStringLiteralLike(value) || ts.isNumericLiteral(value))) return value.text;
  }
  dynamic.push(n);
  return `\${${n.getText(sf)}}`;
}

/** The identifier an expression such as `r.method` or `cases[0]` starts from. */
function rootIdentifier(node) {
  let n = unwrap(node);
  while (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n) || ts.isCallExpression(n)) {
    n = unwrap(n.expression);
  }
  return ts.isIdentifier(n) ? n : null;
}

/** The title and data strings of one registration call. */
function describeCall(call, reg, sf, project) {
  const dynamic = [];
  const text = titleText(call.arguments[0], sf, project, dynamic);
  const data = [];
  for (const arg of reg.data) stringsIn(arg, sf, project, data);
  for (const expr of dynamic) {
    const id = rootIdentifier(expr);
    if (!id) continue;
    for (const source of bindingSources(id.text, expr, sf)) stringsIn(source, sf, project, data);
    const init = project.constInitializer(id.text, sf);
    if (init) stringsIn(init.node, init.sf, project, data);
  }
  return { text, data };
}

/** The tests one file registers: `{ file, line, title, codes, dataCodes }`. */
function testsInFile(file, project) {
  const sf = project.parse(join(project.root, file));
  if (!sf?.text.includes("vitest")) return [];
  const names = vitestNames(sf);
  if (names.size === 0) return [];
  const tests = [];
  const visit = (node, groups, excluded) => {
    if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const reg = registration(node, names);
      if (reg) {
        const own = describeCall(node, reg, sf, project);
        const skip = excluded || reg.excluded;
        const rest = node.arguments.slice(1);
        if (reg.kind === "group") {
          for (const arg of rest) visit(arg, [...groups, own], skip);
          return;
        }
        const body = rest.find((a) => isFunction(a) || ts.isIdentifier(a));
        const empty = body && isFunction(body) && ts.isBlock(body.body) && body.body.statements.length === 0;
        if (!skip && body && !empty) {
          const parts = [...groups, own];
          const title = parts.map((p) => p.text).join(" › ");
          const codes = codesIn(title);
          const dataCodes = codesIn(parts.flatMap((p) => p.data).join("\n")).filter(
            (c) => !codes.includes(c),
          );
          const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
          tests.push({ file, line, title, codes, dataCodes });
        }
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, groups, excluded));
  };
  visit(sf, [], false);
  return tests;
}

/**
 * Every test registered in the repository at `root`, in file and line order.
 *
 * @example collectTests("/repo").filter((t) => t.codes.includes(15))
 */
export function collectTests(root) {
  const project = new Project(root);
  return sourceFiles(root).flatMap((file) => testsInFile(file, project));
}

/** The rule numbers a test carries, its data's included. */
const carried = (test) => [...test.codes, ...test.dataCodes];

const escapeMd = (text) =>
  text
    .replace(/[\\`*_[\]|]/g, (c) => `\\${c}`)
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");

/** A file's link from README.md at `readmeDir`, labelled by its path without "packages/". */
function fileLink(file, root, readmeDir) {
  const href = relative(readmeDir, join(root, file)).split(sep).join("/");
  return `[${file.replace(/^packages\//, "")}](${href})`;
}

/**
 * The generated Markdown between the markers: a table of every rule, its DESIGN text and its test
 * count, then per rule the titles of its tests grouped by file.
 *
 * @example buildSection(RULES, collectTests(root), root, join(root, "packages/core"))
 */
export function buildSection(rules, tests, root, readmeDir) {
  const lines = [
    START,
    NOTICE,
    "",
    "| rule | DESIGN.md §4 | tests |",
    "|---|---|---:|",
    ...rules.map((rule) => {
      const n = Number(rule.code.slice(1));
      const count = tests.filter((t) => carried(t).includes(n)).length;
      return `| ${rule.code} | ${rule.text.replace(/\|/g, "\\|")} | ${count === 0 ? "**none**" : count} |`;
    }),
    "",
  ];
  for (const rule of rules) {
    const n = Number(rule.code.slice(1));
    const mine = tests.filter((t) => carried(t).includes(n));
    lines.push(
      "<details>",
      `<summary><b>${rule.code}</b>: ${mine.length} test${mine.length === 1 ? "" : "s"}</summary>`,
      "",
    );
    const files = [...new Set(mine.map((t) => t.file))];
    for (const file of files) {
      lines.push(`- ${fileLink(file, root, readmeDir)}`);
      for (const t of mine.filter((x) => x.file === file)) {
        const fromData = t.codes.includes(n) ? "" : ` _(${rule.code} in its data)_`;
        lines.push(`  - ${escapeMd(t.title)}${fromData}`);
      }
    }
    if (files.length === 0) lines.push("No test carries this rule.");
    lines.push("", "</details>", "");
  }
  lines.push(END);
  return lines.join("\n");
}

/** What `--check` fails on besides a stale README: rules without tests, titles naming unknown rules. */
export function problemsOf(rules, tests) {
  const known = new Set(rules.map((r) => Number(r.code.slice(1))));
  const problems = [];
  for (const rule of rules) {
    const n = Number(rule.code.slice(1));
    if (!tests.some((t) => carried(t).includes(n))) {
      problems.push(`${rule.code} has no test: no test title carries "${rule.code}"`);
    }
  }
  for (const t of tests) {
    for (const n of t.codes.filter((c) => !known.has(c))) {
      problems.push(`${t.file}:${t.line} names R${n}, which DESIGN.md §4 does not have: "${t.title}"`);
    }
  }
  return problems;
}

/** The rules of a DESIGN.md's §4, parsed as `scripts/rules.mjs` copies them. */
export function rulesOfDesign(markdown) {
  const section = markdown.split(/^## /m).find((s) => /^4\. Rules/.test(s)) ?? "";
  const rules = [];
  for (const line of section.split("\n").slice(1)) {
    const m = /^(R\d{1,2})\s+(.*)$/.exec(line);
    if (m) rules.push({ code: m[1], text: m[2].trim() });
    else if (line.trim() && rules.length > 0) rules[rules.length - 1].text += ` ${line.trim()}`;
  }
  return rules;
}

/** Replaces the text between the markers of `readme`; throws when they are missing. */
export function withSection(readme, section) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README has no "${START}" … "${END}" markers`);
  return readme.slice(0, start) + section + readme.slice(end + END.length);
}

/**
 * Runs the command line; returns the exit code.
 *
 * @example process.exitCode = run(["--check"]);
 */
export function run(argv, { root: defaultRoot, log = console.log, error = console.error } = {}) {
  const option = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const root = resolve(option("--root") ?? defaultRoot);
  const readmePath = resolve(option("--readme") ?? join(root, "packages/core/README.md"));
  const check = argv.includes("--check");
  const tests = collectTests(root);
  const problems = problemsOf(RULES, tests);
  const design = option("--design");
  if (design) {
    const designRules = rulesOfDesign(readFileSync(design, "utf8"));
    if (JSON.stringify(designRules) !== JSON.stringify(RULES)) {
      problems.push(`scripts/rules.mjs differs from §4 of ${design}: copy the rules again`);
    }
  }
  const readme = readFileSync(readmePath, "utf8");
  const next = withSection(readme, buildSection(RULES, tests, root, dirname(readmePath)));
  const label = relative(root, readmePath).split(sep).join("/");
  const carriers = tests.filter((t) => carried(t).length > 0);
  log(`${tests.length} tests read, ${carriers.length} carry a rule:`);
  log(
    RULES.map(
      (r) => `${r.code} ${tests.filter((t) => carried(t).includes(Number(r.code.slice(1)))).length}`,
    ).join(" · "),
  );
  if (check) {
    if (next !== readme) {
      problems.push(
        `${label} is out of date: run \`pnpm --filter @staffroom/core rules:write\` and commit it`,
      );
    }
  } else if (next !== readme) {
    writeFileSync(readmePath, next);
    log(`wrote the table into ${label}`);
  } else {
    log(`${label} is up to date`);
  }
  for (const p of problems) error(`rules: ${p}`);
  return problems.length > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = run(process.argv.slice(2), {
    root: resolve(dirname(fileURLToPath(import.meta.url)), "../../.."),
  });
}
