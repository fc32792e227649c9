import { describe, expect, it } from "vitest";
import { memoryStore } from "./index";
import { account, id, location, org, query, role, user } from "./test-fixtures";

const ORG = id("org", 1);

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function seeded() {
  const store = memoryStore();
  await store.transaction(async (tx) => {
    await tx.insertOrganization(org(1));
    await tx.insertLocation(location(1, 1, "Downtown"));
    await tx.insertRole(role(1, 1, "Admin"));
  });
  return store;
}

describe("memoryStore transactions", () => {
  it("commits every write of a resolved transaction", async () => {
    const store = await seeded();
    await store.transaction(async (tx) => {
      expect(await tx.insertAccount(account(1, "a@clinic.org"))).toBe(true);
      expect(await tx.insertUser(user(1, 1))).toBe(true);
    });
    const read = await store.transaction(
      async (tx) => ({ a: await tx.getAccount(id("acc", 1)), u: await tx.getUser(ORG, id("usr", 1)) }),
      { readOnly: true },
    );
    expect(read.a?.email).toBe("a@clinic.org");
    expect(read.u?.id).toBe(id("usr", 1));
    expect(store.stats().commits).toBe(2);
  });

  it("R13 rolls back everything when the work rejects, rethrowing the same error", async () => {
    const store = await seeded();
    const failure = new Error("boom");
    await expect(
      store.transaction(async (tx) => {
        await tx.insertAccount(account(1, "a@clinic.org"));
        await tx.insertUser(user(1, 1));
        await tx.updateOrganization(org(1, { name: "Renamed", version: 2 }), 1);
        await tx.insertLocation(location(1, 2, "Uptown"));
        await tx.appendAuditEvent(
          {
            id: id("evt", 1),
            organizationId: ORG,
            sequence: 1,
            at: "2026-01-01T00:00:00.000Z",
            actor: { userId: null },
            action: "user.created",
            target: { type: "user", id: id("usr", 1), label: null },
            outcome: "success",
            changes: {},
            metadata: {},
            personal: [{ subject: id("usr", 1), digest: "d" }],
            previousHash: "",
            hash: "h",
          },
          [
            {
              organizationId: ORG,
              eventId: id("evt", 1),
              subject: id("usr", 1),
              salt: "s",
              values: { targetLabel: "Rolled Back" },
            },
          ],
        );
        throw failure;
      }),
    ).rejects.toBe(failure);
    await store.transaction(
      async (tx) => {
        expect(await tx.getAccount(id("acc", 1))).toBeNull();
        expect(await tx.findAccountByEmail("a@clinic.org")).toBeNull();
        expect(await tx.getUser(ORG, id("usr", 1))).toBeNull();
        expect(await tx.findUserByAccount(ORG, id("acc", 1))).toBeNull();
        expect((await tx.getOrganization(ORG))?.name).toBe("Org 1");
        expect(await tx.listLocations(ORG)).toHaveLength(1);
        expect(await tx.lastAuditEvent(ORG)).toBeNull();
        expect(await tx.listAuditPersonal(ORG, [id("evt", 1)])).toEqual([]);
        expect((await tx.queryUsers(ORG, query())).total).toBe(0);
        expect(await tx.countUsers(ORG, { statuses: ["active"] })).toBe(0);
      },
      { readOnly: true },
    );
    expect(store.stats().rollbacks).toBe(1);
  });

  it("rethrows non-Error rejections unchanged too", async () => {
    const store = await seeded();
    await expect(store.transaction(() => Promise.reject("plain"))).rejects.toBe("plain");
  });

  it("lets a transaction read its own writes", async () => {
    const store = await seeded();
    await store.transaction(async (tx) => {
      await tx.insertAccount(account(1, "a@clinic.org"));
      expect((await tx.findAccountByEmail("a@clinic.org"))?.id).toBe(id("acc", 1));
      await tx.insertUser(user(1, 1, { given: "Zed", family: "Quux" }));
      expect((await tx.getUser(ORG, id("usr", 1)))?.profile.givenName).toBe("Zed");
      expect((await tx.findUserByAccount(ORG, id("acc", 1)))?.id).toBe(id("usr", 1));
      expect((await tx.listUsersByAccount(id("acc", 1))).map((u) => u.id)).toEqual([id("usr", 1)]);
      const page = await tx.queryUsers(ORG, query({ terms: ["quux"] }));
      expect(page.items.map((u) => u.id)).toEqual([id("usr", 1)]);
      expect(page.total).toBe(1);
      expect(await tx.countUsers(ORG, { statuses: ["active"] })).toBe(1);

      await tx.insertLocation(location(1, 2, "Alpha"));
      expect((await tx.listLocations(ORG)).map((l) => l.name)).toEqual(["Alpha", "Downtown"]);
      expect(await tx.updateRole(role(1, 1, "Zeta", { version: 2 }), 1)).toBe(true);
      expect((await tx.getRole(ORG, id("rol", 1)))?.name).toBe("Zeta");
      expect(await tx.deleteRole(ORG, id("rol", 1), 2)).toBe(true);
      expect(await tx.listRoles(ORG)).toEqual([]);

      await tx.deleteUser(ORG, id("usr", 1));
      expect(await tx.getUser(ORG, id("usr", 1))).toBeNull();
      expect(await tx.findUserByAccount(ORG, id("acc", 1))).toBeNull();
      expect((await tx.queryUsers(ORG, query())).total).toBe(0);
      await tx.deleteAccount(id("acc", 1));
      expect(await tx.findAccountByEmail("a@clinic.org")).toBeNull();
    });
  });

  it("hides a transaction's writes from others until it commits", async () => {
    const store = await seeded();
    const gate = deferred();
    const inserted = deferred();
    const writer = store.transaction(async (tx) => {
      await tx.insertAccount(account(1, "a@clinic.org"));
      inserted.resolve();
      await gate.promise;
    });
    await inserted.promise;
    // A read-only transaction does not wait for the writer, and sees committed state only.
    const during = await store.transaction((tx) => tx.getAccount(id("acc", 1)), { readOnly: true });
    expect(during).toBeNull();
    gate.resolve();
    await writer;
    const after = await store.transaction((tx) => tx.getAccount(id("acc", 1)), { readOnly: true });
    expect(after?.email).toBe("a@clinic.org");
  });

  it("serialises writers: two parallel read-modify-write transactions both apply", async () => {
    const store = await seeded();
    const bump = () =>
      store.transaction(
        async (tx) => {
          const current = await tx.getOrganization(ORG);
          if (!current) throw new Error("missing");
          // Yield so that, without serialisation, the other transactions would read the same version.
          for (let i = 0; i < 10; i++) await Promise.resolve();
          return tx.updateOrganization({ ...current, version: current.version + 1 }, current.version);
        },
        { lock: [ORG] },
      );
    const results = await Promise.all([bump(), bump(), bump()]);
    expect(results).toEqual([true, true, true]);
    const final = await store.transaction((tx) => tx.getOrganization(ORG), { readOnly: true });
    expect(final?.version).toBe(4);
  });

  it("keeps the writer chain alive after a rejected transaction", async () => {
    const store = await seeded();
    const order: string[] = [];
    const first = store.transaction(async () => {
      order.push("first");
      throw new Error("first fails");
    });
    const second = store.transaction(async (tx) => {
      order.push("second");
      return tx.insertAccount(account(2, "b@clinic.org"));
    });
    await expect(first).rejects.toThrow("first fails");
    expect(await second).toBe(true);
    expect(order).toEqual(["first", "second"]);
  });

  it("throws an Error on writes inside a read-only transaction", async () => {
    const store = await seeded();
    await expect(
      store.transaction((tx) => tx.insertAccount(account(1, "a@clinic.org")), { readOnly: true }),
    ).rejects.toThrow(/read-only/);
  });

  it("throws when a finished transaction is used", async () => {
    const store = await seeded();
    let leaked: Parameters<Parameters<typeof store.transaction>[0]>[0] | null = null;
    await store.transaction(async (tx) => {
      leaked = tx;
    });
    const tx = leaked as unknown as { getOrganization(id: string): Promise<unknown> };
    await expect(tx.getOrganization(ORG)).rejects.toThrow(/finished/);
  });

  it("stores frozen copies: neither the input nor a returned record can change stored state", async () => {
    const store = await seeded();
    const input = user(1, 1, { given: "Jane" });
    await store.transaction(async (tx) => {
      await tx.insertUser(input);
    });
    (input.profile as { givenName: string }).givenName = "Mutated";
    const read = await store.transaction((tx) => tx.getUser(ORG, id("usr", 1)), { readOnly: true });
    if (!read) throw new Error("missing");
    expect(read.profile.givenName).toBe("Jane");
    expect(() => {
      (read.profile as { givenName: string }).givenName = "Changed";
    }).toThrow(TypeError);
    expect(() => {
      (read.licences as string[]).push("x");
    }).toThrow(TypeError);
    const again = await store.transaction((tx) => tx.getUser(ORG, id("usr", 1)), { readOnly: true });
    expect(again?.profile.givenName).toBe("Jane");
  });

  it("close() is an idempotent no-op", async () => {
    const store = await seeded();
    await store.close();
    await store.close();
  });
});
