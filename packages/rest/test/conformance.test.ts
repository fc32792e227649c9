import { runConformanceSuite } from "@staffroom/core/testing";
import { afterEach } from "vitest";
import { closeRestWorlds, restWorld } from "../src/testing";

afterEach(closeRestWorlds);

runConformanceSuite("rest: client → node:http on 127.0.0.1 → handler → memory", () => restWorld());
