import { beforeAll, describe, expect, it } from "vitest";
import * as restRoute from "../app/api/staffroom/[...path]/route";
import * as scimRoute from "../app/scim/v2/[...path]/route";
import { OWNER, seedExample } from "../server/seed";
import { directory, PUBLIC_URL } from "../server/staffroom";

const SECRET = "example-next-scim-secret-0123456789";

/**
 * The App Router route modules called the way Next.js calls them: their exported method functions
 * with a Web `Request`. (`next-server.test.ts` builds the app and drives the same routes over HTTP.)
 */
describe("Next.js route handlers: REST and SCIM on one origin, called with real Requests", () => {
  beforeAll(async () => {
    await seedExample(directory, SECRET);
  });

  it("exports the methods each door answers, on the Node.js runtime", () => {
    expect(restRoute.runtime).toBe("nodejs");
    expect(scimRoute.runtime).toBe("nodejs");
    for (const method of ["GET", "POST", "PATCH", "DELETE", "OPTIONS"] as const)
      expect(typeof restRoute[method]).toBe("function");
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const)
      expect(typeof scimRoute[method]).toBe("function");
  });

  it("signs in through REST, lists users, creates a user through SCIM, and REST sees the new user", async () => {
    const signIn = await restRoute.POST(
      new Request(`${PUBLIC_URL}/api/staffroom/auth/sign-in`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Staffroom-Session": "bearer" },
        body: JSON.stringify({ email: OWNER.email, password: OWNER.password }),
      }),
    );
    expect(signIn.status).toBe(200);
    const { token, session } = (await signIn.json()) as {
      token: string;
      session: { organizationId: string };
    };
    const list = async () => {
      const response = await restRoute.GET(
        new Request(`${PUBLIC_URL}/api/staffroom/organizations/${session.organizationId}/users`, {
          headers: { Authorization: `Bearer ${token}` },
        }),
      );
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: { email: string }[] }).items.map((u) => u.email);
    };
    expect(await list()).toEqual([OWNER.email]);
    const created = await scimRoute.POST(
      new Request(`${PUBLIC_URL}/scim/v2/Users`, {
        method: "POST",
        headers: { Authorization: `Bearer ${SECRET}`, "Content-Type": "application/scim+json" },
        body: JSON.stringify({
          schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
          userName: "sam.lee@clinic.example",
          name: { givenName: "Sam", familyName: "Lee" },
        }),
      }),
    );
    expect(created.status).toBe(201);
    expect(await list()).toEqual(expect.arrayContaining([OWNER.email, "sam.lee@clinic.example"]));
    const refused = await scimRoute.GET(
      new Request(`${PUBLIC_URL}/scim/v2/Users`, { headers: { Authorization: `Bearer ${token}` } }),
    );
    expect(refused.status).toBe(401);
  });
});
