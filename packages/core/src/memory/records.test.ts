import { describe, expect, it } from "vitest";
import { DirectoryError } from "../errors/directory-error";
import type { StoreTransaction } from "../store/store.port";
import { memoryStore } from "./index";
import { account, auditEvent, id, invitation, location, org, role, user } from "./test-fixtures";

const ORG = id("org", 1);
const ORG2 = id("org", 2);

async function withStore() {
  const store = memoryStore();
  const write = <T>(work: (tx: StoreTransaction) => Promise<T>) => store.transaction(work);
  const read = <T>(work: (tx: StoreTransaction) => Promise<T>) => store.transaction(work, { readOnly: true });
  await write(async (tx) => {
    await tx.insertOrganization(org(1));
    await tx.insertOrganization(org(2));
  });
  return { store, write, read };
}

describe("R12 compare-and-set", () => {
  it("updates only when the stored version is the expected one", async () => {
    const { write, read } = await withStore();
    await write(async (tx) => {
      await tx.insertLocation(location(1, 1, "Downtown"));
      await tx.insertRole(role(1, 1, "Admin"));
      await tx.insertAccount(account(1, "a@clinic.org"));
      await tx.insertUser(user(1, 1));
    });
    await write(async (tx) => {
      expect(await tx.updateOrganization(org(1, { name: "Stale", version: 3 }), 2)).toBe(false);
      expect(await tx.updateLocation(location(1, 1, "Stale", { version: 3 }), 2)).toBe(false);
      expect(await tx.updateRole(role(1, 1, "Stale", { version: 3 }), 2)).toBe(false);
      expect(await tx.deleteRole(ORG, id("rol", 1), 2)).toBe(false);
      expect(await tx.updateAccount(account(1, "stale@clinic.org", { version: 3 }), 2)).toBe(false);
      expect(await tx.updateUser(user(1, 1, { given: "Stale", version: 3 }), 2)).toBe(false);
    });
    const state = await read(async (tx) => ({
      org: await tx.getOrganization(ORG),
      loc: await tx.getLocation(ORG, id("loc", 1)),
      role: await tx.getRole(ORG, id("rol", 1)),
      acc: await tx.getAccount(id("acc", 1)),
      usr: await tx.getUser(ORG, id("usr", 1)),
    }));
    expect(state.org?.name).toBe("Org 1");
    expect(state.loc?.name).toBe("Downtown");
    expect(state.role?.name).toBe("Admin");
    expect(state.acc?.email).toBe("a@clinic.org");
    expect(state.usr?.profile.givenName).toBe("Jane");

    await write(async (tx) => {
      expect(await tx.updateOrganization(org(1, { name: "Fresh", version: 2 }), 1)).toBe(true);
      expect(await tx.updateUser(user(1, 1, { given: "Fresh", version: 2 }), 1)).toBe(true);
      // The second update in the same transaction must use the version it just wrote.
      expect(await tx.updateUser(user(1, 1, { given: "Again", version: 3 }), 1)).toBe(false);
      expect(await tx.updateUser(user(1, 1, { given: "Again", version: 3 }), 2)).toBe(true);
    });
    expect((await read((tx) => tx.getUser(ORG, id("usr", 1))))?.profile.givenName).toBe("Again");
  });

  it("returns false for missing records, and for records of another organization", async () => {
    const { write } = await withStore();
    await write(async (tx) => {
      await tx.insertLocation(location(1, 1, "Downtown"));
      expect(await tx.updateOrganization(org(9), 1)).toBe(false);
      expect(await tx.updateLocation(location(2, 1, "Other org"), 1)).toBe(false);
      expect(await tx.getLocation(ORG2, id("loc", 1))).toBeNull();
      expect(await tx.updateRole(role(1, 5, "Missing"), 1)).toBe(false);
      expect(await tx.deleteRole(ORG, id("rol", 5), 1)).toBe(false);
      expect(await tx.updateAccount(account(5, "x@clinic.org"), 1)).toBe(false);
      expect(await tx.updateUser(user(1, 5), 1)).toBe(false);
      expect(await tx.updateInvitation(invitation(1, 5, 5, "t"))).toBe(false);
    });
  });

  it("treats changing a user's accountId as a bug", async () => {
    const { write } = await withStore();
    await write((tx) => tx.insertUser(user(1, 1)));
    await expect(write((tx) => tx.updateUser(user(1, 1, { accountN: 2, version: 2 }), 1))).rejects.toThrow(
      /accountId/,
    );
  });

  it("treats duplicate ids as bugs", async () => {
    const { write } = await withStore();
    await expect(write((tx) => tx.insertOrganization(org(1)))).rejects.toThrow(/Duplicate/);
  });
});

