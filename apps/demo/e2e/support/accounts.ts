/** The password of every seeded account that can sign in (the demo contract). */
export const DEMO_PASSWORD = "harbor-demo-2026";

/** A seeded person as the UI shows them. */
export interface Person {
  readonly email: string;
  /** The display name: given name, family name, title (core's `displayName`). */
  readonly name: string;
}

/** The organizations of the seed. */
export const HARBOR = "Harbor Urgent Care";
export const TIDEWATER = "Tidewater Physiotherapy";

/** Harbor's locations, and Tidewater's one. */
export const DOWNTOWN = "Downtown Clinic";
export const NORTHSIDE = "Northside Clinic";
export const BAYVIEW = "Bayview Clinic";
export const TIDEWATER_MAIN = "Tidewater Main";

/** Administrator, org-wide, the main contact of Harbor and the only administrator of Tidewater. */
export const olive: Person = { email: "olive.owner@harbor.example", name: "Olive Owner" };
/** The second administrator of Harbor (not the main contact). */
export const adam: Person = { email: "adam.admin@harbor.example", name: "Adam Admin" };
/** The Clinic Manager limited to Downtown Clinic: the delegated administrator. */
export const carl: Person = { email: "carl.manager@harbor.example", name: "Carl Manager" };
/** Active but locked out by failed sign-ins. */
export const lara: Person = { email: "lara.locked@harbor.example", name: "Lara Locked" };
/** Active, must change her password at her next sign-in. */
export const mona: Person = { email: "mona.mustchange@harbor.example", name: "Mona Mustchange" };
/** Disabled. */
export const dina: Person = { email: "dina.disabled@harbor.example", name: "Dina Disabled" };
/** Invited, not yet accepted. */
export const paul: Person = { email: "paul.pending@harbor.example", name: "Paul Pending" };
/** Front desk at Downtown Clinic, still signed in from a Windows PC when the seed ends (W13). */
export const elena: Person = { email: "elena.petrova@harbor.example", name: "Elena Petrova" };
/** A provider at Bayview Clinic, still signed in from an iPhone when the seed ends (W13). */
export const samuel: Person = { email: "samuel.osei@harbor.example", name: "Samuel Osei MD" };
/** A practitioner with an NPI and NUCC taxonomy codes. */
export const nina: Person = { email: "nina.npi@harbor.example", name: "Nina Patel MD" };

/**
 * New passwords the tests choose: long (the demo's policy), not common, unrelated to anyone's
 * name, so core's password policy accepts them.
 */
export const NEW_PASSWORDS = {
  first: "copper-kettle-river-lights-41",
  second: "quiet-meadow-lantern-route-87",
  third: "saffron-tidal-compass-bridge-23",
} as const;
