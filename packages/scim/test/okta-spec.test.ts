import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCIM_URN } from "../src/index";
import { backends } from "./support/backends";
import type { TestStore } from "./support/databases";
import { type ScimWorld, scimWorld } from "./support/scim-world";

/**
 * Okta's SCIM 2.0 SPEC test (Okta-SCIM-20-SPEC-Test.json, the Runscope suite an OIN submission
 * runs), step for step, in its order, over real HTTP; then the wire sequence Okta's CRUD suite
 * causes (create with an unasked password, look-up, read-modify-write PUT, path-less deactivate
 * and reactivate). The random values of the suite are fixed here.
 */
const RANDOM_USERNAME = "Runscope-Okta-4821@atko.example";
const RANDOM_EMAIL = "runscope.okta.4821.primary@atko.example";
const RANDOM_GIVEN = "Aurelio";
const RANDOM_FAMILY = "Quintanilla";
const INVALID_ID = "010101001010101010";

describe.each(backends("Okta SPEC test"))(
  "Okta SCIM 2.0 SPEC test, step by step over HTTP: $label",
  ({ open }) => {
    let backend: TestStore;
    let w: ScimWorld;
    let firstId = "";
    let createdId = "";
    const created = {
      schemas: [SCIM_URN.user],
      userName: RANDOM_USERNAME,
      name: { givenName: RANDOM_GIVEN, familyName: RANDOM_FAMILY },
      emails: [{ primary: true, value: RANDOM_EMAIL, type: "work" }],
      displayName: `${RANDOM_GIVEN} ${RANDOM_FAMILY}`,
      active: true,
      password: "1mw8!0CN",
    };

    beforeAll(async () => {
      backend = await open();
      w = await scimWorld(backend);
    });
    afterAll(async () => {
      await w.close();
      await backend.close();
    });

    it("1 Required: GET /Users?count=1&startIndex=1 is a ListResponse with numbers and a first user with id, names, userName, active and an email", async () => {
      const { status, body } = await w.scim("GET", "/Users?count=1&startIndex=1");
      expect(status).toBe(200);
      expect(body.schemas).toContain(SCIM_URN.listResponse);
      expect(typeof body.itemsPerPage).toBe("number");
      expect(typeof body.startIndex).toBe("number");
      expect(typeof body.totalResults).toBe("number");
      expect(body.Resources).toHaveLength(1);
      const [first] = body.Resources;
      expect(first.id).toBeTruthy();
      expect(first.name.familyName).toBeTruthy();
      expect(first.name.givenName).toBeTruthy();
      expect(first.userName).toBeTruthy();
      expect(first.active).toBe(true);
      expect(first.emails[0].value).toBeTruthy();
      firstId = first.id;
    });

    it("2 Required: GET /Users/{id} answers the same user with the same fields", async () => {
      const { status, body } = await w.scim("GET", `/Users/${firstId}`);
      expect(status).toBe(200);
      expect(body.id).toBe(firstId);
      expect(body.name.familyName).toBeTruthy();
      expect(body.name.givenName).toBeTruthy();
      expect(body.userName).toBeTruthy();
      expect(body.active).toBe(true);
      expect(body.emails[0].value).toBeTruthy();
    });

    it("3 Required: a filter on an unknown userName is 200 with totalResults 0", async () => {
      const { status, body } = await w.scim(
        "GET",
        `/Users?filter=${encodeURIComponent('userName eq "nobody.4821@atko.example"')}`,
      );
      expect(status).toBe(200);
      expect(body.schemas).toContain(SCIM_URN.listResponse);
      expect(body.totalResults).toBe(0);
    });

    it('4 Required: an unknown id is 404 with a SCIM Error, a detail and status "404"', async () => {
      const { status, body } = await w.scim("GET", `/Users/${INVALID_ID}`);
      expect(status).toBe(404);
      expect(body.schemas).toContain(SCIM_URN.error);
      expect(body.detail).toBeTruthy();
      expect(body.status).toBe("404");
    });

    it("5 Required: the random user does not exist yet", async () => {
      const { status, body } = await w.scim(
        "GET",
        `/Users?filter=${encodeURIComponent(`userName eq "${RANDOM_USERNAME}"`)}`,
      );
      expect(status).toBe(200);
      expect(body.totalResults).toBe(0);
      expect(body.schemas).toContain(SCIM_URN.listResponse);
    });

    it("6 Required: POST /Users as application/json creates the user, 201 with the values echoed (Okta's unasked password ignored)", async () => {
      const { status, body, headers } = await w.scim("POST", "/Users", created, {
        headers: { "Content-Type": "application/json", Accept: "application/scim+json; charset=utf-8" },
      });
      expect(status).toBe(201);
      expect(headers.get("content-type")).toMatch(/^application\/scim\+json/);
      expect(body.active).toBe(true);
      expect(body.id).toBeTruthy();
      expect(body.name.familyName).toBe(RANDOM_FAMILY);
      expect(body.name.givenName).toBe(RANDOM_GIVEN);
      expect(body.schemas).toContain(SCIM_URN.user);
      expect(body.userName).toBe(RANDOM_USERNAME.toLowerCase());
      expect(body).not.toHaveProperty("password");
      expect(headers.get("location")).toBe(`${w.base}/Users/${body.id}`);
      createdId = body.id;
      const user = await w.owner.users.get(createdId);
      expect(user).toMatchObject({
        status: "active",
        email: RANDOM_USERNAME.toLowerCase(),
        roleId: w.roles.readOnly.id,
      });
    });

    it("7 Required: GET /Users/{id} of the new user has the values sent", async () => {
      const { status, body } = await w.scim("GET", `/Users/${createdId}`);
      expect(status).toBe(200);
      expect(body.userName.toLowerCase()).toBe(RANDOM_USERNAME.toLowerCase());
      expect(body.name.familyName).toBe(RANDOM_FAMILY);
      expect(body.name.givenName).toBe(RANDOM_GIVEN);
    });

    it("8 Required: creating the same user again is 409 (uniqueness) and changes nothing", async () => {
      const before = (await w.allUsers()).length;
      const { status, body } = await w.scim(
        "POST",
        "/Users",
        { ...created, emails: [{ primary: true, value: RANDOM_USERNAME, type: "work" }] },
        {
          headers: { "Content-Type": "application/json" },
        },
      );
      expect(status).toBe(409);
      expect(body).toMatchObject({ schemas: [SCIM_URN.error], status: "409", scimType: "uniqueness" });
      expect((await w.allUsers()).length).toBe(before);
    });

    it("9 Required: userName is not case-exact: the upper-cased filter is 200 and finds the user", async () => {
      const { status, body } = await w.scim(
        "GET",
        `/Users?filter=${encodeURIComponent(`userName eq "${RANDOM_USERNAME.toUpperCase()}"`)}`,
      );
      expect(status).toBe(200);
      expect(body.totalResults).toBe(1);
      expect(body.Resources[0].id).toBe(createdId);
    });

    // Okta's step 10 also asks for an answer within 600 ms: a latency budget, which belongs to a bench
    // (timed assertions fail on a busy machine), not to this test.
    it("10 Optional: GET /Groups is 200 with every group", async () => {
      const { status, body } = await w.scim("GET", "/Groups");
      expect(status).toBe(200);
      expect(body.schemas).toContain(SCIM_URN.listResponse);
      expect(body.Resources.map((g: { displayName: string }) => g.displayName)).toEqual(
        expect.arrayContaining(["Front Desk", "Eastside Clinic staff", "Nurses"]),
      );
    });

    it('11 Required: a bad token is 401 with a SCIM Error, status "401" and a detail; no token is 401 too', async () => {
      for (const token of ["non-token", null, `${w.secret}x`]) {
        const { status, body, headers } = await w.scim(
          "GET",
          `/Users?filter=${encodeURIComponent(`userName eq "${RANDOM_USERNAME.toUpperCase()}"`)}`,
          undefined,
          { token },
        );
        expect(status).toBe(401);
        expect(body).toMatchObject({ schemas: [SCIM_URN.error], status: "401" });
        expect(body.detail).toBeTruthy();
        expect(headers.get("www-authenticate")).toMatch(/^Bearer/);
      }
    });

    it('12 Required: an id Okta made up (00919288221112222) is 404 with status "404"', async () => {
      const { status, body } = await w.scim("GET", "/Users/00919288221112222");
      expect(status).toBe(404);
      expect(body).toMatchObject({ schemas: [SCIM_URN.error], status: "404" });
      expect(body.detail).toBeTruthy();
    });

    it("CRUD: create (password sent), look up, read-modify-write PUT, path-less deactivate (user stays readable), reactivate", async () => {
      const userName = "riley.okta.test@atko.example";
      const create = await w.scim("POST", "/Users", {
        schemas: [SCIM_URN.user],
        userName,
        name: { givenName: "Riley", familyName: "Okta" },
        emails: [{ value: userName, type: "work", primary: true }],
        displayName: "Riley Okta",
        title: "Medical assistant",
        phoneNumbers: [{ value: "+1 (415) 555-0142", type: "work" }],
        password: "N3verSt0red!",
        active: true,
      });
      expect(create.status).toBe(201);
      expect(create.body.phoneNumbers).toEqual([{ value: "+14155550142", type: "work", primary: true }]);
      const id = create.body.id;
      const found = await w.scim("GET", `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`);
      expect(found.body.Resources.map((u: { id: string }) => u.id)).toEqual([id]);
      const before = (await w.scim("GET", `/Users/${id}`)).body;
      const put = await w.scim("PUT", `/Users/${id}`, {
        ...before,
        name: { ...before.name, givenName: "Rileyupdate" },
      });
      expect(put.status).toBe(200);
      expect(put.body.name.givenName).toBe("Rileyupdate");
      expect(put.body.title).toBe("Medical assistant");
      const off = await w.scim("PATCH", `/Users/${id}`, {
        schemas: [SCIM_URN.patchOp],
        Operations: [{ op: "replace", value: { active: false } }],
      });
      expect(off.status).toBe(200);
      expect(off.body.active).toBe(false);
      expect((await w.owner.users.get(id)).status).toBe("disabled");
      expect((await w.scim("GET", `/Users/${id}`)).body.active).toBe(false);
      const on = await w.scim("PATCH", `/Users/${id}`, {
        schemas: [SCIM_URN.patchOp],
        Operations: [{ op: "replace", value: { active: true } }],
      });
      expect(on.body.active).toBe(true);
      expect((await w.owner.users.get(id)).status).toBe("active");
    });
  },
);
