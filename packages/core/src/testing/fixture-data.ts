/**
 * Realistic, fictional data for fixtures: clinic and location names, diverse personal names, clinical
 * titles with their job titles and NUCC taxonomy codes. Phone numbers use the 555-01xx range reserved
 * for fiction; email domains use `.example` (RFC 2606).
 *
 * @example CLINIC_NAMES[0] // "Harbor Urgent Care"
 */
export const CLINIC_NAMES: readonly string[] = [
  "Harbor Urgent Care",
  "Mission Bay Family Medicine",
  "Cedar Ridge Pediatrics",
  "Lakeside Physical Therapy",
  "Northgate Internal Medicine",
  "Riverbend Community Health",
  "Sunrise Women's Health",
  "Pinecrest Orthopedics",
  "Golden Gate Primary Care",
  "Willow Creek Behavioral Health",
];

/** Location (clinic/site) names. @example LOCATION_NAMES[0] // "Downtown Clinic" */
export const LOCATION_NAMES: readonly string[] = [
  "Downtown Clinic",
  "Sunset District",
  "Mission Bay",
  "Nob Hill",
  "Oakland Uptown",
  "Berkeley Hills",
  "Daly City",
  "San Mateo",
  "Walnut Creek",
  "Fremont Central",
  "Palo Alto",
  "Marin Health Center",
];

/** Location groups (regions). @example LOCATION_GROUPS[0] // "North" */
export const LOCATION_GROUPS: readonly string[] = ["North", "South", "East Bay", "Peninsula"];

/** Given names from many cultures. @example GIVEN_NAMES.includes("Priya") // true */
export const GIVEN_NAMES: readonly string[] = [
  "Jane",
  "Aaliyah",
  "Mateo",
  "Priya",
  "Wei",
  "Oluwaseun",
  "Sofía",
  "Hiroshi",
  "Fatima",
  "Jamal",
  "Ingrid",
  "Diego",
  "Mei",
  "Kwame",
  "Anjali",
  "Tomasz",
  "Leilani",
  "Rashid",
  "Chloé",
  "Nguyen",
  "Amara",
  "Lucas",
  "Siobhan",
  "Arjun",
  "Yuki",
  "Omar",
  "Elena",
  "Tariq",
  "Grace",
  "Javier",
  "Noor",
  "Samuel",
  "Zanele",
  "Björn",
  "Aiyana",
  "Dmitri",
];

/** Family names from many cultures. @example FAMILY_NAMES.includes("Okafor") // true */
export const FAMILY_NAMES: readonly string[] = [
  "Smith",
  "García",
  "Okafor",
  "Patel",
  "Chen",
  "Nakamura",
  "O'Connor",
  "Haddad",
  "Kowalski",
  "Johnson",
  "Tran",
  "Mensah",
  "Rodríguez",
  "Kim",
  "Müller",
  "Singh",
  "Abdullah",
  "Lindqvist",
  "Kealoha",
  "Ivanova",
  "Adeyemi",
  "Fernández",
  "Nguyen",
  "Walker",
  "Cohen",
  "Yamamoto",
  "Begay",
  "Van der Berg",
  "Dubois",
  "Khan",
  "Martinez-Lopez",
  "Osei",
];

/**
 * A clinical title, what it means, and (for practitioners) NUCC taxonomy codes that fit it.
 *
 * @example { title: "RN", jobTitles: ["Charge nurse"], taxonomyCodes: ["163W00000X"], practitioner: true }
 */
export interface TitleProfile {
  readonly title: string;
  readonly jobTitles: readonly string[];
  /** Empty for non-practitioners. */
  readonly taxonomyCodes: readonly string[];
  readonly practitioner: boolean;
}

/**
 * Real NUCC Health Care Provider Taxonomy codes used by the fixtures.
 *
 * @example TAXONOMY_CODES.familyMedicine // "207Q00000X"
 */
export const TAXONOMY_CODES = {
  familyMedicine: "207Q00000X",
  internalMedicine: "207R00000X",
  emergencyMedicine: "207P00000X",
  generalPractice: "208D00000X",
  registeredNurse: "163W00000X",
  familyNursePractitioner: "363LF0000X",
  physicalTherapist: "225100000X",
  physicianAssistant: "363A00000X",
} as const;

/** Titles shown after the name ("Jane Smith RN") with fitting job titles and taxonomy codes. @example TITLE_PROFILES.map((t) => t.title) // ["MD", "RN", …] */
export const TITLE_PROFILES: readonly TitleProfile[] = [
  {
    title: "MD",
    jobTitles: ["Family physician", "Internist", "Emergency physician", "Medical director"],
    taxonomyCodes: [
      TAXONOMY_CODES.familyMedicine,
      TAXONOMY_CODES.internalMedicine,
      TAXONOMY_CODES.emergencyMedicine,
      TAXONOMY_CODES.generalPractice,
    ],
    practitioner: true,
  },
  {
    title: "RN",
    jobTitles: ["Charge nurse", "Triage nurse", "Clinic nurse"],
    taxonomyCodes: [TAXONOMY_CODES.registeredNurse],
    practitioner: true,
  },
  {
    title: "NP",
    jobTitles: ["Family nurse practitioner", "Nurse practitioner"],
    taxonomyCodes: [TAXONOMY_CODES.familyNursePractitioner],
    practitioner: true,
  },
  {
    title: "PT",
    jobTitles: ["Physical therapist", "Lead physical therapist"],
    taxonomyCodes: [TAXONOMY_CODES.physicalTherapist],
    practitioner: true,
  },
  {
    title: "PA",
    jobTitles: ["Physician assistant"],
    taxonomyCodes: [TAXONOMY_CODES.physicianAssistant],
    practitioner: true,
  },
  {
    title: "MA",
    jobTitles: ["Medical assistant", "Clinical assistant"],
    taxonomyCodes: [],
    practitioner: false,
  },
  { title: "LPN", jobTitles: ["Licensed practical nurse"], taxonomyCodes: [], practitioner: false },
];

/** Job titles of non-clinical staff (no title after the name). @example STAFF_JOB_TITLES[0] // "Front desk coordinator" */
export const STAFF_JOB_TITLES: readonly string[] = [
  "Front desk coordinator",
  "Practice manager",
  "Billing specialist",
  "Scheduler",
  "Office administrator",
  "Patient access representative",
];

/** Provider types an organization may offer (reference 003). @example await admin.organization.update({ providerTypes: [...PROVIDER_TYPES] }, { version }); */
export const PROVIDER_TYPES: readonly string[] = ["MD", "RN", "NP", "PT", "PA"];
