import { type IdGenerator, randomIds } from "../ports/ids";
import type { AccountRecord, UserRecord } from "../store/records";
import type { DirectoryStore } from "../store/store.port";
import type { UserStatus } from "../users/user.schema";
import { type CreateUserInput, CreateUserInputSchema } from "../users/user-input.schema";
import { newUserRecord } from "../users/user-record";
import { seededRandom } from "./random";

/** Options of {@link seedUsersIntoStore}. @example { organizationId: world.organization.id, seed: 42 } */
export interface SeedStoreOptions {
  /** The organization the users join. */
  readonly organizationId: string;
  /** Share of users per status. Default 85 % active, 8 % pending, 7 % disabled. */
  readonly statusMix?: Readonly<Record<UserStatus, number>>;
  /** PRNG seed for statuses and dates. Default 1. */
  readonly seed?: number;
  /** "Now" for the generated dates, in ms. Default 2026-11-23T12:00Z. */
  readonly now?: number;
  /** Ids. Default random. */
  readonly ids?: IdGenerator;
  /** Users per transaction. Default 5 000. */
  readonly batchSize?: number;
}

/**
 * Writes users straight into a store, bypassing the service (no rules, no audit, no password): for
 * benchmarks and large Storybook stories that need 10 000–100 000 users in seconds. Inputs are still
 * validated by the create schema. Use the service for anything a test asserts rules about.
 *
 * @example
 * const inputs = fixtureUsers({ count: 10_000, locationIds, roleIds });
 * await seedUsersIntoStore(store, inputs, { organizationId: org.id });
 */
export async function seedUsersIntoStore(
  store: DirectoryStore,
  inputs: readonly CreateUserInput[],
  options: SeedStoreOptions,
): Promise<number> {
  const rng = seededRandom(options.seed ?? 1);
  const now = options.now ?? Date.parse("2026-11-23T12:00:00.000Z");
  const ids = options.ids ?? randomIds;
  const mix = options.statusMix ?? { active: 0.85, pending: 0.08, disabled: 0.07 };
  const batchSize = options.batchSize ?? 5000;
  let written = 0;
  for (let start = 0; start < inputs.length; start += batchSize) {
    const batch = inputs.slice(start, start + batchSize);
    await store.transaction(
      async (tx) => {
        for (const raw of batch) {
          const input = CreateUserInputSchema.parse(raw);
          const roll = rng.next();
          const status: UserStatus =
            roll < mix.active ? "active" : roll < mix.active + mix.pending ? "pending" : "disabled";
          const created = new Date(now - rng.int(1, 1500) * 86_400_000).toISOString();
          const account: AccountRecord = {
            id: ids("account"),
            email: input.email,
            password: null,
            failedSignIns: 0,
            lockouts: 0,
            lockedUntil: null,
            lastSignInAt: null,
            passwordChangedAt: null,
            version: 1,
            createdAt: created,
            updatedAt: created,
          };
          if (!(await tx.insertAccount(account))) continue;
          const record: UserRecord = {
            ...newUserRecord(
              input,
              { id: ids("user"), organizationId: options.organizationId, accountId: account.id },
              status,
              created,
              false,
            ),
            mustChangePassword: input.mustChangePassword ?? false,
            lastSignInAt:
              status === "active" && rng.chance(0.8)
                ? new Date(now - rng.int(1, 90 * 24) * 3_600_000).toISOString()
                : null,
          };
          if (await tx.insertUser(record)) written++;
        }
      },
      { lock: [options.organizationId] },
    );
  }
  return written;
}
