import type { Directory, StaffDirectory } from "@staffroom/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCIM_URN } from "../src/index";
import { backends } from "./support/backends";
import { memoryBackend, type TestStore } from "./support/databases";
import { type ScimWorld, scimWorld } from "./support/scim-world";

const patchTitle = (title: string) => ({
  schemas: [SCIM_URN.patchOp],
  Operations: [{ op: "replace", path: "title", value: title }],
});

/**
 * RFC 7644 §3.14 over core's versions (R12): `meta.version` and `ETag` are the user's version;
 * `If-Match` on PUT, PATCH and DELETE must name the version core holds, or the request is 412 and
 * writes nothing. Without `If-Match` (what Okta and Entra send) the handler writes with the version
 * it reads itself.
 */
describe.each(backends("SCIM versions"))("R12 versions over SCIM (ETag, If-Match): $label", ({ open }) => {
  let backend: TestStore;
  let w: ScimWorld;
  let id = "";

  const title = async () => (await w.owner.users.get(id)).profile.jobTitle;

  beforeAll(async () => {
    backend = await open();
    w = await scimWorld(backend);
    const { body } = await w.scim("POST", "/Users", {
      schemas: [SCIM_URN.user],
      userName: "vera.lind@harbor.example",
      name: { givenName: "Vera", familyName: "Lind" },
      title: "Nurse",
    });
    id = body.id;
  });
  afterAll(async () => {
    await w.close();
    await backend.close();
  });

  it("R12 every answer of one user carries ETag = meta.version = core's version; a write moves it on; If-None-Match of the current one is 304", async () => {
    const read = await w.scim("GET", `/Users/${id}`);
    const user = await w.owner.users.get(id);
    expect(read.body.meta.version).toBe(`W/"${user.version}"`);
    expect(read.headers.get("etag")).toBe(read.body.meta.version);

    const notModified = await w.scim("GET", `/Users/${id}`, undefined, {
      headers: { "If-None-Match": read.body.meta.version },
    });
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBeNull();

    const patched = await w.scim("PATCH", `/Users/${id}`, patchTitle("Charge nurse"));
    expect(patched.status).toBe(200);
    expect(patched.headers.get("etag")).toBe(patched.body.meta.version);
    expect(patched.body.meta.version).toBe(`W/"${(await w.owner.users.get(id)).version}"`);
    expect(patched.body.meta.version).not.toBe(read.body.meta.version);

    const changed = await w.scim("GET", `/Users/${id}`, undefined, {
      headers: { "If-None-Match": read.body.meta.version },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.title).toBe("Charge nurse");
  });

  it("R12 PUT, PATCH and DELETE with If-Match of a version an administrator has since moved on are 412 and write nothing", async () => {
    const read = await w.scim("GET", `/Users/${id}`);
    const user = await w.owner.users.get(id);
    await w.owner.users.update(id, { profile: { jobTitle: "Ward nurse" } }, { version: user.version });
    const old = { "If-Match": read.body.meta.version };

    const patch = await w.scim("PATCH", `/Users/${id}`, patchTitle("Sister"), { headers: old });
    expect(patch.status).toBe(412);
    expect(patch.body).toMatchObject({ schemas: [SCIM_URN.error], status: "412" });
    expect(patch.body.detail).toContain("Read it again");

    const put = await w.scim(
      "PUT",
      `/Users/${id}`,
      { ...read.body, title: "Sister", schemas: [SCIM_URN.user] },
      { headers: old },
    );
    expect(put.status).toBe(412);

    const del = await w.scim("DELETE", `/Users/${id}`, undefined, { headers: old });
    expect(del.status).toBe(412);

    const after = await w.owner.users.get(id);
    expect(after).toMatchObject({ status: "active", version: user.version + 1 });
    expect(after.profile.jobTitle).toBe("Ward nurse");
  });

  it("R12 If-Match of the current version goes through, in the weak form SCIM sends, the strong form, in a list and as *; a tag that is no version is 412", async () => {
    const { version } = await w.owner.users.get(id);
    const ok1 = await w.scim("PATCH", `/Users/${id}`, patchTitle("Sister"), {
      headers: { "If-Match": `W/"${version}"` },
    });
    expect(ok1.status).toBe(200);
    expect(await title()).toBe("Sister");

    const current = (await w.owner.users.get(id)).version;
    const ok2 = await w.scim("PATCH", `/Users/${id}`, patchTitle("Matron"), {
      headers: { "If-Match": `"${current - 1}", "${current}"` },
    });
    expect(ok2.status).toBe(200);
    expect(await title()).toBe("Matron");

    const ok3 = await w.scim("PATCH", `/Users/${id}`, patchTitle("Head nurse"), {
      headers: { "If-Match": "*" },
    });
    expect(ok3.status).toBe(200);
    expect(await title()).toBe("Head nurse");

    const now = (await w.owner.users.get(id)).version;
    for (const tag of ["nonsense", 'W/"x"', `W/${now}`, '""', `W/"${now}`]) {
      const refused = await w.scim("PATCH", `/Users/${id}`, patchTitle("Nobody"), {
        headers: { "If-Match": tag },
      });
      expect(refused.status, tag).toBe(412);
    }
    expect(await title()).toBe("Head nurse");
  });

  it("without If-Match (Okta's and Entra's requests) a write reads the current version itself", async () => {
    const user = await w.owner.users.get(id);
    await w.owner.users.update(id, { profile: { jobTitle: "Night nurse" } }, { version: user.version });
    const patched = await w.scim("PATCH", `/Users/${id}`, patchTitle("Day nurse"));
    expect(patched.status).toBe(200);
    expect(await title()).toBe("Day nurse");
  });

  it("R12 a group PATCH with If-Match of an older version of the group (its mapping changed) is 412 and adds no member; the current one is 204", async () => {
    const filter = encodeURIComponent('displayName eq "Northside Clinic staff"');
    const found = await w.scim("GET", `/Groups?filter=${filter}&excludedAttributes=members`);
    const group = found.body.Resources[0];
    const read = await w.scim("GET", `/Groups/${group.id}`);
    expect(read.headers.get("etag")).toBe(read.body.meta.version);
    const settings = await w.owner.provisioning.settings();
    await w.owner.provisioning.updateSettings(
      {
        groups: settings.groups.map((g) =>
          g.id === group.id ? { ...g, locationAccess: [w.locations.north, w.locations.east] } : g,
        ),
      },
      { version: settings.version },
    );
    const add = {
      schemas: [SCIM_URN.patchOp],
      Operations: [{ op: "Add", path: "members", value: [{ value: id }] }],
    };
    const stale = await w.scim("PATCH", `/Groups/${group.id}`, add, {
      headers: { "If-Match": read.body.meta.version },
    });
    expect(stale.status).toBe(412);
    expect((await w.owner.users.get(id)).locationAccess).not.toContain(w.locations.north);

    const now = await w.scim("GET", `/Groups/${group.id}`);
    expect(now.body.meta.version).not.toBe(read.body.meta.version);
    const done = await w.scim("PATCH", `/Groups/${group.id}`, add, {
      headers: { "If-Match": now.body.meta.version },
    });
    expect(done.status).toBe(204);
    expect((await w.owner.users.get(id)).locationAccess).toContain(w.locations.north);
  });
});

/**
 * A directory whose token-side `users.update` lets an administrator's edit of the same user land
 * first, once: the write the handler makes then carries a version core no longer holds.
 */
function racing(directory: Directory<string>, owner: () => StaffDirectory): Directory<string> {
  let armed = true;
  return {
    ...directory,
    forActor: (actor) => {
      const staff = directory.forActor(actor);
      return {
        ...staff,
        users: {
          ...staff.users,
          update: async (userId, patch, options) => {
            if (armed) {
              armed = false;
              const user = await owner().users.get(userId);
              await owner().users.update(
                userId,
                { profile: { alternatePhone: "+14155550199" } },
                { version: user.version },
              );
            }
            return staff.users.update(userId, patch, options);
          },
        },
      };
    },
  };
}

describe("R12 a write racing a SCIM request between its read and its write", () => {
  it("with If-Match: core refuses the version on the write and the answer is 412, nothing of the request written", async () => {
    let w: ScimWorld | null = null;
    const backend = await memoryBackend();
    w = await scimWorld(backend, { wrap: (d) => racing(d, () => (w as ScimWorld).owner) });
    try {
      const created = await w.scim("POST", "/Users", {
        schemas: [SCIM_URN.user],
        userName: "race.one@harbor.example",
        name: { givenName: "Race", familyName: "One" },
      });
      const answer = await w.scim("PATCH", `/Users/${created.body.id}`, patchTitle("Porter"), {
        headers: { "If-Match": created.body.meta.version },
      });
      expect(answer.status).toBe(412);
      const user = await w.owner.users.get(created.body.id);
      expect(user.profile.jobTitle).toBeFalsy();
      expect(user.profile.alternatePhone).toBe("+14155550199");
    } finally {
      await w.close();
    }
  });

  it("with If-Match, racing after the request's first write: the precondition held then, so the rest is written from a fresh read", async () => {
    let w: ScimWorld | null = null;
    const backend = await memoryBackend();
    w = await scimWorld(backend, { wrap: (d) => racing(d, () => (w as ScimWorld).owner) });
    try {
      const created = await w.scim("POST", "/Users", {
        schemas: [SCIM_URN.user],
        userName: "race.three@harbor.example",
        name: { givenName: "Race", familyName: "Three" },
      });
      const answer = await w.scim(
        "PATCH",
        `/Users/${created.body.id}`,
        {
          schemas: [SCIM_URN.patchOp],
          Operations: [
            { op: "Replace", path: "active", value: "False" },
            { op: "Replace", path: "title", value: "Porter" },
          ],
        },
        { headers: { "If-Match": created.body.meta.version } },
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ active: false, title: "Porter" });
      const user = await w.owner.users.get(created.body.id);
      expect(user).toMatchObject({ status: "disabled" });
      expect(user.profile).toMatchObject({ jobTitle: "Porter", alternatePhone: "+14155550199" });
    } finally {
      await w.close();
    }
  });

  it("without If-Match: the handler reads again and the request goes through, the other edit kept", async () => {
    let w: ScimWorld | null = null;
    const backend = await memoryBackend();
    w = await scimWorld(backend, { wrap: (d) => racing(d, () => (w as ScimWorld).owner) });
    try {
      const created = await w.scim("POST", "/Users", {
        schemas: [SCIM_URN.user],
        userName: "race.two@harbor.example",
        name: { givenName: "Race", familyName: "Two" },
      });
      const answer = await w.scim("PATCH", `/Users/${created.body.id}`, patchTitle("Porter"));
      expect(answer.status).toBe(200);
      const user = await w.owner.users.get(created.body.id);
      expect(user.profile.jobTitle).toBe("Porter");
      expect(user.profile.alternatePhone).toBe("+14155550199");
    } finally {
      await w.close();
    }
  });
});
