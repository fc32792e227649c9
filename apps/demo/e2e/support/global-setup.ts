import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { SERVER_ENTRY } from "./demo-server";
import { RESULTS_DIR } from "./screenshots";

/**
 * Runs once before the suite: clears last run's screenshots, so the folder shows only this run, and
 * stops at once with one clear message when the demo has not been built (each file starts its own
 * server from the build).
 *
 * @example globalSetup: ["e2e/support/global-setup.ts"]
 */
export default async function setup(): Promise<void> {
  await rm(RESULTS_DIR, { recursive: true, force: true });
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(
      `${SERVER_ENTRY} is missing: build the demo first (pnpm --filter @staffroom/demo build).`,
    );
  }
}
