import type { Directory } from "@staffroom/core";

/** The example's administrator. */
export const OWNER = { email: "olive@clinic.example", password: "harbor-example-2026" } as const;

/**
 * A practice to play with: its owner, a clinic, and provisioning set up — a token with the given
 * secret that may give every non-administrator role everywhere, and Read-only Staff at the clinic
 * for people it creates.
 *
 * @example await seedExample(directory, process.env.SCIM_TOKEN);
 */
export async function seedExample(
  directory: Directory,
  secret: string,
): Promise<{ organizationId: string; email: string; password: string }> {
  const { organization, location, user } = await directory.bootstrap({
    organization: { name: "Example Clinic" },
    location: { name: "Main Street" },
    owner: {
      email: OWNER.email,
      password: OWNER.password,
      profile: { givenName: "Olive", familyName: "Owner" },
    },
  });
  const owner = directory.forActor({ organizationId: organization.id, userId: user.id });
  const roles = (await owner.roles.list()).filter((r) => !r.administrator);
  const readOnly = roles.find((r) => r.template === "read_only") ?? roles[0];
  if (!readOnly) throw new Error("no role to give");
  await owner.provisioning.createToken({
    label: "Identity provider",
    roleIds: roles.map((r) => r.id),
    locationAccess: "organization",
    secret,
  });
  await owner.provisioning.updateSettings(
    {
      defaultRoleId: readOnly.id,
      defaultLocationAccess: [location.id],
      defaultPrimaryLocationId: location.id,
    },
    { version: 0 },
  );
  return { organizationId: organization.id, email: OWNER.email, password: OWNER.password };
}
