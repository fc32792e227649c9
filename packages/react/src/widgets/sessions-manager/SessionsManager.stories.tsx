import { OWN_SESSION_MESSAGE, type StaffDirectory } from "@staffroom/core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { loadErrorStory, loadingStory } from "../../testing/state-stories";
import { StoryFrame } from "../../testing/story-helpers";
import { SessionsManager } from "./SessionsManager";
import { type SessionsWorld, type SessionsWorldOptions, sessionsWorld } from "./sessions-world";

type Loaded = { seeded?: SessionsWorld; directory: StaffDirectory };

/** A loader: a sessions world seen by one of its actors. */
const as =
  (actor: "owner" | "clinicManager" | "readOnly", options: SessionsWorldOptions = {}) =>
  async (): Promise<Loaded> => {
    const seeded = await sessionsWorld(options);
    return { seeded, directory: seeded[actor] };
  };

const meta = {
  title: "Widgets/SessionsManager",
  component: SessionsManager,
  loaders: [as("owner")],
  render: (args, { loaded }) => (
    <StoryFrame directory={(loaded as Loaded).directory}>
      <SessionsManager {...args} />
    </StoryFrame>
  ),
} satisfies Meta<typeof SessionsManager>;

export default meta;
type Story = StoryObj<typeof meta>;

const ready = (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole("table", { name: "Signed in now" });

/** Who is signed in: four people from desk PCs, a Mac and a phone, and you (marked, End disabled with core's reason). */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const table = await ready(canvasElement);
    await expect(within(table).getAllByRole("row")).toHaveLength(6);
    await expect(within(table).getByText("You")).toBeInTheDocument();
    await expect(within(table).getByText(OWN_SESSION_MESSAGE)).toBeInTheDocument();
    await expect(within(table).getAllByText("Chrome on Windows").length).toBeGreaterThan(0);
  },
};

/** End session with the keyboard: confirm, the person is signed out, focus moves to the next End. */
export const EndSession: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { seeded } = loaded as Loaded;
    const person = seeded?.signedIn[1];
    if (!seeded || !person) throw new Error("fixture");
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await ready(canvasElement);
    canvas.getByRole("button", { name: `End session for ${person?.displayName}` }).focus();
    await userEvent.keyboard("{Enter}");
    const dialog = await body.findByRole("dialog", { name: `End ${person.displayName}'s session?` });
    await userEvent.click(within(dialog).getByRole("button", { name: "End session" }));
    await expect(await canvas.findByText(`${person.displayName}'s session was ended.`)).toBeInTheDocument();
    await waitFor(() => expect(canvasElement.ownerDocument.activeElement?.textContent).toBe("End session"));
    await expect(seeded.world.auth.session(seeded.tokens.get(person.id) ?? "")).rejects.toMatchObject({
      code: "unauthenticated",
    });
  },
};

/** Sixty sessions, fifty per page, with core's cursor behind Next page. */
export const ManySessions: Story = {
  loaders: [as("owner", { people: 60 })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await ready(canvasElement);
    await expect(within(table).getAllByRole("row")).toHaveLength(51);
    await expect(canvas.getByText("1–50 of 61")).toBeInTheDocument();
    await userEvent.click(canvas.getByRole("button", { name: "Next page" }));
    await expect(await canvas.findByText("51–61 of 61")).toBeInTheDocument();
  },
};

/** Nobody is signed in. */
export const Empty: Story = {
  loaders: [as("owner", { people: 0, ownerSignedIn: false })],
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText("No one is signed in right now."),
    ).toBeInTheDocument();
  },
};

/**
 * A clinic manager (R4) sees the sessions of people sharing a clinic; End only where core allows,
 * elsewhere disabled with core's reason.
 */
export const ClinicManager: Story = {
  loaders: [as("clinicManager", { people: 12, clinicTeam: true })],
  play: async ({ canvasElement }) => {
    const table = await ready(canvasElement);
    const ends = within(table).getAllByRole("button", { name: /^End session for / });
    const refused = ends.filter((b) => b.getAttribute("aria-disabled") === "true");
    await expect(refused.length).toBeGreaterThan(0);
    await expect(refused.length).toBeLessThan(ends.length);
    await expect(
      within(table).getByRole("button", { name: "End session for Cora Colleague" }),
    ).not.toHaveAttribute("aria-disabled");
    // Core's reason: someone outside the clinic's locations, or holding more than the manager (R3).
    await expect(
      refused.find((b) => !b.closest("tr")?.hasAttribute("data-self")),
    ).toHaveAccessibleDescription(/outside yours|permissions you do not have/);
  },
};

/** Staff who may not manage users: core's `canOpenScreen` says no, so the calm NoAccess state, not an error. */
export const NoAccess: Story = {
  loaders: [as("readOnly")],
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText("You don't have access to Sessions — ask an administrator."),
    ).toBeInTheDocument();
  },
};

/** First paint while the directory answers slowly. */
export const Loading: Story = loadingStory(sessionsWorld);

/** The session's user no longer exists: core answers an error and the widget offers a retry. */
export const ErrorState: Story = loadErrorStory("The sessions could not be loaded.");

/** The dark theme. */
export const Dark: Story = {
  render: (args, { loaded }) => (
    <div style={{ background: "#0b1020" }}>
      <StoryFrame directory={(loaded as Loaded).directory} theme="dark">
        <SessionsManager {...args} />
      </StoryFrame>
    </div>
  ),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
  },
};
