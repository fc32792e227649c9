/**
 * The named people of the seed. Plain data; `seed-demo.ts` turns each entry into core calls
 * (create, invite, disable, sign-ins), so every rule and audit event applies to the seed too.
 */

/** Where a person works: org-wide, or some of the organization's locations (keys of the seed's location table). */
export type Access = "organization" | readonly LocationKey[];

/** Keys of the seeded locations. */
export type LocationKey = "downtown" | "northside" | "bayview" | "tidewater";

/** Keys of the roles a roster entry may hold (templates by name, plus the demo's custom role). */
export type RoleKey =
  | "Administrator"
  | "Front Desk"
  | "Provider"
  | "Billing Manager"
  | "Read-only Staff"
  | "Clinic Manager"
  | "Medical Assistant";

/** One seeded person. */
export interface RosterEntry {
  readonly givenName: string;
  readonly familyName: string;
  /** The email's local part when it is not `given.family` (the named demo accounts). */
  readonly local?: string;
  /** Clinical title shown after the name ("Nina Patel MD"). */
  readonly title?: string;
  readonly jobTitle: string;
  readonly role: RoleKey;
  readonly access: Access;
  /** The status the seed leaves the person in. Default active. */
  readonly status?: "active" | "pending" | "disabled";
  /** A practitioner's NUCC taxonomy code: gives a provider profile with a valid NPI. */
  readonly taxonomy?: string;
  /**
   * Days from the seed's date to the expiry of this practitioner's soonest credential (negative:
   * expired), so the directory shows "Expires in N days" and "Expired" badges (issue 15). Default:
   * every credential good for a year or more.
   */
  readonly credentialDueInDays?: number;
  /** Telehealth licence (Harbor's one licence type). */
  readonly telehealth?: boolean;
  /** Case manager flag (Tidewater has case management). */
  readonly caseManager?: boolean;
  /** Signs in (and out) during the seed, so the directory shows a last sign-in. */
  readonly signedIn?: boolean;
  /**
   * Is still signed in when the seed ends, from a front-desk PC or a phone, so Settings › Sessions
   * has someone besides you (W13). The session idles out after the organization's limit.
   */
  readonly openSession?: "desk" | "phone";
  /** Created with "must change at first sign-in" (W1, W13). */
  readonly mustChangePassword?: boolean;
  /** Locked out by failed sign-ins at the end of the seed (R17). */
  readonly lockedOut?: boolean;
}

/** NUCC Health Care Provider Taxonomy codes the roster uses (all real codes). @example TAXONOMY.emergencyMedicine // "207P00000X" */
export const TAXONOMY = {
  emergencyMedicine: "207P00000X",
  familyMedicine: "207Q00000X",
  internalMedicine: "207R00000X",
  familyNursePractitioner: "363LF0000X",
  physicianAssistant: "363A00000X",
  registeredNurse: "163W00000X",
  physicalTherapist: "225100000X",
  physicalTherapyAssistant: "225200000X",
  occupationalTherapist: "225X00000X",
} as const;

const T = TAXONOMY;

/**
 * Harbor Urgent Care's people besides Olive Owner (who bootstraps the organization). The first
 * seven are the named demo accounts the README and the end-to-end tests rely on.
 *
 * @example HARBOR_ROSTER.filter((p) => p.status === "pending").length // 5
 */
