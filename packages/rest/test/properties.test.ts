import { runPropertySuite } from "@staffroom/core/testing";
import { afterEach } from "vitest";
import { closeRestWorlds, restWorld } from "../src/testing";

afterEach(closeRestWorlds);

// Random operation sequences and races through real HTTP; few runs (the memory suite runs the many).
runPropertySuite("rest → memory", () => restWorld(), { numRuns: 8, maxCommands: 20 });
