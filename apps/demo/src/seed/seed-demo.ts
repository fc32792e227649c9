import {
  addDays,
  type Credential,
  type Directory,
  DirectoryError,
  deaWithCheckDigit,
  type InviteUserInput,
  type MailMessage,
  npiWithCheckDigit,
  type RequestMetadata,
  type StaffDirectory,
  tokenFromLink,
  utcDate,
} from "@staffroom/core";
import { emailLocalPart, type SeededRandom, seededRandom } from "@staffroom/core/fixtures";
import { bulkUsers } from "./bulk-users";
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_SIGN_IN } from "./demo-accounts";
import type { DemoDirectory } from "./demo-directory";
import {
  HARBOR_ROSTER,
  type LocationKey,
  type RoleKey,
  type RosterEntry,
  TAXONOMY,
  TIDEWATER_ROSTER,
} from "./roster";

/** The part of the outbox the seed needs: the link of an invitation it sends itself, and a way to empty it. */
export interface SeedMailbox {
  latest(to: string, kind?: MailMessage["kind"]): { readonly link: string | null } | undefined;
  clear(): void;
}

/** Options of {@link seedDemo}. */
export interface SeedOptions {
  /** The outbox of the directory's mailer (Olive's invitation to Tidewater is accepted from it). */
  readonly mailbox: SeedMailbox;
  /** Extra users in Harbor Urgent Care (`--users N`), spread over statuses, clinics and roles. Default 0. */
  readonly users?: number;
  /** Hears progress, for a loading screen: `done` of `total` steps. Default: nobody. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What the seed made. */
export interface SeedResult {
  readonly harborId: string;
  readonly tidewaterId: string;
  /** Memberships written (both organizations, every status). */
  readonly users: number;
}

/**
 * Seats Harbor starts with: usage shows, the end-to-end tests have room to add people, and the
 * import sample (`public/samples/harbor-staff-import.csv`: 188 good rows, 40 of them practitioners)
 * fits.
 */
const HARBOR_NAMED_SEATS = 250;
/** Free named seats left after `--users N` raises the limit. */
const SEAT_HEADROOM = 15;
const TIDEWATER_NAMED_SEATS = 15;
const HARBOR_PRACTITIONER_SEATS = 80;
/** Failed sign-ins the seed tries at most to lock an account (core's default threshold is 10). */
const MAX_LOCKOUT_ATTEMPTS = 50;
/** How often a long seed yields, so a page can paint its progress (each yield costs a timer tick). */
const YIELD_EVERY = 1000;

/** Every seeded action is recorded with this user agent, so the audit trail says where it came from. */
const SEED_METADATA: RequestMetadata = { userAgent: "Harbor EHR demo seed" };

const BIOS: readonly string[] = [
  "Special interest in sports injuries and fracture care.",
  "Bilingual in English and Spanish.",
  "Sees walk-in patients and coordinates follow-up with primary care.",
  "Leads the clinic's wound-care protocol.",
  "Precepts nurse practitioner students.",
  "Focus on occupational health and return-to-work assessments.",
];

const noProgress = (): void => {};
const nextTick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Seeds the demo through core's public API only (bootstrap, `forActor(…)` creates, invites,
 * disables, role and organization updates, `auth` sign-ins and an invitation accepted from the
 * outbox), so every rule and audit event applies and the seed runs on any store:
 *
 * - Harbor Urgent Care (Downtown, Northside and Bayview clinics; scheduling, provider directory and
 *   mobile app on; a Telehealth licence; 250 named seats) with Olive Owner, Adam Admin, Carl Manager
 *   (Clinic Manager limited to Downtown), Lara Locked, Mona Mustchange, Dina Disabled, Paul Pending,
 *   Dr. Nina Patel MD and 40 more staff across statuses;
 * - Tidewater Physiotherapy (Tidewater Main) with nine people, where Olive is the only administrator
 *   and the main contact;
 * - `users` extra Harbor users; the outbox is emptied at the end.
 *
 * Runs with the hasher's seeding memo on, so ~60 accounts cost two PBKDF2 derivations.
 *
 * @example
 * const mailer = memoryMailer();
 * const demo = createDemoDirectory({ store: memoryStore(), mailer, links, isCommonPassword });
 * await seedDemo(demo, { mailbox: mailer, users: 0 });
 */
