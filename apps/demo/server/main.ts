import { fileURLToPath } from "node:url";
import { parseArgs, USAGE } from "./cli-args";
import { startDemoServer } from "./server";
import type { StoreChoice } from "./store";

/** `apps/demo/.data/pglite`, beside this `dist-server/`: the embedded default's data folder. */
const DATA_DIR = fileURLToPath(new URL("../.data/pglite", import.meta.url));

/**
 * `pnpm demo`: starts the demo server and prints where to open it and how to sign in.
 *
 * @example node apps/demo/dist-server/main.js --port 5180 --users 10000
 */
async function main(): Promise<void> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`demo: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const databaseUrl = process.env.DATABASE_URL;
  const store: StoreChoice = options.memory
    ? { kind: "memory" }
    : databaseUrl
      ? { kind: "postgres", url: databaseUrl }
      : { kind: "pglite", dataDir: DATA_DIR };
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  try {
    server = await startDemoServer({
      port: options.port,
      host: options.host,
      users: options.users,
      reset: options.reset,
      scimToken: options.scimToken,
      store,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === "EADDRINUSE"
        ? `demo: port ${options.port} is in use. Stop the other server or pick another: pnpm demo --port 5181`
        : `demo: ${(error as Error).message}`,
    );
    process.exitCode = 1;
    return;
  }
  console.log(`  Process up ${(performance.now() / 1000).toFixed(2)} s. Press Ctrl+C to stop.\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(1);
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
