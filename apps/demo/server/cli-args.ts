/** What the CLI was asked for. */
export interface CliOptions {
  readonly port: number;
  readonly host: string;
  readonly users: number;
  readonly reset: boolean;
  /** Keep the data in memory instead of the PGlite data folder. */
  readonly memory: boolean;
  readonly help: boolean;
  /** `--scim-token <secret>`: registered as a provisioning token of Harbor Urgent Care; null without it. */
  readonly scimToken: string | null;
}

/** The CLI's usage text. @example console.log(USAGE) */
export const USAGE = `Usage: node apps/demo/dist-server/main.js [options]   (or: pnpm demo [options])

Options:
  --port <n>    Port to listen on (0 picks a free one). Default 5180.
  --host <addr> Address to listen on. Default 127.0.0.1.
  --users <n>   Seed n extra users into Harbor Urgent Care, spread over statuses,
                clinics and roles; the in-browser wiring seeds as many. Default 0.
  --reset       Start from the seed even if the store already has data.
  --memory      Keep the data in memory (gone when the server stops).
  --scim-token <secret>
                Register <secret> (22–256 letters, digits, - or _) as a provisioning token
                of Harbor Urgent Care, allowed every non-administrator role and every
                location; SCIM answers at /scim/v2 (Authorization: Bearer <secret>).
  --help        Show this help.

The data lives in PGlite (PostgreSQL in WebAssembly) in apps/demo/.data/pglite and survives
restarts; DATABASE_URL=postgres://… uses that PostgreSQL server instead.`;

function integer(flag: string, value: string | undefined, max: number): number {
  if (value === undefined || !/^\d+$/.test(value))
    throw new Error(`${flag} needs a whole number, got ${value ?? "nothing"}`);
  const n = Number(value);
  if (n > max) throw new Error(`${flag} is at most ${max}, got ${n}`);
  return n;
}

/**
 * Parses the CLI's arguments (`--port 5180` or `--port=5180`). Throws an Error with a one-line
 * message for anything it does not know, so a typo never starts a server with other settings.
 *
 * Defaults: port 5180, host 127.0.0.1, users 0, no reset, not in memory, no SCIM token.
 * @example parseArgs(["--users", "10000"]).users // 10000
 */
export function parseArgs(argv: readonly string[]): CliOptions {
  let port = 5180;
  let host = "127.0.0.1";
  let users = 0;
  let reset = false;
  let memory = false;
  let help = false;
  let scimToken: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    // pnpm passes a lone "--" through when someone writes `pnpm demo -- --users 10`.
    if (arg === "--") continue;
    const eq = arg.indexOf("=");
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    switch (flag) {
      case "--port":
        port = integer(flag, value(), 65_535);
        break;
      case "--host": {
        const h = value();
        if (!h || !/^[A-Za-z0-9.:[\]-]+$/.test(h))
          throw new Error(`--host needs an address, got ${h ?? "nothing"}`);
        host = h;
        break;
      }
      case "--users":
        users = integer(flag, value(), 1_000_000);
        break;
      case "--reset":
        reset = true;
        break;
      case "--memory":
        memory = true;
        break;
      case "--scim-token": {
        const secret = value();
        if (!secret || !/^[A-Za-z0-9_-]{22,256}$/.test(secret))
          throw new Error("--scim-token needs 22 to 256 letters, digits, - or _ (at least 128 random bits)");
        scimToken = secret;
        break;
      }
      case "--help":
      case "-h":
        help = true;
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  return { port, host, users, reset, memory, help, scimToken };
}