export async function seedDemo(demo: DemoDirectory, options: SeedOptions): Promise<SeedResult> {
  return demo.passwords.seeding(() => seed(demo.directory, options));
}

async function seed(directory: Directory, options: SeedOptions): Promise<SeedResult> {
  const extra = Math.max(0, Math.floor(options.users ?? 0));
  const total = HARBOR_ROSTER.length + TIDEWATER_ROSTER.length + extra + 10;
  let done = 0;
  const onProgress = options.onProgress ?? noProgress;
  const step = async (): Promise<void> => {
    done++;
    if (done % YIELD_EVERY === 0) {
      onProgress(done, total);
      await nextTick();
    }
  };
  const rng = seededRandom(2026);

  const harbor = await seedHarbor(directory, rng, step);
  const tidewater = await seedTidewater(directory, options.mailbox, rng, step);
  let users = harbor.users + tidewater.users;
  if (extra > 0) users += await seedBulk(harbor, extra, rng, step);

  for (const email of harbor.signIns) await signInAndOut(directory, email, harbor.id);
  for (const email of tidewater.signIns) await signInAndOut(directory, email, tidewater.id);
  await signInAndOut(directory, DEMO_SIGN_IN.email, harbor.id);
  for (const email of harbor.lockOut) await lockOut(directory, harbor.admin, email, harbor.id);
  for (const { email, from } of harbor.openSessions) await stayOnShift(directory, email, from, harbor.id);

  await setSeats(harbor.admin, extra > 0);
  options.mailbox.clear();
  onProgress(total, total);
  return { harborId: harbor.id, tidewaterId: tidewater.id, users };
}

/** An organization as the seed works on it. */
interface Seeded {
  readonly id: string;
  readonly admin: StaffDirectory;
  readonly locations: Readonly<Partial<Record<LocationKey, string>>>;
  readonly roles: Readonly<Partial<Record<RoleKey, string>>>;
  readonly users: number;
  readonly signIns: readonly string[];
  readonly lockOut: readonly string[];
  /** People who stay signed in when the seed ends, and from what. */
  readonly openSessions: readonly { readonly email: string; readonly from: "desk" | "phone" }[];
}

async function seedHarbor(
  directory: Directory,
  rng: SeededRandom,
  step: () => Promise<void>,
): Promise<Seeded> {
  const boot = await directory.bootstrap({
    organization: {
      name: DEMO_ORGANIZATIONS.harbor,
      features: { mobileApp: true, providerDirectory: true, caseManagement: false, diary: true },
      licenceTypes: [{ key: "telehealth", label: "Telehealth", seats: 12 }],
      providerTypes: ["MD", "DO", "NP", "PA", "RN", "LPN", "MA"],
    },
    location: { name: "Downtown Clinic", group: "Central" },
    owner: {
      email: DEMO_SIGN_IN.email,
      password: DEMO_PASSWORD,
      profile: {
        givenName: "Olive",
        familyName: "Owner",
        jobTitle: "Practice administrator",
        primaryPhone: "+14155550100",
      },
    },
  });
  const olive = directory.forActor({
    organizationId: boot.organization.id,
    userId: boot.user.id,
    metadata: SEED_METADATA,
  });
  const northside = await olive.locations.create({ name: "Northside Clinic", group: "North" });
  const bayview = await olive.locations.create({ name: "Bayview Clinic", group: "South" });
  await olive.roles.create({
    name: "Medical Assistant",
    description: "Rooms patients, takes vitals and books follow-up visits.",
    permissions: ["calendar.view", "calendar.create", "clinical.view_charts"],
  });
  const org: Omit<Seeded, "users" | "signIns" | "lockOut" | "openSessions"> = {
    id: boot.organization.id,
    admin: olive,
    locations: { downtown: boot.location.id, northside: northside.id, bayview: bayview.id },
    roles: await roleIds(olive),
  };
  const made = await seedRoster(olive, org, HARBOR_ROSTER, "harbor.example", rng, step);
  return { ...org, ...made, users: made.users + 1 };
}

