import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWith } from "../../../test/render";
import { seededWorld } from "../../testing/seeded-world";
import { UserDirectory } from "./UserDirectory";

// Issue 13 item 2: a dialog opens on its first field, and closing it gives focus back to what
// opened it — never to <body>.

describe("UserDirectory focus", () => {
  it("New user opens on Email, and Escape gives focus back to New user", async () => {
    const seeded = await seededWorld({ users: 4 });
    const { user } = renderWith(seeded.owner, <UserDirectory />);
    await screen.findByRole("table", { name: "Users" });
    const create = screen.getByRole("button", { name: "New user" });
    await user.click(create);
    const dialog = await screen.findByRole("dialog", { name: "New user" });
    await waitFor(() => expect(screen.getByLabelText(/^Email/)).toHaveFocus());
    expect(dialog).not.toHaveFocus();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(create).toHaveFocus());
  });
});
