import { DirectoryError, type StaffDirectory, type User, type VersionOption } from "@staffroom/core";
import { describe, expect, it } from "vitest";
import { seededWorld } from "../testing/seeded-world";
import {
  deleteUser,
  disableUser,
  resendInvitation,
  restoreUser,
  revokeInvitation,
  type UserRef,
  unlockUser,
} from "./user-writes";

/** One of the write factories, as far as these tests use it. */
type Write = (directory: StaffDirectory) => { readonly mutate: (user: UserRef) => Promise<unknown> };

/** The directory, recording the options every user write names. */
function recording(base: StaffDirectory, seen: unknown[]): StaffDirectory {
  const users = new Proxy(base.users, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        seen.push(args[args.length - 1]);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return new Proxy(base, { get: (target, key) => (key === "users" ? users : Reflect.get(target, key)) });
}

describe("the user writes behind the hooks and the action table", () => {
  // Statuses the seeded world has: users 0–1 disabled, 3 locked, the invitees pending.
  const cases: readonly [string, Write, (users: readonly User[]) => User | undefined][] = [
    ["disable", disableUser, (u) => u.find((x) => x.status === "active" && !x.locked)],
    ["restore", restoreUser, (u) => u.find((x) => x.status === "disabled")],
    ["delete", deleteUser, (u) => u.find((x) => x.status === "disabled")],
    ["unlock", unlockUser, (u) => u.find((x) => x.locked)],
    ["resendInvitation", resendInvitation, (u) => u.find((x) => x.status === "pending")],
    ["revokeInvitation", revokeInvitation, (u) => u.find((x) => x.status === "pending")],
  ];

  for (const [name, write, pick] of cases) {
    it(`R12 ${name} names the version of the row it acts on: a row changed since is refused as stale`, async () => {
      const { owner, world } = await seededWorld({ users: 6 });
      const rows = [
        ...(await owner.users.list({ status: "active", limit: 200 })).items,
        ...(await owner.users.list({ status: "disabled", limit: 200 })).items,
        ...(await owner.users.list({ status: "pending", limit: 200 })).items,
      ];
      const row = pick(rows.filter((u) => u.id !== world.owner.id));
      if (!row) throw new Error(`no row for ${name}`);
      const seen: unknown[] = [];
      const options = write(recording(owner, seen));
      // Someone else edits the user after the row was read.
      const edited = await owner.users.update(
        row.id,
        { profile: { jobTitle: "Moved on" } },
        { version: row.version },
      );
      const stale = await options.mutate(row).catch((error: unknown) => error);
      expect(DirectoryError.is(stale, "stale"), String(stale)).toBe(true);
      expect((await owner.users.get(row.id)).version).toBe(edited.version);
      // The row as read again goes through.
      await options.mutate(edited);
      expect(seen).toEqual([
        { version: row.version } satisfies VersionOption,
        { version: edited.version } satisfies VersionOption,
      ]);
    });
  }
});