describe("uniqueness", () => {
  it("R1 refuses a second account with the same email, and an email change onto another account's", async () => {
    const { write, read } = await withStore();
    await write(async (tx) => {
      expect(await tx.insertAccount(account(1, "a@clinic.org"))).toBe(true);
      expect(await tx.insertAccount(account(2, "a@clinic.org"))).toBe(false);
      expect(await tx.insertAccount(account(2, "b@clinic.org"))).toBe(true);
    });
    await write(async (tx) => {
      expect(await tx.insertAccount(account(3, "a@clinic.org"))).toBe(false);
      expect(await tx.updateAccount(account(2, "a@clinic.org", { version: 2 }), 1)).toBe(false);
      // Keeping one's own email is fine.
      expect(await tx.updateAccount(account(2, "b@clinic.org", { version: 2 }), 1)).toBe(true);
    });
    expect((await read((tx) => tx.findAccountByEmail("b@clinic.org")))?.version).toBe(2);
  });

  it("frees an email when its account changes email or is deleted", async () => {
    const { write, read } = await withStore();
    await write(async (tx) => {
      await tx.insertAccount(account(1, "a@clinic.org"));
      await tx.insertAccount(account(2, "b@clinic.org"));
    });
    // Swap the two emails through a temporary one, in one transaction.
    await write(async (tx) => {
      expect(await tx.updateAccount(account(1, "tmp@clinic.org", { version: 2 }), 1)).toBe(true);
      expect(await tx.updateAccount(account(2, "a@clinic.org", { version: 2 }), 1)).toBe(true);
      expect(await tx.updateAccount(account(1, "b@clinic.org", { version: 3 }), 2)).toBe(true);
      expect(await tx.findAccountByEmail("tmp@clinic.org")).toBeNull();
    });
    await read(async (tx) => {
      expect((await tx.findAccountByEmail("a@clinic.org"))?.id).toBe(id("acc", 2));
      expect((await tx.findAccountByEmail("b@clinic.org"))?.id).toBe(id("acc", 1));
      expect(await tx.findAccountByEmail("tmp@clinic.org")).toBeNull();
    });
    await write((tx) => tx.deleteAccount(id("acc", 2)));
    await write(async (tx) => {
      expect(await tx.insertAccount(account(3, "a@clinic.org"))).toBe(true);
    });
  });

  it("compares emails exactly (they are normalised by core)", async () => {
    const { write } = await withStore();
    await write(async (tx) => {
      expect(await tx.insertAccount(account(1, "a@clinic.org"))).toBe(true);
      expect(await tx.insertAccount(account(2, "A@clinic.org"))).toBe(true);
    });
  });

  it("allows one membership per account and organization", async () => {
    const { write, read } = await withStore();
    await write(async (tx) => {
      expect(await tx.insertUser(user(1, 1, { accountN: 7 }))).toBe(true);
      expect(await tx.insertUser(user(1, 2, { accountN: 7 }))).toBe(false);
      expect(await tx.insertUser(user(2, 3, { accountN: 7 }))).toBe(true);
    });
    await write(async (tx) => {
      expect(await tx.insertUser(user(1, 4, { accountN: 7 }))).toBe(false);
      await tx.deleteUser(ORG, id("usr", 1));
      expect(await tx.insertUser(user(1, 4, { accountN: 7 }))).toBe(true);
    });
    await read(async (tx) => {
      expect((await tx.findUserByAccount(ORG, id("acc", 7)))?.id).toBe(id("usr", 4));
      expect((await tx.listUsersByAccount(id("acc", 7))).map((u) => u.organizationId)).toEqual([ORG, ORG2]);
      expect(await tx.getUser(ORG2, id("usr", 4))).toBeNull();
    });
  });
});

