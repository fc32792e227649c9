import { DirectoryError, type StaffDirectory } from "@staffroom/core";
import { FIXTURE_PASSWORD, memoryWorld } from "@staffroom/core/fixtures";
import { describe, expect, it } from "vitest";
import type { SessionProblem } from "./backend";
import { sessionDirectory } from "./session-directory";

/** The in-browser wiring's directory over a fresh world, signed in as its owner. */
async function signedInOwner() {
  const world = await memoryWorld();
  const { token } = await world.auth.signIn({ email: world.owner.email, password: FIXTURE_PASSWORD });
  const problems: SessionProblem[] = [];
  let authorized = 0;
  const current = async (): Promise<StaffDirectory> => {
    authorized++;
    return world.directory.forActor(await world.auth.authorize(token));
  };
  const base = world.directory.forActor(await world.auth.authorize(token));
  const directory = sessionDirectory(base, current, (problem) => problems.push(problem));
  return { world, token, directory, problems, calls: () => authorized };
}

describe("sessionDirectory", () => {
  it("checks the session before every call and answers like the directory itself", async () => {
    const { directory, calls } = await signedInOwner();
    const me = await directory.me();
    expect(directory.can("users.manage")).toBe(true);
    const offers = directory.users.actions(me.user);
    expect(offers.filter((o) => o.verdict.allowed).map((o) => o.action)).toEqual(["edit"]);
    expect(offers.find((o) => o.action === "disable")?.verdict).toMatchObject({ rule: "self_change" });
    const page = await directory.users.list();
    expect(page.items.map((u) => u.id)).toContain(me.user.id);
    expect(calls()).toBe(2);
  });

  it("reports an ended session once a call finds it gone, and still rejects with core's error", async () => {
    const { world, token, directory, problems } = await signedInOwner();
    await directory.me();
    await world.auth.signOut(token);
    await expect(directory.users.list()).rejects.toMatchObject({ code: "unauthenticated" });
    expect(problems).toEqual(["ended"]);
    // A refusal that says nothing about the session is not reported.
    const other = await signedInOwner();
    await expect(other.directory.users.get("usr_missing")).rejects.toBeInstanceOf(DirectoryError);
    expect(other.problems).toEqual([]);
  });

  it("passes each refused row of a bulk action through with core's reason", async () => {
    const { directory } = await signedInOwner();
    const me = await directory.me();
    const result = await directory.users.bulk({
      action: "disable",
      items: [{ id: me.user.id, version: me.user.version }],
    });
    expect(result.failed).toBe(1);
    const row = result.results[0];
    if (!row || row.ok) throw new Error("disabling oneself must fail");
    expect(row.error).toMatchObject({ code: "rule", rule: "self_change" });
    expect(row.error.message).not.toBe("");
  });

  it("W13 checks the session before sessions.list and sessions.end too", async () => {
    const { world, directory, calls } = await signedInOwner();
    await directory.me();
    const before = calls();
    const page = await directory.sessions.list();
    expect(page.items.map((s) => s.userId)).toEqual([world.owner.id]);
    await expect(directory.sessions.end(page.items[0]?.id ?? "")).rejects.toMatchObject({
      code: "rule",
      rule: "self_change",
    });
    expect(calls()).toBe(before + 2);
  });
});
