import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { codesIn, collectTests, END, run, START } from "./rules-table.mjs";

const trees = [];
afterEach(() => {
  for (const dir of trees.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A repository in a temporary folder: `files` by path, plus core's README with empty markers. */
function tree(files) {
  const root = mkdtempSync(join(tmpdir(), "rules-table-"));
  trees.push(root);
  const all = { "packages/core/README.md": `# core\n\n${START}\n${END}\n\nafter\n`, ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Runs the command line over `root`; returns its exit code and what it printed. */
function cli(root, ...args) {
  const out = [];
  const code = run([...args, "--root", root], { log: (l) => out.push(l), error: (l) => out.push(l) });
  return { code, out: out.join("\n") };
}

const VITEST = 'import { describe, expect, it } from "vitest";\n';
/** A test file proving R1…R17 (not R18), one shape of title each. */
const UP_TO_R17 = `${VITEST}
describe("R1 email", () => {
  it("is the user name", () => expect(1).toBe(1));
});
it("R2/R3 deny by default and no escalation", () => expect(1).toBe(1));
it.each([[1]])("R4 scope %s", (n) => expect(n).toBe(1));
describe.each(["a"])("%s", () => {
  it("R5 isolation", () => expect(1).toBe(1));
});
it.skipIf(false)(\`R6 last admin \${1}\`, () => expect(1).toBe(1));
it("R7–R14 " + "a range", () => expect(1).toBe(1));
it("R15, R16 and R17", async () => {
  expect(1).toBe(1);
});
`;

describe("rules-table.mjs", () => {
  it("reads codes as words and ranges", () => {
    expect(codesIn("R6/R7 administrators (W13, R9, R15–R18) R1")).toEqual([1, 6, 7, 9, 15, 16, 17, 18]);
    expect(codesIn("R1x, PR12, R123, R15-R16")).toEqual([15, 16]);
  });

  it("--check fails when a rule has no test, and names it; writing the table does not make it pass", () => {
    const root = tree({ "packages/a/test/rules.test.ts": UP_TO_R17 });
    const check = cli(root, "--check");
    expect(check.code).toBe(1);
    expect(check.out).toContain('R18 has no test: no test title carries "R18"');
    expect(check.out).not.toMatch(/R1[0-7]? has no test/);
    expect(cli(root).code).toBe(1);
    const readme = readFileSync(join(root, "packages/core/README.md"), "utf8");
    expect(readme).toContain("| R18 | Audit: every mutation");
    expect(readme).toMatch(/\| R18 \|[^\n]*\| \*\*none\*\* \|/);
    expect(cli(root, "--check").out).not.toContain("out of date");
  });

  it("passes once every rule has a test and the table is written; fails again when a title changes", () => {
    const root = tree({
      "packages/a/test/rules.test.ts": UP_TO_R17,
      "apps/demo/e2e/chain.e2e.test.ts": `${VITEST}it("R18 the chain verifies", () => expect(1).toBe(1));\n`,
    });
    expect(cli(root, "--check").out).toContain("packages/core/README.md is out of date");
    expect(cli(root).code).toBe(0);
    const readme = readFileSync(join(root, "packages/core/README.md"), "utf8");
    expect(readme.startsWith(`# core\n\n${START}\n`)).toBe(true);
    expect(readme.endsWith(`${END}\n\nafter\n`)).toBe(true);
    expect(readme).toContain("- [apps/demo/e2e/chain.e2e.test.ts](../../apps/demo/e2e/chain.e2e.test.ts)");
    expect(readme).toContain("  - R18 the chain verifies");
    expect(readme).toContain("  - R1 email › is the user name");
    expect(cli(root, "--check")).toMatchObject({ code: 0 });

    const path = join(root, "apps/demo/e2e/chain.e2e.test.ts");
    writeFileSync(path, readFileSync(path, "utf8").replace("verifies", "is verified"));
    const stale = cli(root, "--check");
    expect(stale.code).toBe(1);
    expect(stale.out).toContain("out of date");
  });

  it("leaves out skipped, todo and empty tests, tests of files without vitest, and stories", () => {
    const root = tree({
      "packages/a/test/rules.test.ts": UP_TO_R17,
      "packages/a/test/not-proof.test.ts": `${VITEST}
it.skip("R18 skipped", () => expect(1).toBe(1));
it.todo("R18 later");
it("R18 empty", () => {});
describe.skip("R18 block", () => { it("inside", () => expect(1).toBe(1)); });
`,
      "packages/a/test/helper.ts": 'export function it(title) { return title; }\nit("R18 not vitest");\n',
      "packages/a/src/X.stories.tsx": 'export const R18Story = { name: "R18 story" };\n',
    });
    expect(cli(root, "--check").out).toContain("R18 has no test");
    expect(collectTests(root).map((t) => t.title)).not.toContain("R18 empty");
  });

  it("finds codes in aliased imports, nested blocks and the data of loops, tables and helpers, across relative imports", () => {
    const root = tree({
      "packages/a/test/cases.ts": 'export const CASES = [["R16 long passwords", 1]] as const;\n',
      "packages/a/test/data.test.ts": `import { describe as block, it as check } from "vitest";
import { CASES } from "./cases";
const RANGE = "R13–R14";
block("outer", () => {
  block("R12 versions", () => {
    check("inner", () => {
      expect(1).toBe(1);
    });
  });
  for (const [name, n] of CASES) check(\`\${name} are fine\`, () => expect(n).toBe(1));
  check.each([["R17 lockout"]])("%s holds", (t) => expect(t).toBeTruthy());
  check(RANGE, () => expect(1).toBe(1));
});
function register(label: string) {
  check(\`\${label}: chain\`, () => expect(1).toBe(1));
}
register("R18 audit");
`,
    });
    const tests = collectTests(root);
    const byTitle = Object.fromEntries(tests.map((t) => [t.title, [...t.codes, ...t.dataCodes]]));
    expect(byTitle).toEqual({
      "outer › R12 versions › inner": [12],
      "outer › ${name} are fine": [16],
      "outer › %s holds": [17],
      "outer › R13–R14": [13, 14],
      "${label}: chain": [18],
    });
    expect(tests.find((t) => t.title.endsWith(": chain"))).toMatchObject({
      file: "packages/a/test/data.test.ts",
      line: 15,
      codes: [],
      dataCodes: [18],
    });
  });

  it("fails on a title naming a rule DESIGN.md does not have", () => {
    const root = tree({
      "packages/a/test/rules.test.ts": `${UP_TO_R17}it("R18 and R19", () => expect(1).toBe(1));\n`,
    });
    cli(root);
    const check = cli(root, "--check");
    expect(check.code).toBe(1);
    expect(check.out).toContain(
      "packages/a/test/rules.test.ts:16 names R19, which DESIGN.md §4 does not have",
    );
  });

  it("--design checks the copied rules against DESIGN.md §4", () => {
    const root = tree({
      "packages/a/test/rules.test.ts": `${UP_TO_R17}it("R18", () => expect(1).toBe(1));\n`,
      "DESIGN.md":
        "# d\n\n## 4. Rules (core enforces)\n\nR1  Email is the user name: something else.\n\n## 5. Errors\n",
    });
    cli(root);
    expect(cli(root, "--check").code).toBe(0);
    const check = cli(root, "--check", "--design", join(root, "DESIGN.md"));
    expect(check.code).toBe(1);
    expect(check.out).toContain("scripts/rules.mjs differs from §4");
  });
});
