import { readdirSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

/** The package's entry points (package.json `exports`). */
const entries = {
  index: "src/index.ts",
  store: "src/store/index.ts",
  schemas: "src/schemas.ts",
  memory: "src/memory/index.ts",
  testing: "src/testing/index.ts",
  fixtures: "src/fixtures/index.ts",
  passwords: "src/passwords/index.ts",
  fhir: "src/fhir/index.ts",
};

// Every other source module is an ESM entry of its own as well, so dist/ keeps the modules apart and
// a host's bundler drops, module by module, what a page does not use: a widget that needs only
// verdicts and errors gets no zod schema and no service. (One bundled file per entry would tie
// them together: a bundler keeps every statement of a used file that might have a side effect,
// and building a zod schema is a call.) The entry files above keep their names.
const entryFiles = new Set(Object.values(entries));
const modules = Object.fromEntries(
  readdirSync("src", { recursive: true, encoding: "utf8" })
    .map((file) => `src/${file.replaceAll("\\", "/")}`)
    .filter(
      (file) =>
        /\.ts$/.test(file) &&
        !/\.(test|test-support|d)\.ts$/.test(file) &&
        !/^src\/(testing|fixtures)\//.test(file) &&
        !entryFiles.has(file),
    )
    .map((file) => [file.slice("src/".length, -".ts".length), file]),
);

const shared: Options = {
  // The word list is bundled into the passwords entry so core keeps zod and immer as its only runtime dependencies.
  noExternal: ["@zxcvbn-ts/language-common", "@zxcvbn-ts/dictionary-compression"],
  sourcemap: true,
  target: "es2022",
  treeshake: true,
  external: ["vitest", "fast-check"],
};

export default defineConfig([
  {
    ...shared,
    entry: { ...entries, ...modules },
    format: ["esm"],
    splitting: true,
    clean: true,
    dts: { entry: entries },
  },
  { ...shared, entry: entries, format: ["cjs"], dts: { entry: entries } },
]);
