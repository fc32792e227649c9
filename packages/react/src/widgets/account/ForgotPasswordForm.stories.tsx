import type { DirectoryAuth } from "@staffroom/core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { Say } from "../../testing/story-locale";
import { AuthFrame } from "./AuthFrame";
import { accountWorld } from "./account-world";
import { ForgotPasswordForm } from "./ForgotPasswordForm";

type Loaded = { auth: DirectoryAuth; email: string; sent: () => number };

const meta = {
  title: "Account/ForgotPasswordForm",
  component: ForgotPasswordForm,
  args: {
    onSent: fn(),
    backToSignIn: (
      <a href="#sign-in">
        <Say en="Back to sign-in" es="Volver a iniciar sesión" />
      </a>
    ),
  },
  loaders: [
    async (): Promise<Loaded> => {
      const world = await accountWorld();
      const sent = () => world.mailer.outbox.filter((m) => m.kind === "password_reset").length;
      return { auth: world.auth, email: world.owner.email, sent };
    },
  ],
  render: (args, { loaded }) => (
    <AuthFrame auth={(loaded as Loaded).auth}>
      <ForgotPasswordForm {...args} />
    </AuthFrame>
  ),
} satisfies Meta<typeof ForgotPasswordForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** W13: a known email: the link goes out; the confirmation takes focus. */
export const KnownEmail: Story = {
  play: async ({ canvasElement, args, loaded }) => {
    const { email, sent } = loaded as Loaded;
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(/^Email/), `${email}{Enter}`);
    await expect(await canvas.findByText("Check your email")).toBeInTheDocument();
    await expect(args.onSent).toHaveBeenCalled();
    await expect(sent()).toBe(1);
  },
};

/** An unknown email gets the very same confirmation, and nothing is sent. */
export const UnknownEmail: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(/^Email/), "nobody.here@harbor-urgent-care.example{Enter}");
    await expect(await canvas.findByText("Check your email")).toBeInTheDocument();
    await expect((loaded as Loaded).sent()).toBe(0);
  },
};

/** Core's email schema checks the form of the address before anything is sent. */
export const InvalidEmail: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(/^Email/), "olivia{Enter}");
    await expect(await canvas.findByText("Enter an email address like name@clinic.org.")).toBeInTheDocument();
  },
};

/** The dark theme. */
export const Dark: Story = {
  render: (args, { loaded }) => (
    <div style={{ background: "#0b1020" }}>
      <AuthFrame auth={(loaded as Loaded).auth} theme="dark">
        <ForgotPasswordForm {...args} />
      </AuthFrame>
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("button", { name: "Send reset link" })).toBeInTheDocument();
  },
};
