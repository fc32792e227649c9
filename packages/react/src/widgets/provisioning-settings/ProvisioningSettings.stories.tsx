import type { StaffDirectory } from "@staffroom/core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { type SettingsWorld, settingsWorld } from "../../testing/settings-world";
import { loadErrorStory, loadingStory } from "../../testing/state-stories";
import { StoryFrame } from "../../testing/story-helpers";
import { ProvisioningSettings } from "./ProvisioningSettings";

type Loaded = { seeded?: SettingsWorld; directory: StaffDirectory };

/** The owner's view of a practice where nobody has set provisioning up. */
const fresh = async (): Promise<Loaded> => {
  const seeded = await settingsWorld();
  return { seeded, directory: seeded.owner };
};

/** The same practice after a year of Okta: tokens (one revoked), defaults, mapped groups, activity. */
const configured = async (): Promise<Loaded> => {
  const seeded = await settingsWorld();
  const owner = seeded.owner;
  const roles = (await owner.roles.list()).filter((r) => !r.administrator);
  const readOnly = roles.find((r) => r.name === "Read-only Staff") ?? roles[0];
  const live = seeded.locations.filter((l) => !l.archived);
  const [first, second] = live;
  if (!readOnly || !first || !second) throw new Error("fixture");
  const { secret } = await owner.provisioning.createToken({
    label: "Okta",
    roleIds: roles.map((r) => r.id),
    locationAccess: "organization",
  });
  const old = await owner.provisioning.createToken({
    label: "Old Entra ID trial",
    roleIds: [readOnly.id],
    locationAccess: [first.id],
  });
  await owner.provisioning.revokeToken(old.token.id, { version: old.token.version });
  await owner.provisioning.updateSettings(
    {
      defaultRoleId: readOnly.id,
      defaultLocationAccess: [first.id],
      defaultPrimaryLocationId: first.id,
      groups: [
        { displayName: `${first.name} staff`, locationAccess: [first.id] },
        { displayName: `${second.name} staff`, locationAccess: [second.id] },
      ],
    },
    { version: 0 },
  );
  const idp = seeded.world.directory.forActor(await seeded.world.directory.provisioning.authenticate(secret));
  const created = await idp.users.create({
    email: "amara.obi@harbor-urgent-care.example",
    profile: { givenName: "Amara", familyName: "Obi" },
    roleId: readOnly.id,
    locationAccess: [first.id],
    primaryLocationId: first.id,
  });
  await idp.provisioning.setAttributes(created.id, { externalId: "00u-amara" }, { version: created.version });
  return { seeded, directory: owner };
};

const meta = {
  title: "Widgets/ProvisioningSettings",
  // A new token's secret is random: the screenshot hides its text.
  parameters: { visual: { mask: [".sr-dialog input.sr-mono[readonly]"] } },
  component: ProvisioningSettings,
  args: { endpoint: "https://ehr.example/scim/v2" },
  loaders: [fresh],
  render: (args, { loaded }) => (
    <StoryFrame directory={(loaded as Loaded).directory}>
      <ProvisioningSettings {...args} />
    </StoryFrame>
  ),
} satisfies Meta<typeof ProvisioningSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing set up yet: the endpoint to paste, no token, no defaults, no activity. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("No tokens yet")).toBeInTheDocument();
    await expect(
      canvas.getByText("Your identity provider has not changed anything yet."),
    ).toBeInTheDocument();
  },
};

/** Tokens (one revoked) with their last use, defaults, mapped groups and the identity provider's latest writes. */
export const WithTokens: Story = {
  loaders: [configured],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole("table", { name: "Provisioning tokens" });
    await expect(within(table).getByRole("rowheader", { name: "Okta" })).toBeInTheDocument();
    await expect(table).toHaveTextContent("Revoked");
    // Last activity: the Okta token has acted, the revoked trial never did.
    await expect(within(table).getByRole("columnheader", { name: "Last used" })).toBeInTheDocument();
    const row = (name: string) => within(table).getByRole("rowheader", { name }).closest("tr") as HTMLElement;
    await expect(row("Okta")).not.toHaveTextContent("Never");
    await expect(row("Old Entra ID trial")).toHaveTextContent("Never");
    // The mapping editor holds the two clinic groups.
    const names = canvas.getAllByLabelText(/^Group name in the identity provider/) as HTMLInputElement[];
    await expect(names.map((input) => input.value)).toEqual([
      expect.stringMatching(/ staff$/),
      expect.stringMatching(/ staff$/),
    ]);
    await expect(await canvas.findByRole("list", { name: "Recent provisioning activity" })).toHaveTextContent(
      "Amara Obi",
    );
  },
};

/** R15: a token just created, its secret shown this once with a copy button. */
export const SecretJustCreated: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(await canvas.findByRole("button", { name: "New token" }));
    const dialog = await body.findByRole("dialog", { name: "New provisioning token" });
    await userEvent.type(within(dialog).getByLabelText(/^Name/), "Okta");
    await userEvent.click(within(dialog).getByRole("button", { name: "Create token" }));
    const secret = await body.findByRole("dialog", { name: "Copy the token now" });
    await expect(within(secret).getByRole("button", { name: "Copy token" })).toBeInTheDocument();
    await expect((within(secret).getByLabelText("Token") as HTMLInputElement).value).toMatch(
      /^[A-Za-z0-9_-]{43}$/,
    );
  },
};

export const Loading: Story = loadingStory(settingsWorld);
export const ErrorState: Story = loadErrorStory("Provisioning could not be loaded.");

/**
 * R2: a delegated site lead (their own clinics, no `users.manage`) opens the page: core does not let
 * them open provisioning, so the widget shows the calm no-access state — no error, no retry, no
 * token or mapping controls.
 */
export const RefusedToSiteLead: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const seeded = await settingsWorld();
      return { seeded, directory: seeded.siteLead };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText("You don't have access to Provisioning — ask an administrator."),
    ).toBeInTheDocument();
    await expect(canvas.queryByText("Provisioning could not be loaded.")).toBeNull();
    await expect(canvas.queryByRole("button", { name: "Try again" })).toBeNull();
    await expect(canvas.queryByRole("button", { name: "New token" })).toBeNull();
    await expect(canvas.queryByRole("table", { name: "Provisioning tokens" })).toBeNull();
  },
};
