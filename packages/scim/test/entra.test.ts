import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCIM_URN } from "../src/index";
import { backends } from "./support/backends";
import type { TestStore } from "./support/databases";
import { type ScimWorld, scimWorld } from "./support/scim-world";

const ENTERPRISE = SCIM_URN.enterprise;
const q = (filter: string) => encodeURIComponent(filter);

/**
 * The requests Microsoft Entra ID sends (Microsoft's "develop and plan provisioning for a SCIM
 * endpoint" and "known issues … SCIM 2.0 protocol compliance"), in the order a provisioning cycle
 * sends them, over real HTTP: look-ups by userName, externalId and work email; create with the
 * enterprise extension; PATCH with capitalised ops, string booleans, value-filter paths, URN paths
 * and a path-less object (with and without `aadOptscim062020`); soft delete (`active: false`, the
 * user stays readable) and DELETE; groups by displayName with `excludedAttributes=members`; member
 * add and remove in Entra's and RFC's shapes, answered 204.
 */
describe.each(backends("Entra request shapes"))(
  "Microsoft Entra ID request shapes over HTTP: $label",
  ({ open }) => {
    let backend: TestStore;
    let w: ScimWorld;
    let id = "";
    const userName = "ada.okafor@harbor.example";
    const externalId = "0a2b9f4e-6c1d-4e7a-9b3e-5d2c8f1a7e60";

    beforeAll(async () => {
      backend = await open();
      w = await scimWorld(backend);
    });
    afterAll(async () => {
      await w.close();
      await backend.close();
    });

    it("looks the user up by userName, externalId and work email first: always a ListResponse, empty here", async () => {
      for (const filter of [
        `userName eq "${userName}"`,
        `externalId eq "${externalId}"`,
        `emails[type eq "work"].value eq "${userName}"`,
      ]) {
        const { status, body } = await w.scim("GET", `/Users?filter=${q(filter)}`);
        expect(status).toBe(200);
        expect(body).toMatchObject({ schemas: [SCIM_URN.listResponse], totalResults: 0, Resources: [] });
      }
    });

    it("creates with externalId, the enterprise extension, work and mobile phones and attributes Staffroom does not keep (ignored)", async () => {
      const { status, body } = await w.scim("POST", "/Users", {
        schemas: [SCIM_URN.user, ENTERPRISE],
        externalId,
        userName,
        active: true,
        displayName: "Ada Okafor",
        title: "Charge nurse",
        preferredLanguage: "en-US",
        emails: [{ primary: true, type: "work", value: userName }],
        name: { formatted: "Ada Okafor", familyName: "Okafor", givenName: "Ada" },
        phoneNumbers: [
          { type: "work", value: "+1 206 555 0111" },
          { type: "mobile", value: "+12065550122" },
          { type: "fax", value: "+12065550133" },
        ],
        addresses: [{ type: "work", formatted: "1 Harbor Way", primary: true }],
        [ENTERPRISE]: { employeeNumber: "E-2047", department: "Emergency", manager: { value: "x" } },
      });
      expect(status).toBe(201);
      expect(body).toMatchObject({
        schemas: [SCIM_URN.user, ENTERPRISE],
        externalId,
        userName,
        title: "Charge nurse",
        phoneNumbers: [
          { value: "+12065550111", type: "work", primary: true },
          { value: "+12065550122", type: "mobile", primary: false },
        ],
        [ENTERPRISE]: { employeeNumber: "E-2047", department: "Emergency" },
      });
      expect(body).not.toHaveProperty("addresses");
      expect(body).not.toHaveProperty("preferredLanguage");
      id = body.id;
    });

    it("finds the user by each look-up now, the work-email one ignoring case", async () => {
      for (const filter of [
        `userName eq "${userName}"`,
        `externalId eq "${externalId}"`,
        `emails[type eq "work"].value eq "${userName.toUpperCase()}"`,
        `userName eq "${userName}" and externalId eq "${externalId}"`,
      ]) {
        const { body } = await w.scim("GET", `/Users?filter=${q(filter)}`);
        expect(body.totalResults, filter).toBe(1);
        expect(body.Resources[0].id).toBe(id);
      }
      const wrongCase = await w.scim(
        "GET",
        `/Users?filter=${q(`externalId eq "${externalId.toUpperCase()}"`)}`,
      );
      expect(wrongCase.body.totalResults).toBe(0);
    });

    it('PATCH {"op":"Replace","path":"active","value":"False"} disables (soft delete); the user stays readable; "True" restores', async () => {
      const off = await w.scim("PATCH", `/Users/${id}`, {
        schemas: [SCIM_URN.patchOp],
        Operations: [{ op: "Replace", path: "active", value: "False" }],
      });
      expect(off.status).toBe(200);
      expect(off.body.active).toBe(false);
      expect((await w.owner.users.get(id)).status).toBe("disabled");
      const read = await w.scim("GET", `/Users/${id}`);
      expect(read.status).toBe(200);
      expect(read.body.active).toBe(false);
      const on = await w.scim("PATCH", `/Users/${id}`, {
        schemas: [SCIM_URN.patchOp],
        Operations: [{ op: "Replace", path: "active", value: "True" }],
      });
      expect(on.body.active).toBe(true);
      expect((await w.owner.users.get(id)).status).toBe("active");
    });

    it("PATCH with value-filter paths, an enterprise URN path and Add/Remove (Entra's default shapes)", async () => {
      const { status, body } = await w.scim("PATCH", `/Users/${id}`, {
        schemas: [SCIM_URN.patchOp],
        Operations: [
          { op: "Replace", path: 'phoneNumbers[type eq "mobile"].value', value: "+12065550199" },
          { op: "Add", path: `${ENTERPRISE}:employeeNumber`, value: "E-3001" },
          { op: "Replace", path: "name.familyName", value: "Okafor-Reyes" },
          { op: "Replace", path: 'emails[type eq "work"].value', value: "someone.else@harbor.example" },
          { op: "Remove", path: 'phoneNumbers[type eq "work"].value' },
          { op: "Add", path: 'addresses[type eq "work"].formatted', value: "ignored" },
        ],
      });
      expect(status).toBe(200);
      expect(body.phoneNumbers).toEqual([{ value: "+12065550199", type: "mobile", primary: false }]);
      expect(body[ENTERPRISE]).toEqual({ employeeNumber: "E-3001", department: "Emergency" });
      expect(body.name.familyName).toBe("Okafor-Reyes");
      expect(body.userName).toBe(userName);
      const user = await w.owner.users.get(id);
      expect(user.profile).toMatchObject({
        primaryPhone: null,
        alternatePhone: "+12065550199",
        familyName: "Okafor-Reyes",
      });
    });

    it("PATCH without a path whose value is an object keyed by attribute paths (aadOptscim062020), lower-case ops", async () => {
      const { status, body } = await w.scim("PATCH", `/Users/${id}`, {
        schemas: [SCIM_URN.patchOp],
        Operations: [
          {
            op: "replace",
            value: {
              "name.givenName": "Adaeze",
              title: "Nurse manager",
              [`${ENTERPRISE}:department`]: "Urgent Care",
              active: false,
            },
          },
        ],
      });
      expect(status).toBe(200);
      expect(body).toMatchObject({ name: { givenName: "Adaeze" }, title: "Nurse manager", active: false });
      expect(body[ENTERPRISE].department).toBe("Urgent Care");
      await w.scim("PATCH", `/Users/${id}`, {
        schemas: [SCIM_URN.patchOp],
        Operations: [{ op: "replace", value: { active: true } }],
      });
    });

    it("finds groups by displayName with excludedAttributes=members, one query, no members in the answer", async () => {
      const { status, body } = await w.scim(
        "GET",
        `/Groups?excludedAttributes=members&filter=${q('displayName eq "Eastside Clinic staff"')}`,
      );
      expect(status).toBe(200);
      expect(body.totalResults).toBe(1);
      expect(body.Resources[0]).toMatchObject({ displayName: "Eastside Clinic staff" });
      expect(body.Resources[0]).not.toHaveProperty("members");
    });

    it("adds a member in Entra's shape (204): the user gains the group's clinic; and the role group gives the role", async () => {
      const groups = (await w.scim("GET", "/Groups?excludedAttributes=members")).body.Resources;
      const east = groups.find((g: { displayName: string }) => g.displayName === "Eastside Clinic staff");
      const nurses = groups.find((g: { displayName: string }) => g.displayName === "Nurses");
      const add = await w.scim("PATCH", `/Groups/${east.id}`, {
        schemas: [SCIM_URN.patchOp],
        Operations: [{ op: "Add", path: "members", value: [{ value: id }] }],
      });
      expect(add.status).toBe(204);
      expect(add.body).toBeNull();
      let user = await w.owner.users.get(id);
      expect(user.locationAccess).toEqual([w.locations.main, w.locations.east]);
      const role = await w.scim("PATCH", `/Groups/${nurses.id}`, {
        schemas: [SCIM_URN.patchOp],
        Operations: [{ op: "Add", path: "members", value: [{ value: id }] }],
      });
      expect(role.status).toBe(204);
      user = await w.owner.users.get(id);
      expect(user.roleId).toBe(w.roles.provider.id);
      const members = (await w.scim("GET", `/Groups/${east.id}`)).body.members.map(
        (m: { value: string }) => m.value,
      );
      expect(members).toContain(id);
      const mine = (await w.scim("GET", `/Users/${id}`)).body.groups.map(
        (g: { display: string }) => g.display,
      );
      expect(mine).toEqual(expect.arrayContaining(["Eastside Clinic staff", "Nurses", "Provider"]));
    });

    it("removes members in Entra's shape and in RFC's members[value eq …] shape (204)", async () => {
      const groups = (await w.scim("GET", "/Groups?excludedAttributes=members")).body.Resources;
      const east = groups.find((g: { displayName: string }) => g.displayName === "Eastside Clinic staff");
      const nurses = groups.find((g: { displayName: string }) => g.displayName === "Nurses");
      const entra = await w.scim("PATCH", `/Groups/${east.id}`, {
        schemas: [SCIM_URN.patchOp],
        Operations: [{ op: "Remove", path: "members", value: [{ value: id }] }],
      });
      expect(entra.status).toBe(204);
      expect((await w.owner.users.get(id)).locationAccess).toEqual([w.locations.main]);
      const rfc = await w.scim("PATCH", `/Groups/${nurses.id}`, {
        schemas: [SCIM_URN.patchOp],
        Operations: [{ op: "remove", path: `members[value eq "${id}"]` }],
      });
      expect(rfc.status).toBe(204);
      expect((await w.owner.users.get(id)).roleId).toBe(w.roles.readOnly.id);
    });

    it("a group PATCH renaming the group is 400 mutability; creating a group named like a role is 409 with its id; an unknown one 403", async () => {
      const groups = (await w.scim("GET", "/Groups?excludedAttributes=members")).body.Resources;
      const east = groups.find((g: { displayName: string }) => g.displayName === "Eastside Clinic staff");
      const rename = await w.scim("PATCH", `/Groups/${east.id}`, {
        schemas: [SCIM_URN.patchOp],
        Operations: [{ op: "Replace", path: "displayName", value: "East" }],
      });
      expect(rename).toMatchObject({ status: 400, body: { status: "400", scimType: "mutability" } });
      const same = await w.scim("POST", "/Groups", { schemas: [SCIM_URN.group], displayName: "front desk" });
      expect(same).toMatchObject({ status: 409, body: { scimType: "uniqueness" } });
      expect(same.body.detail).toContain(w.roles.frontDesk.id);
      const unknown = await w.scim("POST", "/Groups", {
        schemas: [SCIM_URN.group],
        displayName: "Radiology",
      });
      expect(unknown.status).toBe(403);
      expect(unknown.body.detail).toMatch(/Settings › Provisioning/);
    });

    it("DELETE removes the person from the organization (204); they are gone (404) and so is their externalId", async () => {
      const gone = await w.scim("DELETE", `/Users/${id}`);
      expect(gone.status).toBe(204);
      expect((await w.scim("GET", `/Users/${id}`)).status).toBe(404);
      const byExternal = await w.scim("GET", `/Users?filter=${q(`externalId eq "${externalId}"`)}`);
      expect(byExternal.body.totalResults).toBe(0);
      expect(await w.owner.provisioning.findUser({ externalId })).toBeNull();
    });
  },
);
