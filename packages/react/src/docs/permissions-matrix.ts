import {
  ADMIN_SCREENS,
  type AdminScreen,
  canOpenScreen,
  type StaffDirectory,
  type User,
} from "@staffroom/core";
import type { SeededWorld } from "../testing/seeded-world";
import type { StoryActor } from "../testing/story-globals";

/** The widget each administration screen is. */
export const SCREEN_WIDGETS: Readonly<Record<AdminScreen, string>> = {
  users: "UserDirectory (and its dialogs)",
  roles: "RolesManager",
  locations: "LocationsManager",
  organization: "OrganizationSettings",
  sessions: "SessionsManager",
  provisioning: "ProvisioningSettings",
  audit: "AuditTrail",
};

/** The permissions the administration widgets look at, in the order the page lists them. */
export const ADMIN_PERMISSIONS = [
  "users.view",
  "users.manage",
  "roles.manage",
  "locations.manage",
  "organization.manage",
  "audit.view",
] as const;

/** What core answers one actor: the screens it opens, the permissions it holds, its row actions. */
export interface ActorVerdicts {
  readonly actor: StoryActor;
  readonly name: string;
  readonly screens: Readonly<Record<AdminScreen, boolean>>;
  readonly permissions: Readonly<Record<(typeof ADMIN_PERMISSIONS)[number], boolean>>;
  /** Per sample person: null when core does not show them to this actor, else each row action. */
  readonly rows: readonly (readonly { action: string; allowed: boolean; reason?: string }[] | null)[];
}

/** A person of the world the row actions are asked about, and why they were picked. */
export interface SamplePerson {
  readonly user: User;
  readonly why: string;
}

/**
 * Three active people of a seeded world, as the owner reads them now, to show the clinic manager's
 * three cases (R3, R4): one he manages, one at his clinics whose role holds permissions he lacks,
 * and one at none of his clinics. Core's verdicts pick the first two; a case the world lacks is left out.
 *
 * @example await samplePeople(await seededWorld({ users: 24 }))
 */
export async function samplePeople(seeded: SeededWorld): Promise<readonly SamplePerson[]> {
  const manager = seeded.clinicManagerUser;
  const his = manager.locationAccess === "organization" ? [] : manager.locationAccess;
  const current = await Promise.all(seeded.users.map((u) => seeded.owner.users.get(u.id)));
  const active = current.filter((u) => u.status === "active" && !u.locked);
  const name = (id: string | null) => seeded.locations.find((l) => l.id === id)?.name ?? "?";
  const within = active.filter(
    (u) => u.locationAccess !== "organization" && u.locationAccess.every((id) => his.includes(id)),
  );
  await seeded.clinicManager.me();
  const manages = async (user: User) => {
    const seen = await seeded.clinicManager.users.get(user.id);
    return seeded.clinicManager.users.actions(seen).some((o) => o.action === "edit" && o.verdict.allowed);
  };
  const verdicts = await Promise.all(within.map(manages));
  const managed = within.find((_, i) => verdicts[i]);
  const beyond = within.find((_, i) => !verdicts[i]);
  const outside = active.find(
    (u) => u.locationAccess !== "organization" && u.locationAccess.every((id) => !his.includes(id)),
  );
  const at = (user: User) => name(user.primaryLocationId);
  return [
    ...(managed
      ? [{ user: managed, why: `works at ${at(managed)}, one of the clinic manager's clinics` }]
      : []),
    ...(beyond
      ? [{ user: beyond, why: `works at ${at(beyond)} too, but holds permissions the clinic manager lacks` }]
      : []),
    ...(outside
      ? [{ user: outside, why: `works only at ${at(outside)}, none of the clinic manager's` }]
      : []),
  ];
}

/**
 * Asks core, as `actor`, everything the Permissions page shows: `canOpenScreen` for each screen,
 * `can()` for each administration permission, and `users.actions(user)` on each sample person as
 * this actor reads them (`users.get`; a person core hides from the actor gives null).
 *
 * @example await verdictsOf("clinicManager", seeded.clinicManager, samplePeople(seeded))
 */
export async function verdictsOf(
  actor: StoryActor,
  directory: StaffDirectory,
  people: readonly SamplePerson[],
): Promise<ActorVerdicts> {
  const me = await directory.me();
  const screens = Object.fromEntries(ADMIN_SCREENS.map((s) => [s, canOpenScreen(directory, s)])) as Record<
    AdminScreen,
    boolean
  >;
  const permissions = Object.fromEntries(ADMIN_PERMISSIONS.map((p) => [p, directory.can(p)])) as Record<
    (typeof ADMIN_PERMISSIONS)[number],
    boolean
  >;
  const rows = await Promise.all(
    people.map(async ({ user }) => {
      const seen = await directory.users.get(user.id).catch(() => null);
      if (!seen) return null;
      return directory.users
        .actions(seen)
        .map(({ action, verdict }) =>
          verdict.allowed ? { action, allowed: true } : { action, allowed: false, reason: verdict.message },
        );
    }),
  );
  return { actor, name: `${me.user.displayName} (${me.role.name})`, screens, permissions, rows };
}
