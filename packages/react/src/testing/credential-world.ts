import { addDays, type Credential, deaWithCheckDigit, type User, utcDate } from "@staffroom/core";
import type { SeededWorld } from "./seeded-world";

/** The providers {@link seedCredentials} gives credentials to. */
export interface CredentialPeople {
  /** A state licence that expired three days before the world's date. */
  readonly expired: User;
  /** A DEA registration expiring in 12 days (and a licence good for two years). */
  readonly expiring: User;
  /** A licence good for a year and a lifetime board certification: no badge. */
  readonly current: User;
}

/**
 * Makes three active users of a seeded world practitioners with credentials dated from the world's
 * clock — one expired, one expiring in 12 days, one current — so the directory's badges and
 * credential filter have something to show, deterministically.
 *
 * @example const people = await seedCredentials(seeded); // people.expired.credentialAlert?.standing === "expired"
 */
export async function seedCredentials(seeded: SeededWorld): Promise<CredentialPeople> {
  const today = utcDate(seeded.world.clock.now());
  const active = seeded.users.filter((u) => u.status === "active" && !u.locked).slice(-3);
  const give = async (user: User | undefined, credentials: Credential[]): Promise<User> => {
    if (!user) throw new Error("seedCredentials: the seeded world has too few active users");
    const fresh = await seeded.owner.users.get(user.id);
    return seeded.owner.users.update(
      user.id,
      {
        flags: { practitioner: true },
        provider: {
          ...(fresh.provider ?? {
            npi: null,
            taxonomyCodes: [],
            bio: null,
            providerTypes: [],
            capacity: 1,
            schedulingStep: 15,
          }),
          credentials,
        },
      },
      { version: fresh.version },
    );
  };
  const licence = (number: string, expiresOn: string | null): Credential => ({
    kind: "state_licence",
    number,
    state: "CA",
    issuer: "Medical Board of California",
    expiresOn,
  });
  return {
    expired: await give(active[0], [licence("A 80311", addDays(today, -3))]),
    expiring: await give(active[1], [
      licence("G 51270", addDays(today, 730)),
      {
        kind: "dea",
        number: deaWithCheckDigit("BW", "402917"),
        state: "CA",
        issuer: null,
        expiresOn: addDays(today, 12),
      },
    ]),
    current: await give(active[2], [
      licence("A 99102", addDays(today, 365)),
      { kind: "board_certification", number: "ABFM-55012", state: null, issuer: "ABFM", expiresOn: null },
    ]),
  };
}
