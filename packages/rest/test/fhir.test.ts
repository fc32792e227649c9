import { memoryStore } from "@staffroom/core/memory";
import { storeWorld } from "@staffroom/core/store";
import { fhirSuite } from "./fhir-suite";

/* The FHIR endpoint over the memory store; `fhir.postgres.test.ts` runs the same suite on PostgreSQL. */
fhirSuite("memory", async () => ({ world: await storeWorld(memoryStore()) }));
