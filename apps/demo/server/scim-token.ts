import { type Directory, DirectoryError, ProvisioningSecretSchema } from "@staffroom/core";
import { DEMO_ORGANIZATIONS, DEMO_SIGN_IN } from "../src/seed";

/**
 * What `--scim-token <secret>` registers: the secret as a provisioning token of Harbor Urgent Care,
 * allowed to give every role but the administrators' and every location (in the name of its main
 * contact, Olive Owner), and — when nobody configured provisioning yet — the defaults (Read-only
 * Staff at Harbor's first clinic) and one mapped group per clinic ("Downtown Clinic staff" →
 * Downtown). A secret already registered (a restart over the same data) is left as it is.
 *
 * @example await registerScimToken(demo.directory, "demo-scim-token-0123456789abcdef")
 */
export async function registerScimToken(
  directory: Directory,
  secret: string,
): Promise<"created" | "existing"> {
  const owner = await directory.store.transaction(
    async (tx) => {
      const account = await tx.findAccountByEmail(DEMO_SIGN_IN.email);
      for (const user of account ? await tx.listUsersByAccount(account.id) : []) {
        const organization = await tx.getOrganization(user.organizationId);
        if (organization?.name === DEMO_ORGANIZATIONS.harbor && organization.mainContactUserId === user.id)
          return { organizationId: organization.id, userId: user.id };
      }
      return null;
    },
    { readOnly: true },
  );
  if (!owner)
    throw new Error(`--scim-token: ${DEMO_ORGANIZATIONS.harbor} and its main contact are not in this store.`);
  const olive = directory.forActor({
    ...owner,
    metadata: { userAgent: "Harbor EHR demo server (--scim-token)" },
  });
  const roles = (await olive.roles.list()).filter((r) => !r.administrator);
  const locations = (await olive.locations.list()).filter((l) => !l.archived);
  const settings = await olive.provisioning.settings();
  if (settings.version === 0 && locations[0]) {
    const readOnly = roles.find((r) => r.template === "read_only") ?? roles[0];
    await olive.provisioning.updateSettings(
      {
        ...(readOnly ? { defaultRoleId: readOnly.id } : {}),
        defaultLocationAccess: [locations[0].id],
        defaultPrimaryLocationId: locations[0].id,
        groups: locations.map((l) => ({
          displayName: l.name.toLowerCase().endsWith("clinic") ? `${l.name} staff` : `${l.name} Clinic staff`,
          locationAccess: [l.id],
        })),
      },
      { version: 0 },
    );
  }
  try {
    await olive.provisioning.createToken({
      label: "Demo identity provider (--scim-token)",
      roleIds: roles.map((r) => r.id),
      locationAccess: "organization",
      secret: ProvisioningSecretSchema.parse(secret),
    });
    return "created";
  } catch (error) {
    if (error instanceof DirectoryError && error.code === "conflict") return "existing";
    throw error;
  }
}
