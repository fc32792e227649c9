import type { DirectoryAuth, SignInResult } from "@staffroom/core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { type ReactNode, useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { Say } from "../../testing/story-locale";
import { AuthFrame, authWithLatency } from "../account/AuthFrame";
import { accountWorld, ownerSession, twoOrganizations } from "../account/account-world";
import { OrganizationSwitcher, type OrganizationSwitcherProps } from "./OrganizationSwitcher";

type Loaded = { auth: DirectoryAuth; token: string };

/** A host that owns the token, as an app shell would: it stores the new one after a switch. */
function Host(props: OrganizationSwitcherProps): ReactNode {
  const [token, setToken] = useState(props.token);
  const [session, setSession] = useState<SignInResult["session"] | null>(null);
  return (
    <div style={{ display: "grid", gap: 16, justifyItems: "start", width: "100%", maxWidth: 520 }}>
      <OrganizationSwitcher
        {...props}
        token={token}
        onSwitched={(result) => {
          setToken(result.token);
          setSession(result.session);
          props.onSwitched(result);
        }}
      />
      {session ? (
        <p>
          <Say en="Signed in to" es="Sesión iniciada en" /> {session.organizationName}.
        </p>
      ) : null}
    </div>
  );
}

const meta = {
  title: "Account/OrganizationSwitcher",
  component: OrganizationSwitcher,
  args: { token: "", onSwitched: fn() },
  loaders: [
    async (): Promise<Loaded> => {
      const world = await accountWorld();
      const { token } = await twoOrganizations(world);
      return { auth: world.auth, token };
    },
  ],
  render: (args, { loaded }) => {
    const { auth, token } = loaded as Loaded;
    return (
      <AuthFrame auth={auth}>
        <Host {...args} token={token} />
      </AuthFrame>
    );
  },
} satisfies Meta<typeof OrganizationSwitcher>;

export default meta;
type Story = StoryObj<typeof meta>;

/** W3: keyboard only — Enter opens, End/Home move, Enter picks; the host stores the new token. */
export const Switch: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    const trigger = await canvas.findByRole("button", { name: /^Organization Harbor Urgent Care/ });
    trigger.focus();
    await userEvent.keyboard("{Enter}");
    const menu = await body.findByRole("menu", { name: "Your organizations" });
    // Radix moves focus into the menu once it has opened; the list is sorted, Cedar Ridge first.
    const item = (name: string) => within(menu).getByRole("menuitemradio", { name });
    await waitFor(() =>
      expect(within(menu).getAllByRole("menuitemradio")).toContain(
        body.getByRole("menu").ownerDocument.activeElement,
      ),
    );
    await userEvent.keyboard("{End}");
    await waitFor(() => expect(item("Harbor Urgent Care")).toHaveFocus());
    await userEvent.keyboard("{Home}");
    await waitFor(() => expect(item("Cedar Ridge Pediatrics")).toHaveFocus());
    await userEvent.keyboard("{Enter}");
    await expect(await canvas.findByText("Signed in to Cedar Ridge Pediatrics.")).toBeInTheDocument();
    await expect(
      await canvas.findByRole("button", { name: /^Organization Cedar Ridge Pediatrics/ }),
    ).toBeInTheDocument();
    await expect(args.onSwitched).toHaveBeenCalledTimes(1);
  },
};

/** The menu open, both organizations listed, the current one checked. */
export const Open: Story = {
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(await within(canvasElement).findByRole("button", { name: /^Organization / }));
    await expect(body.getByRole("menuitemradio", { name: "Harbor Urgent Care" })).toHaveAttribute(
      "aria-checked",
      "true",
    );
  },
};

/** One organization: just its name, nothing to open. */
export const SingleOrganization: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const world = await accountWorld();
      return { auth: world.auth, token: await ownerSession(world) };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("Harbor Urgent Care")).toBeInTheDocument();
    await expect(canvas.queryByRole("button")).not.toBeInTheDocument();
  },
};

/** While the organizations load. */
export const Loading: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const world = await accountWorld();
      const { token } = await twoOrganizations(world);
      return { auth: authWithLatency(world.auth, Number.POSITIVE_INFINITY), token };
    },
  ],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("status")).toHaveTextContent("Loading…");
  },
};

/** The session ended (signed out elsewhere): core answers unauthenticated. */
export const SessionEnded: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const world = await accountWorld();
      const { token } = await twoOrganizations(world);
      await world.auth.signOut(token);
      return { auth: world.auth, token };
    },
  ],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("alert")).toHaveTextContent(
      "Your organizations could not be loaded.",
    );
  },
};

/** The dark theme, menu open. */
export const Dark: Story = {
  render: (args, { loaded }) => {
    const { auth, token } = loaded as Loaded;
    return (
      <div style={{ background: "#0b1020" }}>
        <AuthFrame auth={auth} theme="dark">
          <Host {...args} token={token} />
        </AuthFrame>
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(await within(canvasElement).findByRole("button", { name: /^Organization / }));
    await body.findByRole("menu", { name: "Your organizations" });
  },
};
