import type { DirectoryAuth } from "@staffroom/core";
import { FIXTURE_PASSWORD } from "@staffroom/core/fixtures";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { AuthFrame } from "./AuthFrame";
import { accountWorld, forcedChangeSession, ownerSession, TEMPORARY_PASSWORD } from "./account-world";
import { ChangePasswordForm } from "./ChangePasswordForm";

type Loaded = { auth: DirectoryAuth; token: string; email: string };

const meta = {
  title: "Account/ChangePasswordForm",
  component: ChangePasswordForm,
  args: { token: "", onChanged: fn(), onCancel: fn() },
  loaders: [
    async (): Promise<Loaded> => {
      const world = await accountWorld();
      return { auth: world.auth, token: await ownerSession(world), email: world.owner.email };
    },
  ],
  render: (args, { loaded }) => {
    const { auth, token, email } = loaded as Loaded;
    return (
      <AuthFrame auth={auth}>
        <ChangePasswordForm {...args} token={token} email={email} />
      </AuthFrame>
    );
  },
} satisfies Meta<typeof ChangePasswordForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const forcedWorld = async (): Promise<Loaded> => {
  const world = await accountWorld();
  return { auth: world.auth, ...(await forcedChangeSession(world)) };
};

const fill = async (canvasElement: HTMLElement, current: string, next: string, confirm = next) => {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByLabelText(/^(Current|Temporary) password/), current);
  await userEvent.type(canvas.getByLabelText(/^New password/), next);
  await userEvent.type(canvas.getByLabelText(/^Confirm the new password/), `${confirm}{Enter}`);
};

/** W13: a voluntary change, with Cancel; the session stays, others end. */
export const Voluntary: Story = {
  play: async ({ canvasElement, args }) => {
    await fill(canvasElement, FIXTURE_PASSWORD, "river-copper-window-seventy");
    await expect(await within(canvasElement).findByText("Your password was changed.")).toBeInTheDocument();
    await expect(args.onChanged).toHaveBeenCalledWith(expect.objectContaining({ mustChangePassword: false }));
  },
};

/** W5/W13: after an administrator's temporary password: explains why, no Cancel. */
export const Forced: Story = {
  args: { forced: true },
  loaders: [forcedWorld],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("heading", { name: "Choose a new password" })).toBeInTheDocument();
    await expect(canvas.queryByRole("button", { name: "Cancel" })).not.toBeInTheDocument();
    await fill(canvasElement, TEMPORARY_PASSWORD, "river-copper-window-seventy");
    await waitFor(() =>
      expect(args.onChanged).toHaveBeenCalledWith(expect.objectContaining({ mustChangePassword: false })),
    );
  },
};

/** A wrong temporary password lands on its field (and counts as a failed sign-in). */
export const WrongCurrentPassword: Story = {
  args: { forced: true },
  loaders: [forcedWorld],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fill(canvasElement, "not-the-temporary-one", "river-copper-window-seventy");
    await expect(await canvas.findByText("Your current password is not correct.")).toBeInTheDocument();
    await expect(canvas.getByLabelText(/^Temporary password/)).toHaveFocus();
  },
};

/** R16: too short, on the new password's field. */
export const PolicyError: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, FIXTURE_PASSWORD, "short-one");
    await expect(await within(canvasElement).findByText("Use at least 12 characters.")).toBeInTheDocument();
  },
};

/** The forced variant in the dark theme. */
export const Dark: Story = {
  loaders: [forcedWorld],
  render: (args, { loaded }) => {
    const { auth, token, email } = loaded as Loaded;
    return (
      <div style={{ background: "#0b1020" }}>
        <AuthFrame auth={auth} theme="dark">
          <ChangePasswordForm {...args} token={token} email={email} forced />
        </AuthFrame>
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, "not-the-temporary-one", "river-copper", "river-copper-x");
    await within(canvasElement).findByText("The passwords do not match.");
  },
};
