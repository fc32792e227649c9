import { runConformanceSuite } from "./conformance";
import { memoryWorld } from "./memory-world";

runConformanceSuite("memory", memoryWorld);
