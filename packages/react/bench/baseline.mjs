// The pre-#16 kit, measured in the same run as this tree: its sources at BASELINE_REF extracted
// under node_modules/.cache (inside each package, so their imports resolve to the same installed
// dependencies) and, for the bundle sizes, core's and the kit's dist built from them with that
// commit's tsup settings (declarations skipped). Cached per ref. BENCH_BASELINE_REF="" turns it off.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

/** main before issue #16's kit work. */
export const BASELINE_REF = process.env.BENCH_BASELINE_REF ?? "e74262b";

const REACT = path.resolve(import.meta.dirname, "..");
const CORE = path.resolve(REACT, "..", "core");

function extract(pkg, ref, paths) {
  const dir = path.join(pkg, "node_modules", ".cache", "sr-bench-baseline", ref);
  if (existsSync(path.join(dir, ".complete"))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync("git", ["archive", "--format=tar", ref, ...paths], {
    cwd: pkg,
    maxBuffer: 256 * 2 ** 20,
  });
  execFileSync("tar", ["-x", "-C", dir], { input: tar });
  return dir;
}

function done(dir) {
  execFileSync("touch", [path.join(dir, ".complete")]);
  return dir;
}

/** The baseline's react folder with src and bench/page (for the timings page), or null without git. */
export function baselineSources(ref = BASELINE_REF) {
  if (!ref) return null;
  try {
    return done(extract(REACT, ref, ["src", "bench/page"]));
  } catch (error) {
    console.warn(`bench: no baseline (${ref}): ${error instanceof Error ? error.message : error}`);
    return null;
  }
}

/**
 * The baseline's built ESM: `{ kit, core }`, the kit's dist/index.js and core's dist folder (its
 * dist/index.js is what `@staffroom/core` resolves to), or null without git.
 */
export async function baselineDist(ref = BASELINE_REF) {
  if (!ref) return null;
  try {
    const { build } = await import("tsup");
    const core = path.join(CORE, "node_modules", ".cache", "sr-bench-baseline", ref);
    if (!existsSync(path.join(core, "dist", ".complete"))) {
      extract(CORE, ref, ["src"]);
      await build({
        entry: Object.fromEntries(
          Object.entries({
            index: "src/index.ts",
            store: "src/store/index.ts",
            schemas: "src/schemas.ts",
            memory: "src/memory/index.ts",
            testing: "src/testing/index.ts",
            fixtures: "src/fixtures/index.ts",
            passwords: "src/passwords/index.ts",
            fhir: "src/fhir/index.ts",
          }).map(([name, file]) => [name, path.join(core, file)]),
        ),
        outDir: path.join(core, "dist"),
        noExternal: ["@zxcvbn-ts/language-common", "@zxcvbn-ts/dictionary-compression"],
        format: ["esm"],
        dts: false,
        target: "es2022",
        treeshake: true,
        external: ["vitest", "fast-check"],
        silent: true,
        config: false,
      });
      done(path.join(core, "dist"));
    }
    const kit = done(extract(REACT, ref, ["src", "bench/page"]));
    if (!existsSync(path.join(kit, "dist", ".complete"))) {
      await build({
        entry: { index: path.join(kit, "src", "index.ts") },
        outDir: path.join(kit, "dist"),
        format: ["esm"],
        dts: false,
        target: "es2022",
        treeshake: true,
        external: ["react", "react-dom", "react/jsx-runtime", "@staffroom/core"],
        silent: true,
        config: false,
      });
      done(path.join(kit, "dist"));
    }
    return { kit: path.join(kit, "dist", "index.js"), core: path.join(core, "dist", "index.js") };
  } catch (error) {
    console.warn(`bench: no baseline dist (${ref}): ${error instanceof Error ? error.message : error}`);
    return null;
  }
}
