import type { DirectoryAuth } from "@staffroom/core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { Say } from "../../testing/story-locale";
import { AcceptInvitation } from "./AcceptInvitation";
import { AuthFrame, authWithLatency } from "./AuthFrame";
import { accountWorld, inviteExistingAccount, inviteNewPerson } from "./account-world";

type Loaded = { auth: DirectoryAuth; token: string };

const meta = {
  title: "Account/AcceptInvitation",
  component: AcceptInvitation,
  args: {
    token: "",
    onAccepted: fn(),
    signInLink: (
      <a href="#sign-in">
        <Say en="Go to sign-in" es="Ir a iniciar sesión" />
      </a>
    ),
  },
  loaders: [
    async (): Promise<Loaded> => {
      const world = await accountWorld();
      return { auth: world.auth, token: await inviteNewPerson(world) };
    },
  ],
  render: (args, { loaded }) => {
    const { auth, token } = loaded as Loaded;
    return (
      <AuthFrame auth={auth}>
        <AcceptInvitation {...args} token={token} />
      </AuthFrame>
    );
  },
} satisfies Meta<typeof AcceptInvitation>;

export default meta;
type Story = StoryObj<typeof meta>;

/** W3: a new person sets a password (the hint counts length only) and their account is ready. */
export const NewAccount: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("heading", { name: "Join Harbor Urgent Care" });
    const password = canvas.getByLabelText(/^Choose a password/);
    await userEvent.type(password, "harbor");
    await expect(password).toHaveAccessibleDescription("6 more characters needed.");
    await userEvent.type(password, "-lantern-morning-tide");
    await expect(password).toHaveAccessibleDescription(/Strong/);
    await userEvent.type(
      canvas.getByLabelText(/^Confirm the password/),
      "harbor-lantern-morning-tide{Enter}",
    );
    await expect(await canvas.findByText("Your account is ready")).toBeInTheDocument();
    await expect(args.onAccepted).toHaveBeenCalledWith(expect.objectContaining({ outcome: "activated" }));
  },
};

/** R16: core refuses a password with the person's own name, on the field. */
export const PolicyError: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("heading", { name: "Join Harbor Urgent Care" });
    await userEvent.type(canvas.getByLabelText(/^Choose a password/), "sam-lee-harbor-2026");
    await userEvent.type(canvas.getByLabelText(/^Confirm the password/), "sam-lee-harbor-2026{Enter}");
    await waitFor(() =>
      expect(canvas.getByLabelText(/^Choose a password/)).toHaveAttribute("aria-invalid", "true"),
    );
  },
};

/** W3: the email already has an account: accepting just joins the organization. */
export const ExistingAccount: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const world = await accountWorld();
      return { auth: world.auth, token: (await inviteExistingAccount(world)).token };
    },
  ],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/You already have an account/)).toBeInTheDocument();
    await userEvent.click(canvas.getByRole("button", { name: "Join Cedar Ridge Pediatrics" }));
    await expect(await canvas.findByText("You joined")).toBeInTheDocument();
    await expect(args.onAccepted).toHaveBeenCalledWith(expect.objectContaining({ outcome: "joined" }));
  },
};

/** R15: the link is older than 7 days. */
export const ExpiredLink: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const world = await accountWorld();
      const token = await inviteNewPerson(world);
      world.clock.advance(8 * 24 * 3600_000);
      return { auth: world.auth, token };
    },
  ],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/This invitation has expired/)).toBeInTheDocument();
  },
};

/** The link was already used (or revoked). */
export const UsedLink: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const world = await accountWorld();
      const token = await inviteNewPerson(world);
      await world.auth.acceptInvitation({ token, password: "first-click-wins-the-race" });
      return { auth: world.auth, token };
    },
  ],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/no longer valid/)).toBeInTheDocument();
  },
};

/** Reading the invitation takes a while. */
export const Loading: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const world = await accountWorld();
      const token = await inviteNewPerson(world);
      return { auth: authWithLatency(world.auth, Number.POSITIVE_INFINITY), token };
    },
  ],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("status")).toHaveTextContent("Loading…");
  },
};

/** The dark theme. */
export const Dark: Story = {
  render: (args, { loaded }) => {
    const { auth, token } = loaded as Loaded;
    return (
      <div style={{ background: "#0b1020" }}>
        <AuthFrame auth={auth} theme="dark">
          <AcceptInvitation {...args} token={token} />
        </AuthFrame>
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("heading", { name: "Join Harbor Urgent Care" });
    await userEvent.type(canvas.getByLabelText(/^Choose a password/), "harbor-lantern");
  },
};