async function seedTidewater(
  directory: Directory,
  mailbox: SeedMailbox,
  rng: SeededRandom,
  step: () => Promise<void>,
): Promise<Seeded> {
  // Tidewater's owner bootstraps it, invites Olive as administrator, hands her the main contact
  // role and is then demoted by her: Olive ends up the organization's only administrator (R6).
  const boot = await directory.bootstrap({
    organization: {
      name: DEMO_ORGANIZATIONS.tidewater,
      features: { mobileApp: false, providerDirectory: true, caseManagement: true, diary: true },
      providerTypes: ["PT", "PTA", "OT"],
    },
    location: { name: "Tidewater Main", group: null },
    owner: {
      email: "tessa.marsh@tidewater.example",
      password: DEMO_PASSWORD,
      profile: { givenName: "Tessa", familyName: "Marsh", title: "PT", jobTitle: "Clinic director" },
    },
  });
  const organizationId = boot.organization.id;
  const tessa = directory.forActor({ organizationId, userId: boot.user.id, metadata: SEED_METADATA });
  const roles = await roleIds(tessa);
  const { user: oliveHere } = await tessa.users.invite({
    email: DEMO_SIGN_IN.email,
    profile: { givenName: "Olive", familyName: "Owner", jobTitle: "Group administrator" },
    roleId: roleOf(roles, "Administrator"),
    locationAccess: "organization",
    primaryLocationId: boot.location.id,
  });
  const token = tokenFromLink(mailbox.latest(DEMO_SIGN_IN.email, "invitation")?.link);
  if (!token) throw new Error("seed: Olive's invitation to Tidewater was not mailed");
  await directory.auth.acceptInvitation({ token, metadata: SEED_METADATA });
  const organization = await tessa.organization.get();
  await tessa.organization.update(
    { mainContactUserId: oliveHere.id, seats: { named: TIDEWATER_NAMED_SEATS } },
    { version: organization.version },
  );
  const olive = directory.forActor({ organizationId, userId: oliveHere.id, metadata: SEED_METADATA });
  const tessaUser = await olive.users.get(boot.user.id);
  await olive.users.update(
    boot.user.id,
    {
      roleId: roleOf(roles, "Provider"),
      flags: { practitioner: true, diary: true },
      provider: providerProfile(rng, "PT", TAXONOMY.physicalTherapist, [boot.location.id], "Marsh"),
    },
    { version: tessaUser.version },
  );
  const org: Omit<Seeded, "users" | "signIns" | "lockOut" | "openSessions"> = {
    id: organizationId,
    admin: olive,
    locations: { tidewater: boot.location.id },
    roles,
  };
  const made = await seedRoster(olive, org, TIDEWATER_ROSTER, "tidewater.example", rng, step);
  return { ...org, ...made, users: made.users + 2 };
}

/** The organization's roles by name (templates and the seed's custom role). */
async function roleIds(admin: StaffDirectory): Promise<Partial<Record<RoleKey, string>>> {
  const roles = await admin.roles.list();
  return Object.fromEntries(roles.map((r) => [r.name, r.id]));
}

/** The id of a role the roster names; a seed naming a role its organization lacks is a bug. */
function roleOf(roles: Seeded["roles"], key: RoleKey): string {
  const id = roles[key];
  if (!id) throw new Error(`seed: no role named ${key}`);
  return id;
}

/** Titles that prescribe controlled substances, so hold a DEA registration; mid-levels register as "M". */
const DEA_REGISTRANT: Readonly<Record<string, string>> = { MD: "B", DO: "B", NP: "M", PA: "M" };

/**
 * A practitioner's credentials (issue 15), dated from today (the demo directory runs on the system
 * clock): a California licence, and a DEA registration for prescribers. Numbers and dates come from
 * the NPI, not the seed's random stream, so the rest of the seed stays as it was. `dueInDays` makes
 * the soonest one expire that many days from today (negative: expired).
 */