export const HARBOR_ROSTER: readonly RosterEntry[] = [
  {
    givenName: "Adam",
    familyName: "Admin",
    local: "adam.admin",
    jobTitle: "IT administrator",
    role: "Administrator",
    access: "organization",
    signedIn: true,
  },
  {
    givenName: "Carl",
    familyName: "Manager",
    local: "carl.manager",
    jobTitle: "Clinic manager",
    role: "Clinic Manager",
    access: ["downtown"],
    signedIn: true,
  },
  {
    givenName: "Lara",
    familyName: "Locked",
    local: "lara.locked",
    jobTitle: "Front desk coordinator",
    role: "Front Desk",
    access: ["northside"],
    lockedOut: true,
  },
  {
    givenName: "Mona",
    familyName: "Mustchange",
    local: "mona.mustchange",
    jobTitle: "Patient access representative",
    role: "Front Desk",
    access: ["bayview"],
    mustChangePassword: true,
  },
  {
    givenName: "Dina",
    familyName: "Disabled",
    local: "dina.disabled",
    jobTitle: "Scheduler",
    role: "Front Desk",
    access: ["downtown"],
    status: "disabled",
  },
  {
    givenName: "Paul",
    familyName: "Pending",
    local: "paul.pending",
    jobTitle: "Scheduler",
    role: "Front Desk",
    access: ["northside"],
    status: "pending",
  },
  {
    givenName: "Nina",
    familyName: "Patel",
    local: "nina.npi",
    title: "MD",
    jobTitle: "Emergency physician",
    role: "Provider",
    access: ["downtown", "northside"],
    taxonomy: T.emergencyMedicine,
    telehealth: true,
    signedIn: true,
  },
  // Downtown Clinic
  {
    givenName: "Marcus",
    familyName: "Webb",
    title: "MD",
    jobTitle: "Medical director",
    role: "Provider",
    access: ["downtown"],
    credentialDueInDays: 9,
    taxonomy: T.emergencyMedicine,
    telehealth: true,
    signedIn: true,
  },
  {
    givenName: "Priya",
    familyName: "Raman",
    title: "NP",
    jobTitle: "Family nurse practitioner",
    role: "Provider",
    access: ["downtown"],
    credentialDueInDays: -5,
    taxonomy: T.familyNursePractitioner,
    telehealth: true,
  },
  {
    givenName: "Jamal",
    familyName: "Brooks",
    title: "PA",
    jobTitle: "Physician assistant",
    role: "Provider",
    access: ["downtown"],
    credentialDueInDays: 21,
    taxonomy: T.physicianAssistant,
  },
  {
    givenName: "Grace",
    familyName: "Okafor",
    title: "RN",
    jobTitle: "Charge nurse",
    role: "Provider",
    access: ["downtown"],
    taxonomy: T.registeredNurse,
    signedIn: true,
  },
  {
    givenName: "Hiroshi",
    familyName: "Tanaka",
    title: "RN",
    jobTitle: "Triage nurse",
    role: "Provider",
    access: ["downtown"],
    taxonomy: T.registeredNurse,
  },
  {
    givenName: "Sofía",
    familyName: "Martínez",
    title: "MA",
    jobTitle: "Medical assistant",
    role: "Medical Assistant",
    access: ["downtown"],
  },
  {
    givenName: "Elena",
    familyName: "Petrova",
    jobTitle: "Front desk coordinator",
    role: "Front Desk",
    access: ["downtown"],
    signedIn: true,
    openSession: "desk",
  },
  {
    givenName: "Kwame",
    familyName: "Mensah",
    jobTitle: "Patient access representative",
    role: "Front Desk",
    access: ["downtown"],
  },
  {
    givenName: "Kenji",
    familyName: "Mori",
    jobTitle: "Scheduler",
    role: "Front Desk",
    access: ["downtown"],
  },
  {
    givenName: "Rosa",
    familyName: "Reyes",
    title: "LPN",
    jobTitle: "Licensed practical nurse",
    role: "Medical Assistant",
    access: ["downtown"],
  },
  {
    givenName: "Tomasz",
    familyName: "Nowak",
    jobTitle: "Scheduler",
    role: "Read-only Staff",
    access: ["downtown"],
    status: "disabled",
  },
  {
    givenName: "Tariq",
    familyName: "Aziz",
    title: "MA",
    jobTitle: "Clinical assistant",
    role: "Medical Assistant",
    access: ["downtown"],
    status: "disabled",
  },
  // Northside Clinic
  {
    givenName: "Aaliyah",
    familyName: "Johnson",
    title: "MD",
    jobTitle: "Family physician",
    role: "Provider",
    access: ["northside"],
    taxonomy: T.familyMedicine,
    signedIn: true,
  },
  {
    givenName: "Diego",
    familyName: "Fernández",
    title: "NP",
    jobTitle: "Nurse practitioner",
    role: "Provider",
    access: ["northside"],
    taxonomy: T.familyNursePractitioner,
  },
  {
    givenName: "Mei",
    familyName: "Chen",
    title: "RN",
    jobTitle: "Clinic nurse",
    role: "Provider",
    access: ["northside"],
    taxonomy: T.registeredNurse,
  },
  {
    givenName: "Omar",
    familyName: "Haddad",
    title: "PA",
    jobTitle: "Physician assistant",
    role: "Provider",
    access: ["northside"],
    taxonomy: T.physicianAssistant,
    status: "pending",
  },
  {
    givenName: "Ingrid",
    familyName: "Lindqvist",
    title: "MA",
    jobTitle: "Medical assistant",
    role: "Medical Assistant",
    access: ["northside"],
  },
  {
    givenName: "Mateo",
    familyName: "García",
    title: "MA",
    jobTitle: "Clinical assistant",
    role: "Medical Assistant",
    access: ["northside"],
  },
  {
    givenName: "Rashid",
    familyName: "Khan",
    jobTitle: "Front desk coordinator",
    role: "Front Desk",
    access: ["northside"],
    signedIn: true,
  },
  {
    givenName: "Siobhan",
    familyName: "O'Connor",
    jobTitle: "Scheduler",
    role: "Front Desk",
    access: ["northside"],
  },
  {
    givenName: "Yuki",
    familyName: "Yamamoto",
    jobTitle: "Office administrator",
    role: "Read-only Staff",
    access: ["northside"],
  },
  {
    givenName: "Oluwaseun",
    familyName: "Adeyemi",
    title: "MD",
    jobTitle: "Internist",
    role: "Provider",
    access: ["northside"],
    taxonomy: T.internalMedicine,
    status: "pending",
  },
  // Bayview Clinic
  {
    givenName: "Samuel",
    familyName: "Osei",
    title: "MD",
    jobTitle: "Emergency physician",
    role: "Provider",
    access: ["bayview"],
    taxonomy: T.emergencyMedicine,
    telehealth: true,
    signedIn: true,
    openSession: "phone",
  },
  {
    givenName: "Anjali",
    familyName: "Singh",
    title: "NP",
    jobTitle: "Family nurse practitioner",
    role: "Provider",
    access: ["bayview"],
    taxonomy: T.familyNursePractitioner,
    telehealth: true,
  },
  {
    givenName: "Lucas",
    familyName: "Dubois",
    title: "RN",
    jobTitle: "Triage nurse",
    role: "Provider",
    access: ["bayview"],
    taxonomy: T.registeredNurse,
  },
  {
    givenName: "Linh",
    familyName: "Nguyen",
    title: "RN",
    jobTitle: "Clinic nurse",
    role: "Provider",
    access: ["bayview"],
    taxonomy: T.registeredNurse,
  },
  {
    givenName: "Fatima",
    familyName: "Abdullah",
    title: "MA",
    jobTitle: "Medical assistant",
    role: "Medical Assistant",
    access: ["bayview"],
  },
  {
    givenName: "Javier",
    familyName: "Rodríguez",
    jobTitle: "Front desk coordinator",
    role: "Front Desk",
    access: ["bayview"],
    signedIn: true,
  },
  {
    givenName: "Noor",
    familyName: "Farah",
    jobTitle: "Patient access representative",
    role: "Front Desk",
    access: ["bayview"],
  },
  {
    givenName: "Isabel",
    familyName: "Costa",
    jobTitle: "Scheduler",
    role: "Front Desk",
    access: ["bayview"],
    status: "pending",
  },
  {
    givenName: "Björn",
    familyName: "Larsen",
    jobTitle: "Office administrator",
    role: "Read-only Staff",
    access: ["bayview"],
  },
  {
    givenName: "Aiyana",
    familyName: "Begay",
    title: "NP",
    jobTitle: "Nurse practitioner",
    role: "Provider",
    access: ["bayview"],
    taxonomy: T.familyNursePractitioner,
    status: "pending",
  },
  // Several clinics, or the whole group
  {
    givenName: "Arjun",
    familyName: "Mehta",
    title: "MD",
    jobTitle: "Family physician",
    role: "Provider",
    access: ["downtown", "bayview"],
    taxonomy: T.familyMedicine,
    telehealth: true,
  },
  {
    givenName: "Chloé",
    familyName: "Laurent",
    title: "RN",
    jobTitle: "Charge nurse",
    role: "Provider",
    access: ["northside", "bayview"],
    taxonomy: T.registeredNurse,
  },
  {
    givenName: "Amara",
    familyName: "Nwosu",
    title: "PA",
    jobTitle: "Physician assistant",
    role: "Provider",
    access: ["downtown", "northside"],
    taxonomy: T.physicianAssistant,
  },
  {
    givenName: "Dmitri",
    familyName: "Ivanov",
    jobTitle: "Front desk coordinator",
    role: "Front Desk",
    access: ["downtown", "northside"],
    status: "disabled",
  },
  {
    givenName: "Leilani",
    familyName: "Kahale",
    jobTitle: "Billing specialist",
    role: "Billing Manager",
    access: "organization",
    signedIn: true,
  },
  {
    givenName: "Zanele",
    familyName: "Dlamini",
    jobTitle: "Revenue cycle manager",
    role: "Billing Manager",
    access: "organization",
  },
  {
    givenName: "Hannah",
    familyName: "Cohen",
    jobTitle: "Billing specialist",
    role: "Billing Manager",
    access: ["downtown"],
  },
  {
    givenName: "Wei",
    familyName: "Zhang",
    jobTitle: "Practice analyst",
    role: "Read-only Staff",
    access: "organization",
  },
];

