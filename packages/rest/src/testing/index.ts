/**
 * `@staffroom/rest/testing` (Node only): a conformance world over real HTTP and the test seam it uses.
 *
 * @example
 * import { runConformanceSuite } from "@staffroom/core/testing";
 * import { closeRestWorlds, restWorld } from "@staffroom/rest/testing";
 * afterEach(closeRestWorlds);
 * runConformanceSuite("rest", () => restWorld());
 */
export { checkResponses } from "./check-responses";
export {
  closeRestWorlds,
  ownerOf,
  type RestWorld,
  type RestWorldOptions,
  restWorld,
  restWorldOver,
  serve,
} from "./rest-world";
export { type TestActorSeam, testActorSeam } from "./test-actor";
