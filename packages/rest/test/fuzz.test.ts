import { afterAll, describe, it } from "vitest";
import { closeRestWorlds, restWorld } from "../src/testing";
import { fuzzBackend, MAX_BODY, reportFuzz } from "./fuzz-harness";

/*
 * The route fuzz over the memory store (fuzz.postgres.test.ts runs it over PGlite and PostgreSQL).
 * The store's commit count is its state: a refused request must not commit anything.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

afterAll(closeRestWorlds);

describe("R14 fuzz: every route, generated requests", () => {
  it(`memory: answers ${RUNS} generated requests (hostile text, forged cursors, impossible dates included) without a 5xx, and refusals change nothing`, async () => {
    const world = await restWorld({ handler: { maxBodyBytes: MAX_BODY } });
    const statuses = await fuzzBackend(
      { world, storeState: async () => world.backend.store.stats().commits },
      RUNS,
    );
    reportFuzz("memory", statuses, RUNS);
  }, 180_000);
});