describe("lists and lookups", () => {
  it("orders locations and roles by lower-cased name, then id", async () => {
    const { write, read } = await withStore();
    await write(async (tx) => {
      await tx.insertLocation(location(1, 3, "beta"));
      await tx.insertLocation(location(1, 1, "Beta"));
      await tx.insertLocation(location(1, 2, "Alpha", { archived: true }));
      await tx.insertLocation(location(2, 4, "Other org"));
      await tx.insertRole(role(1, 2, "nurse"));
      await tx.insertRole(role(1, 1, "Admin"));
      await tx.insertRole(role(1, 3, "Nurse"));
    });
    await read(async (tx) => {
      expect((await tx.listLocations(ORG)).map((l) => l.id)).toEqual([
        id("loc", 2),
        id("loc", 1),
        id("loc", 3),
      ]);
      expect((await tx.listRoles(ORG)).map((r) => r.id)).toEqual([id("rol", 1), id("rol", 2), id("rol", 3)]);
      expect(await tx.listRoles(ORG2)).toEqual([]);
      expect(await tx.listLocations(id("org", 9))).toEqual([]);
    });
  });

  it("finds invitations by token hash and the newest per user; deletes them per user", async () => {
    const { write, read } = await withStore();
    await write(async (tx) => {
      await tx.insertInvitation(invitation(1, 1, 1, "hash-1"));
      await tx.insertInvitation(invitation(1, 2, 1, "hash-2", { createdAt: "2026-01-02T00:00:00.000Z" }));
      await tx.insertInvitation(invitation(1, 3, 2, "hash-3"));
      expect((await tx.getInvitationForUser(ORG, id("usr", 1)))?.id).toBe(id("inv", 2));
    });
    await read(async (tx) => {
      expect((await tx.findInvitationByTokenHash("hash-1"))?.id).toBe(id("inv", 1));
      expect((await tx.getInvitationForUser(ORG, id("usr", 1)))?.id).toBe(id("inv", 2));
      expect(await tx.getInvitationForUser(ORG2, id("usr", 1))).toBeNull();
    });
    await write(async (tx) => {
      // Resending rotates the token.
      expect(await tx.updateInvitation(invitation(1, 2, 1, "hash-2b", { sentCount: 2 }))).toBe(true);
      expect(await tx.findInvitationByTokenHash("hash-2")).toBeNull();
      expect((await tx.findInvitationByTokenHash("hash-2b"))?.sentCount).toBe(2);
    });
    await read(async (tx) => {
      expect(await tx.findInvitationByTokenHash("hash-2")).toBeNull();
      expect((await tx.findInvitationByTokenHash("hash-2b"))?.sentCount).toBe(2);
    });
    await write(async (tx) => {
      await tx.deleteInvitationsForUser(ORG, id("usr", 1));
      expect(await tx.getInvitationForUser(ORG, id("usr", 1))).toBeNull();
    });
    await read(async (tx) => {
      expect(await tx.getInvitationForUser(ORG, id("usr", 1))).toBeNull();
      expect(await tx.findInvitationByTokenHash("hash-1")).toBeNull();
      expect((await tx.findInvitationByTokenHash("hash-3"))?.id).toBe(id("inv", 3));
    });
  });
});

