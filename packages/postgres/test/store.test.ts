import { DirectoryError } from "@staffroom/core";
import { FIXTURE_PASSWORD } from "@staffroom/core/testing";
import { afterAll, describe, expect, it } from "vitest";
import { postgresStore } from "../src/index";
import { pgliteDatabase } from "./support/databases";
import { lazyDatabase, type PostgresWorld, postgresWorld } from "./support/world";

const db = lazyDatabase(pgliteDatabase);
afterAll(db.close);

async function worldWithStaff(): Promise<PostgresWorld> {
  const world = await postgresWorld(await db.get());
  const owner = world.directory.forActor({ organizationId: world.organization.id, userId: world.owner.id });
  const role = (await owner.roles.list()).find((r) => r.template === "front_desk");
  for (const [givenName, familyName] of [
    ["Ana", "Lopez"],
    ["Ben", "O'Hara"],
    ["Chloé", "Smith"],
  ] as const) {
    await owner.users.create({
      email: `${givenName.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")}@harbor-urgent-care.example`,
      profile: { givenName, familyName },
      roleId: role?.id ?? "",
      locationAccess: "organization",
      primaryLocationId: world.location.id,
      password: FIXTURE_PASSWORD,
    });
  }
  return world;
}

describe("PGlite store: hostile input", () => {
  it("search terms are substrings, never patterns or SQL: %, _, \\ and quotes match literally", async () => {
    const world = await worldWithStaff();
    const owner = world.directory.forActor({ organizationId: world.organization.id, userId: world.owner.id });
    for (const search of ["%", "_", "\\", "' OR '1'='1", "%'; DROP TABLE users; --"])
      expect((await owner.users.list({ search })).total).toBe(0);
    expect((await owner.users.list({ search: "o'h" })).items.map((u) => u.profile.familyName)).toEqual([
      "O'Hara",
    ]);
    expect((await owner.users.list({ search: "chloé" })).total).toBe(1);
    expect((await owner.users.list({})).total).toBe(4);
  });

  it("R14 a forged, truncated or foreign cursor is a validation error on cursor", async () => {
    const world = await worldWithStaff();
    const owner = world.directory.forActor({ organizationId: world.organization.id, userId: world.owner.id });
    const first = await owner.users.list({ limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    const forged = btoa(JSON.stringify([1, "x", "a' OR 1=1 --", "usr_0000000000"])).replace(/=+$/, "");
    for (const cursor of [forged, "not a cursor", (first.nextCursor ?? "").slice(0, 10)]) {
      const error = await owner.users.list({ limit: 1, cursor }).catch((e: unknown) => e);
      expect(DirectoryError.is(error, "validation")).toBe(true);
      expect((error as DirectoryError).issues[0]?.path).toEqual(["cursor"]);
    }
    // The cursor of one query is refused by another (here: another sort).
    const error = await owner.users
      .list({ limit: 1, sort: "email", cursor: first.nextCursor })
      .catch((e: unknown) => e);
    expect(DirectoryError.is(error, "validation")).toBe(true);
    const second = await owner.users.list({ limit: 1, cursor: first.nextCursor });
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
  });

  it("R18 audit.verify() finds an event edited directly in the database", async () => {
    const world = await worldWithStaff();
    const owner = world.directory.forActor({ organizationId: world.organization.id, userId: world.owner.id });
    expect((await owner.audit.verify()).ok).toBe(true);
    const pglite = (await db.get()).client as { query(text: string, params?: unknown[]): Promise<unknown> };
    await pglite.query(
      `UPDATE audit_events SET event = jsonb_set(event::jsonb, '{action}', '"user.restored"')::json
       WHERE organization_id = $1 AND sequence = 2`,
      [world.organization.id],
    );
    expect(await owner.audit.verify()).toMatchObject({ ok: false, firstBadSequence: 2, problem: "edited" });
  });

  it("a write inside a read-only transaction raises and changes nothing; a finished transaction refuses calls", async () => {
    const world = await postgresWorld(await db.get());
    const store = postgresStore({ client: (await db.get()).client });
    await expect(
      store.transaction((tx) => tx.deleteUser(world.organization.id, world.owner.id), { readOnly: true }),
    ).rejects.toThrow(/read-only/);
    let leaked: Parameters<Parameters<typeof store.transaction>[0]>[0] | null = null;
    await store.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(
      (leaked as unknown as { getAccount(id: string): Promise<unknown> }).getAccount("x"),
    ).rejects.toThrow(/finished/);
    const owner = await store.transaction((tx) => tx.getUser(world.organization.id, world.owner.id), {
      readOnly: true,
    });
    expect(owner?.id).toBe(world.owner.id);
  });

  it("a finished read-only transaction refuses every read, also those its snapshot could answer", async () => {
    const world = await postgresWorld(await db.get());
    const store = postgresStore({ client: (await db.get()).client });
    let leaked: Parameters<Parameters<typeof store.transaction>[0]>[0] | null = null;
    const read = await store.transaction(
      async (tx) => {
        leaked = tx;
        return tx.getUser(world.organization.id, world.owner.id);
      },
      { readOnly: true },
    );
    expect(read?.id).toBe(world.owner.id);
    const tx = leaked as unknown as Parameters<Parameters<typeof store.transaction>[0]>[0];
    await expect(tx.getUser(world.organization.id, world.owner.id)).rejects.toThrow(/finished/);
    await expect(tx.getRole(world.organization.id, read?.roleId ?? "")).rejects.toThrow(/finished/);
  });
});
