import { runPropertySuite } from "@staffroom/core/testing";
import { afterEach } from "vitest";
import { closeRestWorlds, restWorld } from "../src/testing";

afterEach(closeRestWorlds);

// Random operation sequences and races through real HTTP; few runs (the memory suite runs the many).
// Every request comes from 127.0.0.1, and a run's bursts of wrong passwords can pass the per-client
// limit that the lockout model does not predict: per-client throttling has its own tests
// (throttle.test.ts and the conformance suite), so it is off here.
runPropertySuite("rest → memory", () => restWorld({ rateLimiter: null }), { numRuns: 8, maxCommands: 20 });
