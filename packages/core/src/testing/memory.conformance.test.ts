import { runConformanceSuite } from "./conformance";
import { runLocalBoundarySuite } from "./local-boundary";
import { memoryWorld } from "./memory-world";
import { runProvisioningSuite } from "./provisioning-suite";

runConformanceSuite("memory", memoryWorld);
runLocalBoundarySuite("memory", memoryWorld);
runProvisioningSuite("memory", memoryWorld);