describe("audit log", () => {
  async function withEvents(n: number) {
    const s = await withStore();
    await s.write(async (tx) => {
      for (let i = 1; i <= n; i++) await tx.appendAuditEvent(auditEvent(1, i), []);
      await tx.appendAuditEvent(auditEvent(2, 1), []);
    });
    return s;
  }

  it("R18 appends, returns the last event, and refuses a sequence that does not follow", async () => {
    const { write, read } = await withEvents(3);
    expect((await read((tx) => tx.lastAuditEvent(ORG)))?.sequence).toBe(3);
    expect(await read((tx) => tx.lastAuditEvent(id("org", 9)))).toBeNull();
    await expect(write((tx) => tx.appendAuditEvent(auditEvent(1, 3), []))).rejects.toThrow(/sequence/);
    await write(async (tx) => {
      await tx.appendAuditEvent(auditEvent(1, 4), []);
      expect((await tx.lastAuditEvent(ORG))?.sequence).toBe(4);
      expect((await tx.scanAuditEvents(ORG, 2, 10)).map((e) => e.sequence)).toEqual([3, 4]);
    });
  });

  it("lists newest first with filters, totals and cursors", async () => {
    const { read } = await withEvents(25);
    const all = await read((tx) => tx.listAuditEvents(ORG, { limit: 10, cursor: null }));
    expect(all.total).toBe(25);
    expect(all.items.map((e) => e.sequence)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    const sequences: number[] = [];
    let cursor: string | null = null;
    do {
      const q: { action: string; limit: number; cursor: string | null } = {
        action: "user.updated",
        limit: 4,
        cursor,
      };
      const page = await read((tx) => tx.listAuditEvents(ORG, q));
      expect(page.total).toBe(12);
      sequences.push(...page.items.map((e) => e.sequence));
      cursor = page.nextCursor;
    } while (cursor);
    expect(sequences).toEqual([24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2]);

    const ranged = await read((tx) =>
      tx.listAuditEvents(ORG, {
        from: auditEvent(1, 5).at,
        to: auditEvent(1, 8).at.replace(".000Z", "Z"),
        targetId: id("usr", 2),
        actorId: id("usr", 1),
        limit: 50,
        cursor: null,
      }),
    );
    expect(ranged.items.map((e) => e.sequence)).toEqual([7]);
    await expect(
      read((tx) => tx.listAuditEvents(ORG, { action: "user.created", limit: 4, cursor: all.nextCursor })),
    ).rejects.toBeInstanceOf(DirectoryError);
  });

  it("scans ascending after a sequence, empty past the end", async () => {
    const { read } = await withEvents(7);
    expect((await read((tx) => tx.scanAuditEvents(ORG, 0, 3))).map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect((await read((tx) => tx.scanAuditEvents(ORG, 5, 10))).map((e) => e.sequence)).toEqual([6, 7]);
    expect(await read((tx) => tx.scanAuditEvents(ORG, 7, 10))).toEqual([]);
  });

  it("offers test-only tampering (to prove that verification notices)", async () => {
    const { store, read } = await withEvents(5);
    expect(
      store.unsafe.tamperAuditEvent(ORG, 3, (event) => {
        event.action = "user.deleted";
      }),
    ).toBe(true);
    expect(store.unsafe.tamperAuditEvent(ORG, 99, () => {})).toBe(false);
    expect(store.unsafe.removeAuditEvent(ORG, 2)).toBe(true);
    store.unsafe.insertAuditEvent(auditEvent(1, 4, { hash: "forged" }));
    const events = await read((tx) => tx.scanAuditEvents(ORG, 0, 10));
    expect(events.map((e) => e.sequence)).toEqual([1, 3, 4, 4, 5]);
    expect(events[1]?.action).toBe("user.deleted");
    expect(events[3]?.hash).toBe("forged");
    expect(Object.isFrozen(events[1])).toBe(true);
  });
});
