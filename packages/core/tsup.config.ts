import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    store: "src/store/index.ts",
    schemas: "src/schemas.ts",
    memory: "src/memory/index.ts",
    testing: "src/testing/index.ts",
    fixtures: "src/fixtures/index.ts",
    passwords: "src/passwords/index.ts",
    fhir: "src/fhir/index.ts",
  },
  // The word list is bundled into the passwords entry so core keeps zod and immer as its only runtime dependencies.
  noExternal: ["@zxcvbn-ts/language-common", "@zxcvbn-ts/dictionary-compression"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
  external: ["vitest", "fast-check"],
});
