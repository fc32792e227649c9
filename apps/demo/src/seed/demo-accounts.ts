/**
 * The password of every seeded account that can sign in. Public on purpose: it is printed by the
 * server and shown on the sign-in page. Long enough for core's policy (12+), not a common password,
 * and free of every seeded person's name, email and organization name (R16).
 *
 * @example await auth.signIn({ email: DEMO_SIGN_IN.email, password: DEMO_PASSWORD });
 */
export const DEMO_PASSWORD = "harbor-demo-2026";

/**
 * The account the server prints as the demo sign-in: Olive Owner, Administrator and main contact
 * of Harbor Urgent Care, and the only administrator of Tidewater Physiotherapy.
 *
 * @example console.log(`${DEMO_SIGN_IN.email} / ${DEMO_SIGN_IN.password}`);
 */
export const DEMO_SIGN_IN = { email: "olive.owner@harbor.example", password: DEMO_PASSWORD } as const;

/** The two seeded organizations. @example DEMO_ORGANIZATIONS.harbor // "Harbor Urgent Care" */
export const DEMO_ORGANIZATIONS = {
  harbor: "Harbor Urgent Care",
  tidewater: "Tidewater Physiotherapy",
} as const;

/** A seeded account worth trying, as the sign-in page and the README list them. */
export interface DemoAccount {
  readonly email: string;
  readonly name: string;
  /** What makes the account interesting, in a few words. */
  readonly note: string;
}

/**
 * The named accounts of the seed, in the order the sign-in page lists them. All use {@link DEMO_PASSWORD}.
 *
 * @example DEMO_ACCOUNTS.find((a) => a.email.startsWith("carl"))?.note
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "olive.owner@harbor.example", name: "Olive Owner", note: "Administrator of both organizations" },
  { email: "adam.admin@harbor.example", name: "Adam Admin", note: "Second Harbor administrator" },
  {
    email: "carl.manager@harbor.example",
    name: "Carl Manager",
    note: "Clinic manager, Downtown Clinic only",
  },
  { email: "mona.mustchange@harbor.example", name: "Mona Mustchange", note: "Must change her password" },
  { email: "nina.npi@harbor.example", name: "Nina Patel MD", note: "Practitioner, no admin rights" },
  { email: "lara.locked@harbor.example", name: "Lara Locked", note: "Locked out until unlocked" },
];
