import type { DirectoryAuth } from "@staffroom/core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { Say } from "../../testing/story-locale";
import { AuthFrame } from "./AuthFrame";
import { accountWorld, resetToken } from "./account-world";
import { ResetPasswordForm } from "./ResetPasswordForm";

type Loaded = { auth: DirectoryAuth; token: string };

const meta = {
  title: "Account/ResetPasswordForm",
  component: ResetPasswordForm,
  args: {
    token: "",
    onReset: fn(),
    signInLink: (
      <a href="#sign-in">
        <Say en="Sign in" es="Iniciar sesión" />
      </a>
    ),
    requestNewLink: (
      <a href="#forgot">
        <Say en="Send me a new link" es="Enviarme un enlace nuevo" />
      </a>
    ),
  },
  loaders: [
    async (): Promise<Loaded> => {
      const world = await accountWorld();
      return { auth: world.auth, token: await resetToken(world) };
    },
  ],
  render: (args, { loaded }) => {
    const { auth, token } = loaded as Loaded;
    return (
      <AuthFrame auth={auth}>
        <ResetPasswordForm {...args} token={token} />
      </AuthFrame>
    );
  },
} satisfies Meta<typeof ResetPasswordForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const fill = async (canvasElement: HTMLElement, password: string, confirm = password) => {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByLabelText(/^New password/), password);
  await userEvent.type(canvas.getByLabelText(/^Confirm the new password/), `${confirm}{Enter}`);
};

/** W13: a new password from the emailed link; every session ends; nobody is signed in. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    await fill(canvasElement, "orchard-lantern-river-ninety");
    await expect(await within(canvasElement).findByText("Your password was changed")).toBeInTheDocument();
    await expect(args.onReset).toHaveBeenCalled();
  },
};

/** R16: core refuses too short a password, on the field. */
export const PolicyError: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, "too-short");
    await expect(await within(canvasElement).findByText("Use at least 12 characters.")).toBeInTheDocument();
  },
};

/** R15: the link is older than 60 minutes. */
export const ExpiredLink: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const world = await accountWorld();
      const token = await resetToken(world);
      world.clock.advance(61 * 60_000);
      return { auth: world.auth, token };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fill(canvasElement, "orchard-lantern-river-ninety");
    await expect(await canvas.findByRole("alert")).toHaveTextContent("This reset link can't be used");
    await expect(canvas.getByRole("link", { name: "Send me a new link" })).toBeInTheDocument();
  },
};

/** The dark theme, mid-typing. */
export const Dark: Story = {
  render: (args, { loaded }) => {
    const { auth, token } = loaded as Loaded;
    return (
      <div style={{ background: "#0b1020" }}>
        <AuthFrame auth={auth} theme="dark">
          <ResetPasswordForm {...args} token={token} />
        </AuthFrame>
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    await userEvent.type(within(canvasElement).getByLabelText(/^New password/), "orchard-lan");
  },
};