function credentialsOf(npi: string, title: string, familyName: string, dueInDays?: number): Credential[] {
  const today = utcDate(Date.now());
  const later = 365 + (Number(npi.slice(-3)) % 700);
  const credentials: Credential[] = [
    {
      kind: "state_licence",
      number: `${title === "RN" ? "RN" : "A"} ${npi.slice(2, 8)}`,
      state: "CA",
      issuer: title === "RN" ? "California Board of Registered Nursing" : "Medical Board of California",
      expiresOn: addDays(today, dueInDays ?? later),
    },
  ];
  const registrant = DEA_REGISTRANT[title];
  if (registrant) {
    const initial = /^[A-Z]/.test(familyName) ? familyName.charAt(0) : "9";
    credentials.push({
      kind: "dea",
      number: deaWithCheckDigit(`${registrant}${initial}`, npi.slice(3, 9)),
      state: "CA",
      issuer: null,
      expiresOn: addDays(today, later + 90),
    });
  }
  return credentials;
}

function providerProfile(
  rng: SeededRandom,
  title: string,
  taxonomy: string,
  locationIds: readonly string[],
  familyName = "",
  credentialDueInDays?: number,
): NonNullable<InviteUserInput["provider"]> {
  const npi = npiWithCheckDigit(`1${rng.digits(8)}`);
  return {
    npi,
    taxonomyCodes: [taxonomy],
    bio: rng.chance(0.7) ? rng.pick(BIOS) : null,
    providerTypes: [{ type: title, locationIds: [...locationIds] }],
    capacity: rng.int(1, 3),
    schedulingStep: rng.pick([10, 15, 15, 20, 30] as const),
    credentials: credentialsOf(npi, title, familyName, credentialDueInDays),
  };
}

function inputOf(
  entry: RosterEntry,
  org: Omit<Seeded, "users" | "signIns" | "lockOut" | "openSessions">,
  domain: string,
  rng: SeededRandom,
): InviteUserInput {
  const all = Object.values(org.locations);
  const locationIds =
    entry.access === "organization"
      ? all
      : entry.access.map((key) => {
          const id = org.locations[key];
          if (!id) throw new Error(`seed: ${entry.givenName} works at an unknown location ${key}`);
          return id;
        });
  const primaryLocationId = locationIds[0] as string;
  const practitioner = entry.taxonomy !== undefined;
  const title = entry.title ?? null;
  const phone = `+1415555${String(rng.int(101, 199)).padStart(4, "0")}`;
  return {
    email: `${entry.local ?? emailLocalPart(entry.givenName, entry.familyName)}@${domain}`,
    profile: {
      givenName: entry.givenName,
      familyName: entry.familyName,
      title,
      jobTitle: entry.jobTitle,
      primaryPhone: phone,
      alternatePhone: null,
    },
    roleId: roleOf(org.roles, entry.role),
    locationAccess: entry.access === "organization" ? "organization" : locationIds,
    primaryLocationId,
    flags: {
      practitioner,
      diary: practitioner && title !== "RN",
      caseManager: entry.caseManager === true,
    },
    provider:
      practitioner && title
        ? providerProfile(
            rng,
            title,
            entry.taxonomy as string,
            locationIds,
            entry.familyName,
            entry.credentialDueInDays,
          )
        : null,
    licences: entry.telehealth ? ["telehealth"] : [],
  };
}

async function seedRoster(
  admin: StaffDirectory,
  org: Omit<Seeded, "users" | "signIns" | "lockOut" | "openSessions">,
  roster: readonly RosterEntry[],
  domain: string,
  rng: SeededRandom,
  step: () => Promise<void>,
): Promise<Pick<Seeded, "users" | "signIns" | "lockOut" | "openSessions">> {
  const signIns: string[] = [];
  const lockOut: string[] = [];
  const openSessions: { email: string; from: "desk" | "phone" }[] = [];
  for (const entry of roster) {
    const input = inputOf(entry, org, domain, rng);
    const status = entry.status ?? "active";
    if (status === "pending") {
      await admin.users.invite(input);
    } else {
      const user = await admin.users.create({
        ...input,
        password: DEMO_PASSWORD,
        mustChangePassword: entry.mustChangePassword === true,
      });
      if (status === "disabled") await admin.users.disable(user.id, { version: user.version });
      if (entry.signedIn && status === "active") signIns.push(input.email);
      if (entry.lockedOut) lockOut.push(input.email);
      if (entry.openSession && status === "active")
        openSessions.push({ email: input.email, from: entry.openSession });
    }
    await step();
  }
  return { users: roster.length, signIns, lockOut, openSessions };
}

