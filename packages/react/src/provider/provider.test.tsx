import { memoryWorld } from "@staffroom/core/fixtures";
import { render, renderHook, screen, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { useCan, useUserActions } from "../hooks/permissions";
import { useMe, useRoles, useUserCounts, useUsers } from "../hooks/reads";
import { useDisableUser } from "../hooks/user-mutations";
import { englishMessages, mergeMessages } from "../messages/messages";
import { seededWorld } from "../testing/seeded-world";
import { useAuth, useDirectory, useMessages } from "./context";
import { StaffroomProvider } from "./StaffroomProvider";

describe("StaffroomProvider", () => {
  it("context hooks throw outside the provider", () => {
    expect(() => renderHook(() => useMessages())).toThrow(/inside <StaffroomProvider>/);
    expect(() => renderHook(() => useDirectory())).toThrow(/inside <StaffroomProvider>/);
  });

  it("useDirectory and useAuth explain what the provider lacks", () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <StaffroomProvider>{children}</StaffroomProvider>
    );
    expect(() => renderHook(() => useDirectory(), { wrapper })).toThrow(/no StaffDirectory/);
    expect(() => renderHook(() => useAuth(), { wrapper })).toThrow(/no DirectoryAuth/);
  });

  it("merges message overrides over the English defaults", () => {
    const merged = mergeMessages(englishMessages, {
      common: { cancel: "Annuler" },
      directory: { title: "Équipe" },
    });
    expect(merged.common.cancel).toBe("Annuler");
    expect(merged.common.save).toBe("Save");
    expect(merged.directory.title).toBe("Équipe");
    expect(merged.directory.columns.name).toBe("Name");
  });

  it("scopes theme and density on one root element and adds no global styles", () => {
    render(
      <StaffroomProvider theme="dark" density="compact">
        <span>inside</span>
      </StaffroomProvider>,
    );
    const root = screen.getByText("inside").parentElement;
    expect(root).toHaveClass("sr-root");
    expect(root).toHaveAttribute("data-theme", "dark");
    expect(root).toHaveAttribute("data-density", "compact");
  });
});

describe("hooks over a memory directory", () => {
  it("load the actor, then answer can() and users.actions() from core", async () => {
    const world = await memoryWorld();
    const directory = world.as(world.owner.id) as Awaited<ReturnType<typeof world.as>>;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <StaffroomProvider directory={directory}>{children}</StaffroomProvider>
    );
    const { result } = renderHook(
      () => ({ me: useMe(), can: useCan("users.manage"), actionsOf: useUserActions() }),
      { wrapper },
    );
    expect(result.current.can).toBe(false);
    await waitFor(() => expect(result.current.can).toBe(true));
    expect(result.current.me.data?.user.email).toBe(world.owner.email);
    expect(result.current.actionsOf(world.owner)).toEqual(directory.users.actions(world.owner));
  });

  it("share one request per key and refresh lists and counts after a write", async () => {
    const seeded = await seededWorld({ users: 6 });
    const calls = { list: 0 };
    const list = seeded.owner.users.list.bind(seeded.owner.users);
    seeded.owner.users.list = (q) => {
      calls.list++;
      return list(q);
    };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <StaffroomProvider directory={seeded.owner}>{children}</StaffroomProvider>
    );
    const { result } = renderHook(
      () => ({
        a: useUsers({ status: "active" }),
        b: useUsers({ status: "active" }),
        counts: useUserCounts(),
        roles: useRoles(),
        disable: useDisableUser(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.a.data).toBeDefined());
    expect(result.current.b.data).toBe(result.current.a.data);
    expect(calls.list).toBe(1);
    await waitFor(() => expect(result.current.counts.data).toBeDefined());
    const before = result.current.counts.data?.active ?? 0;
    const target = result.current.a.data?.items.find(
      (u) =>
        u.email.includes("harbor") && u.id !== seeded.world.owner.id && u.id !== seeded.clinicManagerUser.id,
    );
    if (!target) throw new Error("no target");
    const pending = result.current.disable.mutate(target);
    // Optimistic: gone from the active page and counted as disabled before the server answers.
    await waitFor(() => expect(result.current.a.data?.items.some((u) => u.id === target.id)).toBe(false));
    expect(result.current.counts.data?.active).toBe(before - 1);
    await pending;
    await waitFor(() => expect(calls.list).toBeGreaterThan(1));
    expect(result.current.counts.data?.active).toBe(before - 1);
  });

  it("roll an optimistic change back when core refuses it", async () => {
    const world = await memoryWorld();
    const directory = world.as(world.owner.id);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <StaffroomProvider directory={directory as never}>{children}</StaffroomProvider>
    );
    const { result } = renderHook(
      () => ({ list: useUsers({ status: "active" }), disable: useDisableUser() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.list.data?.items).toHaveLength(1));
    // R7: the owner cannot disable themselves; the row comes back.
    await expect(result.current.disable.mutate(world.owner)).rejects.toMatchObject({ code: "rule" });
    await waitFor(() => expect(result.current.list.data?.items).toHaveLength(1));
    expect(result.current.disable.error).toMatchObject({ rule: "self_change" });
  });
});
