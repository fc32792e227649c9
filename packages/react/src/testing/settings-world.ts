import type { Location, StaffDirectory, User } from "@staffroom/core";
import { FIXTURE_PASSWORD } from "@staffroom/core/fixtures";
import { type SeededWorld, type SeededWorldOptions, seededWorld } from "./seeded-world";

/** Options of {@link settingsWorld}. */
export interface SettingsWorldOptions extends SeededWorldOptions {
  /** Set seat limits (named, practitioners, concurrent, mobile licences) so usage bars fill. Default true. */
  readonly seats?: boolean;
}

/** A {@link SeededWorld} with the extra actors the settings screens need. */
export interface SettingsWorld extends SeededWorld {
  /** An org-wide administrator who is not the main contact (R7). */
  readonly secondAdmin: StaffDirectory;
  readonly secondAdminUser: User;
  /**
   * A "Site Lead" limited to two clinics who holds roles.manage, locations.manage and
   * organization.manage: core refuses the org-wide parts (R4), so the widgets show its errors.
   */
  readonly siteLead: StaffDirectory;
  readonly siteLeadUser: User;
  /** An archived location (listed last). */
  readonly archivedLocation: Location;
}

/**
 * {@link seededWorld} plus a second (non-main-contact) administrator, a delegated site lead, an
 * archived location and, by default, seat limits — all made through the real service.
 *
 * @example const { owner, secondAdmin } = await settingsWorld(); <StaffroomProvider directory={owner}>…
 */
export async function settingsWorld(options: SettingsWorldOptions = {}): Promise<SettingsWorld> {
  const seeded = await seededWorld(options);
  const { owner, world } = seeded;
  const admin = seeded.roles.find((r) => r.name === "Administrator");
  const [first, second] = seeded.locations;
  if (!admin || !first || !second)
    throw new Error("settingsWorld: the seeded world lacks a role or locations");
  const secondAdminUser = await owner.users.create({
    email: "ines.okafor@harbor-urgent-care.example",
    profile: { givenName: "Ines", familyName: "Okafor", title: "MD", jobTitle: "Medical director" },
    roleId: admin.id,
    locationAccess: "organization",
    primaryLocationId: first.id,
    password: FIXTURE_PASSWORD,
  });
  const siteLeadRole = await owner.roles.create({
    name: "Site Lead",
    description: "Runs the settings of their own clinics.",
    permissions: ["users.view", "roles.manage", "locations.manage", "organization.manage", "calendar.view"],
  });
  const siteLeadUser = await owner.users.create({
    email: "theo.lindqvist@harbor-urgent-care.example",
    profile: { givenName: "Theo", familyName: "Lindqvist", jobTitle: "Site lead" },
    roleId: siteLeadRole.id,
    locationAccess: [first.id, second.id],
    primaryLocationId: first.id,
    password: FIXTURE_PASSWORD,
  });
  // A few holders of the mobile licence, so its seat bar has something to show.
  for (const user of seeded.users.slice(4, 7)) {
    await owner.users.update(user.id, { licences: ["mobile"] }, { version: user.version });
  }
  const annex = await owner.locations.create({ name: "Old Town Annex", group: "East Bay" });
  const archivedLocation = await owner.locations.archive(annex.id, { version: annex.version });
  if (options.seats ?? true) {
    const org = await owner.organization.get();
    const usage = await owner.organization.usage();
    await owner.organization.update(
      {
        seats: {
          named: usage.named.used + 4,
          practitioners: usage.practitioners.used + 1,
          concurrent: 15,
        },
        licenceTypes: [
          { key: "mobile", label: "Mobile app", seats: 20 },
          { key: "cxm", label: "CXM triage", seats: null },
        ],
      },
      { version: org.version },
    );
  }
  return {
    ...seeded,
    locations: await owner.locations.list(),
    roles: await owner.roles.list(),
    secondAdmin: world.as(secondAdminUser.id) as StaffDirectory,
    secondAdminUser,
    siteLead: world.as(siteLeadUser.id) as StaffDirectory,
    siteLeadUser,
    archivedLocation,
  };
}
