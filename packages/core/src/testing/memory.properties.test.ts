import { memoryWorld } from "./memory-world";
import { runPropertySuite } from "./properties";

// The memory store is cheap: 100 runs of each property take a few seconds.
runPropertySuite("memory", memoryWorld, { numRuns: 100 });
