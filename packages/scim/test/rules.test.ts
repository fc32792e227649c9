import { afterEach, describe, expect, it } from "vitest";
import { SCIM_URN } from "../src/index";
import { memoryBackend } from "./support/databases";
import { type ScimWorld, scimWorld } from "./support/scim-world";

const worlds: ScimWorld[] = [];
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((w) => w.close()));
});
async function world(options?: Parameters<typeof scimWorld>[1]): Promise<ScimWorld> {
  const w = await scimWorld(await memoryBackend(), options);
  worlds.push(w);
  return w;
}

const newUser = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: [SCIM_URN.user],
  userName,
  name: { givenName: "Sam", familyName: "Lee" },
  active: true,
  ...extra,
});
const patch = (...Operations: unknown[]) => ({ schemas: [SCIM_URN.patchOp], Operations });

async function groupId(w: ScimWorld, name: string): Promise<string> {
  const { body } = await w.scim(
    "GET",
    `/Groups?excludedAttributes=members&filter=${encodeURIComponent(`displayName eq "${name}"`)}`,
  );
  return body.Resources[0].id;
}

describe("every rule applies to the identity provider: refusals over SCIM (4xx, the rule in detail, nothing written)", () => {
  it("R9 a create beyond the named seats is 422 with R9 (seat_limit) in the detail, and writes nothing", async () => {
    const w = await world();
    const org = await w.owner.organization.get();
    const usage = await w.owner.organization.usage();
    await w.owner.organization.update(
      { seats: { ...org.seats, named: usage.named.used } },
      { version: org.version },
    );
    const before = (await w.allUsers()).length;
    const { status, body } = await w.scim("POST", "/Users", newUser("over.limit@harbor.example"));
    expect(status).toBe(422);
    expect(body).toMatchObject({ schemas: [SCIM_URN.error], status: "422" });
    expect(body.detail).toMatch(/^R9 \(seat_limit\): /);
    expect((await w.allUsers()).length).toBe(before);
  });

  it("R3 a member added to a role group the token may not grant (Administrator) is 403, and the user keeps their role", async () => {
    const w = await world();
    const created = (await w.scim("POST", "/Users", newUser("sam.lee@harbor.example"))).body;
    const admins = await groupId(w, "Administrator");
    const { status, body } = await w.scim(
      "PATCH",
      `/Groups/${admins}`,
      patch({ op: "add", path: "members", value: [{ value: created.id }] }),
    );
    expect(status).toBe(403);
    expect(body.detail).toMatch(/R2–R4/);
    expect((await w.owner.users.get(created.id)).roleId).toBe(w.roles.readOnly.id);
  });

  it("R4/R5 a token limited to Eastside: groups of other clinics and users elsewhere are 404 like missing ones; a user who also works elsewhere is visible but 403 to manage", async () => {
    const w = await world();
    const limited = await w.owner.provisioning.createToken({
      label: "Eastside only",
      roleIds: [w.roles.readOnly.id, w.roles.frontDesk.id],
      locationAccess: [w.locations.east],
    });
    const settings = await w.owner.provisioning.settings();
    await w.owner.provisioning.updateSettings(
      { defaultLocationAccess: [w.locations.east], defaultPrimaryLocationId: w.locations.east },
      { version: settings.version },
    );
    const created = await w.scim("POST", "/Users", newUser("east.only@harbor.example"), {
      token: limited.secret,
    });
    expect(created.status).toBe(201);
    const north = await groupId(w, "Northside Clinic staff");
    const invisible = await w.scim(
      "PATCH",
      `/Groups/${north}`,
      patch({ op: "add", path: "members", value: [{ value: created.body.id }] }),
      { token: limited.secret },
    );
    expect(invisible.status).toBe(404);
    expect((await w.owner.users.get(created.body.id)).locationAccess).toEqual([w.locations.east]);
    const northOnly = await w.owner.users.create({
      email: "north.only@harbor.example",
      profile: { givenName: "Nora", familyName: "Holm" },
      roleId: w.roles.readOnly.id,
      locationAccess: [w.locations.north],
      primaryLocationId: w.locations.north,
    });
    const far = await w.scim("GET", `/Users/${northOnly.id}`, undefined, { token: limited.secret });
    expect(far.status).toBe(404);
    const list = await w.scim("GET", "/Users?count=200", undefined, { token: limited.secret });
    const ids = list.body.Resources.map((u: { id: string }) => u.id);
    expect(ids).toContain(created.body.id);
    expect(ids).toContain(w.world.owner.id); // org-wide people share every location
    expect(ids).not.toContain(northOnly.id);
    expect(list.body.totalResults).toBe(ids.length);
    // Someone at Eastside and the main clinic: visible (they share Eastside), not the token's to manage.
    const both = await w.owner.users.create({
      email: "two.clinics@harbor.example",
      profile: { givenName: "Tomas", familyName: "Berg" },
      roleId: w.roles.readOnly.id,
      locationAccess: [w.locations.main, w.locations.east],
      primaryLocationId: w.locations.main,
    });
    expect((await w.scim("GET", `/Users/${both.id}`, undefined, { token: limited.secret })).status).toBe(200);
    const refused = await w.scim("DELETE", `/Users/${both.id}`, undefined, { token: limited.secret });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/locations outside yours/);
    expect((await w.owner.users.get(both.id)).status).toBe("active");
  });

  it("R6/R7 the main contact cannot be deactivated, edited or deleted by the token (422 R7 main_contact_only), even if it may grant Administrator", async () => {
    const w = await world();
    const mighty = await w.owner.provisioning.createToken({
      label: "Everything",
      roleIds: [w.roles.admin.id, w.roles.readOnly.id],
      locationAccess: "organization",
    });
    const id = w.world.owner.id;
    for (const [method, body] of [
      ["PATCH", patch({ op: "Replace", path: "active", value: "False" })],
      ["PATCH", patch({ op: "replace", path: "title", value: "Boss" })],
      ["DELETE", undefined],
    ] as const) {
      const answer = await w.scim(method, `/Users/${id}`, body, { token: mighty.secret });
      expect(answer.status, method).toBe(422);
      expect(answer.body.detail).toMatch(/^R7 \(main_contact_only\)/);
    }
    expect(await w.owner.users.get(id)).toMatchObject({ status: "active" });
  });

  it("R13/R18 every SCIM write is audited with the token as actor, its label chained; reads are not; verify() holds", async () => {
    const w = await world();
    const before = (await w.owner.audit.list({ limit: 1 })).total;
    const created = (
      await w.scim("POST", "/Users", newUser("audit.me@harbor.example", { externalId: "ext-1" }))
    ).body;
    await w.scim("GET", `/Users/${created.id}`);
    await w.scim("GET", "/Users");
    await w.scim("PATCH", `/Users/${created.id}`, patch({ op: "replace", path: "active", value: false }));
    const events = (await w.owner.audit.list({ actorId: w.tokenId, limit: 50 })).items;
    expect(events.map((e) => e.action)).toEqual(["user.disabled", "user.updated", "user.created"]);
    for (const e of events)
      expect(e.actor).toMatchObject({ userId: w.tokenId, label: "Okta (test)", email: null });
    expect((await w.owner.audit.list({ limit: 1 })).total).toBe(before + 3);
    expect(await w.owner.audit.verify()).toMatchObject({ ok: true });
  });

  it("R15 a revoked token is 401 at once; its secret appears in no answer or audit event", async () => {
    const w = await world();
    const [token] = await w.owner.provisioning.tokens();
    if (!token) throw new Error("no token");
    expect((await w.scim("GET", "/Users")).status).toBe(200);
    await w.owner.provisioning.revokeToken(token.id, { version: token.version });
    const { status, body } = await w.scim("GET", "/Users");
    expect(status).toBe(401);
    expect(JSON.stringify(body)).not.toContain(w.secret);
    const trail = JSON.stringify((await w.owner.audit.list({ limit: 200 })).items);
    expect(trail).not.toContain(w.secret);
  });

  it("without a default role and locations a create is 422 naming Settings › Provisioning, writing nothing", async () => {
    const w = await world({ bare: true });
    const before = (await w.allUsers()).length;
    const { status, body } = await w.scim("POST", "/Users", newUser("too.early@harbor.example"));
    expect(status).toBe(422);
    expect(body.detail).toMatch(/Settings › Provisioning/);
    expect((await w.allUsers()).length).toBe(before);
  });

  it('R16 with passwords: "set" a password becomes the person\'s (a weak one is 400 invalidValue naming password, never echoing it)', async () => {
    const w = await world({ handler: { passwords: "set" } });
    const weak = await w.scim("POST", "/Users", newUser("weak@harbor.example", { password: "short" }));
    expect(weak.status).toBe(400);
    expect(weak.body.scimType).toBe("invalidValue");
    expect(weak.body.detail).toMatch(/^password: /);
    expect(weak.body.detail).not.toContain("short");
    const good = await w.scim(
      "POST",
      "/Users",
      newUser("strong@harbor.example", { password: "tidal-quartz-lantern-harbor-9" }),
    );
    expect(good.status).toBe(201);
    const session = await w.world.auth.signIn({
      email: "strong@harbor.example",
      password: "tidal-quartz-lantern-harbor-9",
    });
    expect(session.session.userId).toBe(good.body.id);
    const config = (await w.scim("GET", "/ServiceProviderConfig")).body;
    expect(config.changePassword.supported).toBe(true);
  });

  it("a person with an account in another organization is invited (pending, active in SCIM), not given a new account", async () => {
    const w = await world();
    const other = await w.world.bootstrapAnother();
    const { status, body } = await w.scim("POST", "/Users", newUser(other.owner.email));
    expect(status).toBe(201);
    expect(body.active).toBe(true);
    expect((await w.owner.users.get(body.id)).status).toBe("pending");
    expect(w.world.mailer.outbox.some((m) => m.kind === "invitation" && m.to === other.owner.email)).toBe(
      true,
    );
  });
});
