import type { StaffDirectory } from "@staffroom/core";
import { FIXTURE_PASSWORD } from "@staffroom/core/fixtures";
import type { Meta, StoryObj } from "@storybook/react-vite";
import type { ReactNode } from "react";
import { expect, within } from "storybook/test";
import { type SeededWorld, seededWorld } from "../../testing/seeded-world";
import { StoryFrame } from "../../testing/story-helpers";
import { useStoryText } from "../../testing/story-locale";
import { AuditTrail } from "../audit-trail/AuditTrail";
import { LocationsManager } from "../locations-manager/LocationsManager";
import { OrganizationSettings } from "../organization-settings/OrganizationSettings";
import { RolesManager } from "../roles-manager/RolesManager";
import { UserDirectory } from "../user-directory/UserDirectory";
import { NoAccess } from "./NoAccess";

type Loaded = { seeded?: SeededWorld; directory: StaffDirectory };

/**
 * A loader: the seeded practice seen by a provider (core's Provider template: calendar and charts,
 * no administration permission at all), or by its clinic manager (limited to two clinics).
 */
const as = (who: "provider" | "clinicManager") => async (): Promise<Loaded> => {
  const seeded = await seededWorld({ users: 4 });
  if (who === "clinicManager") return { seeded, directory: seeded.clinicManager };
  const provider = seeded.roles.find((r) => r.name === "Provider");
  const location = seeded.locations[0];
  if (!provider || !location) throw new Error("fixture: the Provider template and a location");
  const user = await seeded.owner.users.create({
    email: "priya.provider@harbor-urgent-care.example",
    profile: { givenName: "Priya", familyName: "Provider", title: "MD" },
    roleId: provider.id,
    locationAccess: "organization",
    primaryLocationId: location.id,
    password: FIXTURE_PASSWORD,
  });
  const directory = seeded.world.as(user.id) as StaffDirectory;
  await directory.me();
  return { seeded, directory };
};

const meta = {
  title: "States/NoAccess",
  component: NoAccess,
  args: { screen: "users" },
  loaders: [as("provider")],
  render: (args, { loaded }) => (
    <StoryFrame directory={(loaded as Loaded).directory}>
      <NoAccess {...args} />
    </StoryFrame>
  ),
} satisfies Meta<typeof NoAccess>;

export default meta;
type Story = StoryObj<typeof meta>;

const sentence = (screen: string) => `You don't have access to ${screen} — ask an administrator.`;

/** Nothing failed and nothing is loading: no alert, no "Try again", no "Loading…". */
async function expectCalm(canvasElement: HTMLElement): Promise<void> {
  const canvas = within(canvasElement);
  await expect(canvas.queryByRole("alert")).not.toBeInTheDocument();
  await expect(canvas.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
  await expect(canvas.queryByText(/Loading…/)).not.toBeInTheDocument();
}

/** The state on its own, as a host composing its own screen shows it. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const status = await within(canvasElement).findByRole("status");
    await expect(status).toHaveTextContent(sentence("Users"));
    await expect(within(canvasElement).getByRole("region", { name: "Users" })).toBeInTheDocument();
  },
};

/** Every screen widget, for a provider who may open none of them: each says so, calmly, by itself. */
export const EveryScreenForAProvider: Story = {
  render: (_args, { loaded }) => (
    <StoryFrame directory={(loaded as Loaded).directory}>
      <div style={{ display: "grid", gap: 16 }}>
        <UserDirectory />
        <RolesManager />
        <LocationsManager />
        <OrganizationSettings />
        <AuditTrail />
      </div>
    </StoryFrame>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const screen of ["Users", "Roles", "Locations", "Organization settings", "Audit trail"]) {
      await expect(await canvas.findByText(sentence(screen))).toBeInTheDocument();
    }
    await expectCalm(canvasElement);
  },
};

/** A clinic manager (limited to two clinics) reads users, roles and locations; the audit trail is not theirs. */
export const AuditForAClinicManager: Story = {
  loaders: [as("clinicManager")],
  render: (_args, { loaded }) => (
    <StoryFrame directory={(loaded as Loaded).directory}>
      <AuditTrail />
    </StoryFrame>
  ),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(sentence("Audit trail"))).toBeInTheDocument();
    await expectCalm(canvasElement);
  },
};

/** The host's own sentence, in the story's language. */
function ShahsRoles(): ReactNode {
  const text = useStoryText(
    "Roles are kept by your practice manager, Dr. Shah.",
    "Los roles los administra su gerente de práctica, la Dra. Shah.",
  );
  return <RolesManager noAccessMessage={text} />;
}

/** The host's own words, through a widget's `noAccessMessage`. */
export const CustomMessage: Story = {
  render: (_args, { loaded }) => (
    <StoryFrame directory={(loaded as Loaded).directory}>
      <ShahsRoles />
    </StoryFrame>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText("Roles are kept by your practice manager, Dr. Shah."),
    ).toBeInTheDocument();
    await expect(canvas.queryByText(sentence("Roles"))).not.toBeInTheDocument();
  },
};

/** The dark theme: the same card, axe-clean on the dark surface. */
export const Dark: Story = {
  args: { screen: "organization" },
  render: (args, { loaded }) => (
    <StoryFrame directory={(loaded as Loaded).directory} theme="dark">
      <NoAccess {...args} />
    </StoryFrame>
  ),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("status")).toHaveTextContent(
      sentence("Organization settings"),
    );
  },
};