/**
 * Tidewater Physiotherapy's people besides its bootstrap owner (Tessa Marsh) and Olive Owner, who
 * joins it as its only administrator.
 *
 * @example TIDEWATER_ROSTER.map((p) => p.givenName)
 */
export const TIDEWATER_ROSTER: readonly RosterEntry[] = [
  {
    givenName: "Ben",
    familyName: "Carter",
    title: "PT",
    jobTitle: "Physical therapist",
    role: "Provider",
    access: ["tidewater"],
    taxonomy: T.physicalTherapist,
    signedIn: true,
  },
  {
    givenName: "Mia",
    familyName: "Rossi",
    title: "PT",
    jobTitle: "Lead physical therapist",
    role: "Provider",
    access: ["tidewater"],
    taxonomy: T.physicalTherapist,
    caseManager: true,
  },
  {
    givenName: "Sara",
    familyName: "Lindgren",
    title: "OT",
    jobTitle: "Occupational therapist",
    role: "Provider",
    access: ["tidewater"],
    taxonomy: T.occupationalTherapist,
  },
  {
    givenName: "Luis",
    familyName: "Ortega",
    title: "PTA",
    jobTitle: "Physical therapist assistant",
    role: "Provider",
    access: ["tidewater"],
    taxonomy: T.physicalTherapyAssistant,
  },
  {
    givenName: "Kofi",
    familyName: "Asante",
    title: "PT",
    jobTitle: "Physical therapist",
    role: "Provider",
    access: ["tidewater"],
    taxonomy: T.physicalTherapist,
    status: "pending",
  },
  {
    givenName: "Laura",
    familyName: "Schmidt",
    jobTitle: "Front desk coordinator",
    role: "Front Desk",
    access: ["tidewater"],
    signedIn: true,
  },
  {
    givenName: "Ravi",
    familyName: "Iyer",
    jobTitle: "Billing specialist",
    role: "Billing Manager",
    access: ["tidewater"],
  },
  {
    givenName: "Emma",
    familyName: "Novak",
    jobTitle: "Scheduler",
    role: "Front Desk",
    access: ["tidewater"],
    status: "disabled",
  },
];
