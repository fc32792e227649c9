import {
  type BootstrapInput,
  createDirectory,
  type Directory,
  type DirectoryPolicy,
  type ManualClock,
  type MemoryMailer,
  manualClock,
  memoryMailer,
  pbkdf2Hasher,
} from "@staffroom/core";
import { type ConformanceWorld, standardBootstrap } from "@staffroom/core/testing";
import { type PostgresStore, postgresStore } from "../../src/index";
import type { TestDatabase } from "./databases";

/** Options of {@link postgresWorld}. @example { policy: { invitationResendIntervalMs: 0 } } */
export interface PostgresWorldOptions {
  readonly policy?: Partial<DirectoryPolicy>;
  readonly bootstrap?: Partial<BootstrapInput>;
  /** The clock's start. Default 2026-01-05T09:00:00.000Z. */
  readonly start?: string;
}

/** A conformance world over a PostgreSQL store, with its directory, store, mailer and clock. */
export interface PostgresWorld extends ConformanceWorld {
  readonly directory: Directory;
  readonly store: PostgresStore;
  readonly mailer: MemoryMailer;
  readonly clock: ManualClock;
}

let another = 0;

/**
 * A fresh world on `createDirectory` + `postgresStore` over an emptied test database, with one
 * bootstrapped organization — what `memoryWorld` is for the memory store.
 *
 * @example runConformanceSuite("PGlite", () => postgresWorld(database()));
 */
export async function postgresWorld(
  db: TestDatabase,
  options: PostgresWorldOptions = {},
): Promise<PostgresWorld> {
  await db.reset();
  // The store is not closed per world: the file's database outlives its worlds.
  const store = postgresStore({ client: db.client });
  const mailer = memoryMailer();
  const clock = manualClock(options.start);
  const directory = createDirectory({
    store,
    mailer,
    clock,
    passwords: pbkdf2Hasher({ iterations: 1000 }),
    ...(options.policy ? { policy: options.policy } : {}),
  });
  const first = await directory.bootstrap(standardBootstrap(options.bootstrap));
  return {
    directory,
    store,
    mailer,
    clock,
    auth: directory.auth,
    organization: first.organization,
    location: first.location,
    owner: first.user,
    as: (userId, organizationId = first.organization.id) => directory.forActor({ organizationId, userId }),
    async bootstrapAnother(input = {}) {
      another += 1;
      const made = await directory.bootstrap(
        standardBootstrap({
          organization: { name: `Cedar Ridge Pediatrics ${another}`, ...input.organization },
          location: { name: "Main Street Clinic", ...input.location },
          owner: {
            email: `owner.${another}@cedar-ridge-pediatrics.example`,
            password: "maple-harbor-violet-lantern-7",
            profile: { givenName: "Kwame", familyName: "Mensah", title: "MD" },
            ...input.owner,
          },
        }),
      );
      return { organization: made.organization, location: made.location, owner: made.user };
    },
  };
}

/**
 * One database per test file, created on first use and closed by `close()` (call it in afterAll).
 *
 * @example const db = lazyDatabase(pgliteDatabase); afterAll(db.close);
 */
export function lazyDatabase(open: () => Promise<TestDatabase>): {
  get(): Promise<TestDatabase>;
  close(): Promise<void>;
} {
  let opened: Promise<TestDatabase> | null = null;
  return {
    get: () => {
      opened ??= open();
      return opened;
    },
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}
