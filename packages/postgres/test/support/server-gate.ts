import { describe, it } from "vitest";
import { DATABASE_URL } from "./databases";

let warned = false;

/**
 * Registers, when this run has no DATABASE_URL, a skipped block whose title says the real-server
 * run was NOT done (and warns once on the console), so a green run without a server cannot be
 * mistaken for one with it. CI always sets DATABASE_URL (.ci/run starts a server).
 *
 * @example if (!DATABASE_URL) reportServerRunSkipped("conformance suite");
 */
export function reportServerRunSkipped(what: string): void {
  if (!warned) {
    warned = true;
    console.warn(
      "real PostgreSQL: NOT run — set DATABASE_URL (packages/postgres/scripts/start-postgres.sh prints one).",
    );
  }
  describe.skipIf(DATABASE_URL === undefined)(`real PostgreSQL: not run — set DATABASE_URL (${what})`, () => {
    it(`${what} against a real PostgreSQL server`, () => {});
  });
}
