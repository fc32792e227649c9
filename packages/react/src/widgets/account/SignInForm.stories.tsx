import type { DirectoryAuth } from "@staffroom/core";
import { FIXTURE_PASSWORD } from "@staffroom/core/fixtures";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { Say } from "../../testing/story-locale";
import { AuthFrame } from "./AuthFrame";
import { accountWorld, fillConcurrentSeats } from "./account-world";
import { SignInForm } from "./SignInForm";

type Loaded = { auth: DirectoryAuth; email: string };

const meta = {
  title: "Account/SignInForm",
  component: SignInForm,
  args: {
    onSignedIn: fn(),
    forgotPassword: (
      <a href="#forgot">
        <Say en="Forgot your password?" es="¿Olvidó su contraseña?" />
      </a>
    ),
  },
  loaders: [
    async (): Promise<Loaded> => {
      const world = await accountWorld();
      return { auth: world.auth, email: world.owner.email };
    },
  ],
  render: (args, { loaded }) => (
    <AuthFrame auth={(loaded as Loaded).auth}>
      <SignInForm {...args} />
    </AuthFrame>
  ),
} satisfies Meta<typeof SignInForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const signIn = async (canvasElement: HTMLElement, email: string, password: string) => {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByLabelText(/^Email/), email);
  await userEvent.type(canvas.getByLabelText(/^Password/), password);
  await userEvent.keyboard("{Enter}");
};

/** W13: the owner signs in with the keyboard; the host receives the token and session. */
export const Default: Story = {
  play: async ({ canvasElement, args, loaded }) => {
    await signIn(canvasElement, (loaded as Loaded).email, FIXTURE_PASSWORD);
    await waitFor(() =>
      expect(args.onSignedIn).toHaveBeenCalledWith(
        expect.objectContaining({
          session: expect.objectContaining({ organizationName: "Harbor Urgent Care" }),
        }),
        {}, // no forced change: no temporary password is handed over
      ),
    );
  },
};

/** R17: a wrong password gets the one generic answer; the password is cleared and focused. */
export const WrongPassword: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await signIn(canvasElement, (loaded as Loaded).email, "not-the-right-password");
    await expect(await canvas.findByRole("alert")).toHaveTextContent("We couldn't sign you in");
    await expect(canvas.getByLabelText(/^Password/)).toHaveFocus();
  },
};

/** R17: a locked account with the RIGHT password gets exactly the same answer as a wrong one. */
export const LockedAccount: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const world = await accountWorld();
      for (let i = 0; i < 10; i++) {
        await world.auth.signIn({ email: world.owner.email, password: "guess-number-x" }).catch(() => null);
      }
      return { auth: world.auth, email: world.owner.email };
    },
  ],
  play: async ({ canvasElement, args, loaded }) => {
    await signIn(canvasElement, (loaded as Loaded).email, FIXTURE_PASSWORD);
    const alert = await within(canvasElement).findByRole("alert");
    await expect(alert).toHaveTextContent("The email or password is not right");
    await expect(args.onSignedIn).not.toHaveBeenCalled();
  },
};

/** R9: every concurrent seat of the organization is taken. */
export const SeatLimit: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const world = await accountWorld();
      await fillConcurrentSeats(world);
      return { auth: world.auth, email: world.owner.email };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    await signIn(canvasElement, (loaded as Loaded).email, FIXTURE_PASSWORD);
    await expect(await within(canvasElement).findByRole("alert")).toHaveTextContent(
      "No seat is free right now",
    );
  },
};

/** Both fields are required before core is asked. */
export const Required: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Sign in" }));
    await expect(await canvas.findAllByText("This field is required.")).toHaveLength(2);
    await expect(canvas.getByLabelText(/^Email/)).toHaveFocus();
  },
};

/** The dark theme, after a failed attempt. */
export const Dark: Story = {
  render: (args, { loaded }) => (
    <div style={{ background: "#0b1020" }}>
      <AuthFrame auth={(loaded as Loaded).auth} theme="dark">
        <SignInForm {...args} />
      </AuthFrame>
    </div>
  ),
  play: async ({ canvasElement, loaded }) => {
    await signIn(canvasElement, (loaded as Loaded).email, "not-the-right-password");
    await within(canvasElement).findByRole("alert");
  },
};
