import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { StaffroomProvider } from "../provider/StaffroomProvider";
import { Menu, type MenuItem } from "./Menu";

function setup(items?: readonly MenuItem[]) {
  const chosen = vi.fn<(key: string) => void>();
  const list: readonly MenuItem[] = items ?? [
    { key: "edit", label: "Edit", onSelect: () => chosen("edit") },
    { key: "disable", label: "Disable", tone: "danger", onSelect: () => chosen("disable") },
    { key: "reset", label: "Reset password", onSelect: () => chosen("reset") },
  ];
  const user = userEvent.setup();
  render(
    <StaffroomProvider>
      <button type="button">Before</button>
      <Menu label="Actions for Jane Smith RN" items={list} emptyLabel="No actions available" />
    </StaffroomProvider>,
  );
  const trigger = screen.getByRole("button", { name: "Actions for Jane Smith RN" });
  return { user, trigger, chosen };
}

const item = (name: string) => screen.getByRole("menuitem", { name });

describe("Menu (menu button pattern)", () => {
  it("opens from the keyboard on the first item, moves with arrows, Home and End, wrapping", async () => {
    const { user, trigger } = setup();
    expect(trigger).toHaveAttribute("aria-haspopup", "menu");
    expect(trigger).toHaveAttribute("aria-expanded", "false");
    trigger.focus();
    await user.keyboard("{Enter}");
    const menu = await screen.findByRole("menu", { name: "Actions for Jane Smith RN" });
    expect(trigger).toHaveAttribute("aria-expanded", "true");
    expect(trigger).toHaveAttribute("aria-controls", menu.id);
    await waitFor(() => expect(item("Edit")).toHaveFocus());
    await user.keyboard("{ArrowDown}");
    expect(item("Disable")).toHaveFocus();
    await user.keyboard("{End}");
    expect(item("Reset password")).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(item("Edit")).toHaveFocus();
    await user.keyboard("{ArrowUp}");
    expect(item("Reset password")).toHaveFocus();
    await user.keyboard("{Home}");
    expect(item("Edit")).toHaveFocus();
  });

  it("opens on the last item with ArrowUp and jumps by first letter", async () => {
    const { user, trigger } = setup();
    trigger.focus();
    await user.keyboard("{ArrowUp}");
    await waitFor(() => expect(item("Reset password")).toHaveFocus());
    await user.keyboard("d");
    expect(item("Disable")).toHaveFocus();
    await user.keyboard("e");
    expect(item("Edit")).toHaveFocus();
  });

  it("chooses with Enter, closes, and gives focus back to the button", async () => {
    const { user, trigger, chosen } = setup();
    trigger.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(item("Edit")).toHaveFocus());
    await user.keyboard("{ArrowDown}{Enter}");
    expect(chosen).toHaveBeenCalledExactlyOnceWith("disable");
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
  });

  it("chooses the item that has focus, however it got there", async () => {
    const { user, trigger, chosen } = setup();
    trigger.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(item("Edit")).toHaveFocus());
    item("Reset password").focus();
    await user.keyboard("{Enter}");
    expect(chosen).toHaveBeenCalledExactlyOnceWith("reset");
  });

  it("closes on Escape (focus back on the button) and on a click outside, choosing nothing", async () => {
    const { user, trigger, chosen } = setup();
    await user.click(trigger);
    await screen.findByRole("menu");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
    await user.click(trigger);
    await screen.findByRole("menu");
    await user.click(screen.getByRole("button", { name: "Before" }));
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
    expect(chosen).not.toHaveBeenCalled();
  });

  it("stays open on the late scroll event of a scroll made before it opened; a scroll that moves its button closes it", async () => {
    // Issue 13: the browser brought a half-hidden ⋯ button of a wide table into view and the click
    // opened the menu; the scroll event, dispatched a frame later, closed it — the click was lost.
    const { user, trigger } = setup();
    let left = 500;
    vi.spyOn(trigger, "getBoundingClientRect").mockImplementation(() => new DOMRect(left, 100, 32, 32));
    await user.click(trigger);
    const menu = await screen.findByRole("menu");
    fireEvent.scroll(document.body);
    expect(menu).toBeInTheDocument();
    expect(trigger).toHaveAttribute("aria-expanded", "true");
    left = 440;
    fireEvent.scroll(document.body);
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
    expect(trigger).toHaveAttribute("aria-expanded", "false");
  });

  it("chooses with a click; the trigger toggles it shut", async () => {
    const { user, trigger, chosen } = setup();
    await user.click(trigger);
    await user.click(item("Reset password"));
    expect(chosen).toHaveBeenCalledExactlyOnceWith("reset");
    await user.click(trigger);
    await screen.findByRole("menu");
    await user.click(trigger);
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
  });

  it("shows the empty label as one disabled item that does nothing", async () => {
    const { user, trigger } = setup([]);
    await user.click(trigger);
    const empty = await screen.findByRole("menuitem", { name: "No actions available" });
    expect(empty).toHaveAttribute("aria-disabled", "true");
    await user.click(empty);
    expect(screen.getByRole("menu")).toBeInTheDocument();
  });

  it("carries the host's theme class and the theme onto the portalled panel", async () => {
    const user = userEvent.setup();
    render(
      <StaffroomProvider className="acme" theme="dark">
        <Menu label="Actions" items={[{ key: "a", label: "Edit", onSelect: () => {} }]} />
      </StaffroomProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Actions" }));
    const scope = (await screen.findByRole("menu")).closest(".sr-root");
    expect(scope).not.toBeNull();
    expect(scope).toHaveClass("acme");
    expect(scope).toHaveAttribute("data-theme", "dark");
  });

  it("opens its panel inside the button's landmark (axe region), not loose in the body", async () => {
    const user = userEvent.setup();
    render(
      <StaffroomProvider>
        <main>
          <Menu label="Actions" items={[{ key: "a", label: "Edit", onSelect: () => {} }]} />
        </main>
      </StaffroomProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Actions" }));
    const menu = await screen.findByRole("menu");
    expect(screen.getByRole("main")).toContainElement(menu);
  });

  it("portals its panel into the provider's portalContainer when the host gives one", async () => {
    const user = userEvent.setup();
    const layer = document.createElement("div");
    document.body.append(layer);
    render(
      <StaffroomProvider portalContainer={layer} theme="dark">
        <main>
          <Menu label="Actions" items={[{ key: "a", label: "Edit", onSelect: () => {} }]} />
        </main>
      </StaffroomProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Actions" }));
    const menu = await screen.findByRole("menu");
    expect(layer).toContainElement(menu);
    expect(menu.closest(".sr-root")).toHaveAttribute("data-theme", "dark");
    layer.remove();
  });
});
