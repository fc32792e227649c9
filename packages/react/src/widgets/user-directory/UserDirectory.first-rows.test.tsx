import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderWith } from "../../../test/render";
import { seededWorld } from "../../testing/seeded-world";
import { UserDirectory } from "./UserDirectory";
import { FIRST_ROWS } from "./UserTable";

// Issue 16: a new page paints a screenful of rows first and the rest a frame later (rendering 50
// rows of cells was most of a keystroke's work). Frames are the test's to give: requestAnimationFrame
// only queues here, so what shows before and after a frame is exact.

let frames: FrameRequestCallback[] = [];
const nextFrame = () =>
  act(async () => {
    const due = frames;
    frames = [];
    for (const callback of due) callback(performance.now());
    await new Promise((done) => setTimeout(done, 0));
  });

beforeEach(() => {
  frames = [];
  vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal("cancelAnimationFrame", () => {});
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const bodyRows = async () =>
  within(await screen.findByRole("table", { name: "Users" }))
    .getAllByRole("row")
    .slice(1);

describe("UserDirectory's first rows", () => {
  it("a page longer than a screen paints its first rows, then every row after that frame", async () => {
    const world = await seededWorld({ users: 40 });
    const active = (await world.owner.users.counts()).active;
    expect(active).toBeGreaterThan(FIRST_ROWS);
    renderWith(world.owner, <UserDirectory pageSize={50} />);
    expect(await bodyRows()).toHaveLength(FIRST_ROWS);
    await nextFrame();
    expect(await bodyRows()).toHaveLength(Math.min(active, 50));
  });

  it("an action on the same page keeps every other row: only a new page starts short", async () => {
    const world = await seededWorld({ users: 40 });
    const { user } = renderWith(world.owner, <UserDirectory pageSize={50} />);
    await bodyRows();
    await nextFrame();
    const before = await bodyRows();
    expect(before.length).toBeGreaterThan(FIRST_ROWS);
    const target = (await world.owner.users.list({ status: "active", limit: 50 })).items.find(
      (u) => u.id !== world.world.owner.id,
    );
    if (!target) throw new Error("fixture");
    await user.click(screen.getByRole("button", { name: `Actions for ${target.displayName}` }));
    await user.click(within(await screen.findByRole("menu")).getByRole("menuitem", { name: "Disable" }));
    const dialog = await screen.findByRole("dialog", { name: `Disable ${target.displayName}?` });
    await user.click(within(dialog).getByRole("button", { name: "Disable user" }));
    // No frame given: had the page started short again, it would stay at FIRST_ROWS rows.
    await waitFor(async () => expect(await bodyRows()).toHaveLength(before.length - 1));
  });
});