async function seedBulk(
  harbor: Seeded,
  count: number,
  rng: SeededRandom,
  step: () => Promise<void>,
): Promise<number> {
  const organization = await harbor.admin.organization.get();
  const generated = bulkUsers(count, rng, {
    locationIds: Object.values(harbor.locations),
    roleId: (key) => roleOf(harbor.roles, key),
    features: organization.features,
    password: DEMO_PASSWORD,
    domain: "staff.harbor.example",
  });
  for (const { input, status } of generated) {
    if (status === "pending") {
      const { password: _password, ...invite } = input;
      await harbor.admin.users.invite(invite);
    } else {
      const user = await harbor.admin.users.create(input);
      if (status === "disabled") await harbor.admin.users.disable(user.id, { version: user.version });
    }
    await step();
  }
  return generated.length;
}

/** Where the people who stay signed in work from: addresses of the documentation ranges. */
const ON_SHIFT: Readonly<Record<"desk" | "phone", RequestMetadata>> = {
  desk: {
    ip: "203.0.113.24",
    userAgent:
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  },
  phone: {
    ip: "198.51.100.73",
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  },
};

/** A sign-in left open (W13): someone on shift, from a front-desk PC or a phone. */
async function stayOnShift(
  directory: Directory,
  email: string,
  from: "desk" | "phone",
  organizationId: string,
): Promise<void> {
  await directory.auth.signIn({ email, password: DEMO_PASSWORD, organizationId, metadata: ON_SHIFT[from] });
}

/** A sign-in and sign-out, so the directory shows a last sign-in and the audit trail has sessions. */
async function signInAndOut(directory: Directory, email: string, organizationId: string): Promise<void> {
  const { token } = await directory.auth.signIn({
    email,
    password: DEMO_PASSWORD,
    organizationId,
    metadata: SEED_METADATA,
  });
  await directory.auth.signOut(token);
}

/** Fails sign-ins with a wrong password until core locks the account (R17), whatever the threshold. */
async function lockOut(
  directory: Directory,
  admin: StaffDirectory,
  email: string,
  organizationId: string,
): Promise<void> {
  const page = await admin.users.list({ search: email, limit: 1 });
  const user = page.items[0];
  if (!user) throw new Error(`seed: ${email} is not in the directory`);
  for (let attempt = 0; attempt < MAX_LOCKOUT_ATTEMPTS; attempt++) {
    try {
      await directory.auth.signIn({
        email,
        password: "not-the-right-password",
        organizationId,
        metadata: SEED_METADATA,
      });
    } catch (error) {
      if (!DirectoryError.is(error, "unauthenticated")) throw error;
    }
    if ((await admin.users.get(user.id)).locked) return;
  }
  throw new Error(`seed: ${email} was not locked after ${MAX_LOCKOUT_ATTEMPTS} failed sign-ins`);
}

/** Named seats with room to add people; practitioner seats so their usage shows too. */
async function setSeats(admin: StaffDirectory, bulk: boolean): Promise<void> {
  const usage = await admin.organization.usage();
  const named = bulk ? Math.max(HARBOR_NAMED_SEATS, usage.named.used + SEAT_HEADROOM) : HARBOR_NAMED_SEATS;
  const practitioners = bulk
    ? Math.max(HARBOR_PRACTITIONER_SEATS, usage.practitioners.used + SEAT_HEADROOM)
    : HARBOR_PRACTITIONER_SEATS;
  const organization = await admin.organization.get();
  await admin.organization.update({ seats: { named, practitioners } }, { version: organization.version });
}
