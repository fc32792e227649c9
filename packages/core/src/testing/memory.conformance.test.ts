import { runConformanceSuite } from "./conformance";
import { runLocalBoundarySuite } from "./local-boundary";
import { memoryWorld } from "./memory-world";

runConformanceSuite("memory", memoryWorld);
runLocalBoundarySuite("memory", memoryWorld);
