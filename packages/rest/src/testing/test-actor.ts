import { randomToken } from "@staffroom/core";
import { type Authenticate, authenticateWithSession } from "../server";

/**
 * A TEST SEAM, never for production: bearer tokens that name an actor directly
 * (`<secret>.<organizationId>.<userId>`), so a test can act as any user — one without a password, a
 * pending one, one that must change its password — the way `directory.forActor` does locally. Every
 * other token goes through the real session authentication. The secret is random per seam, so a
 * token of one test world means nothing to another.
 *
 * @example
 * const seam = testActorSeam();
 * createRestHandler(directory, { authenticate: seam.authenticate });
 * restDirectory({ baseUrl, token: seam.token(orgId, userId) });
 */
export interface TestActorSeam {
  readonly authenticate: Authenticate;
  token(organizationId: string, userId: string): string;
}

/** A fresh {@link TestActorSeam}. @example const seam = testActorSeam(); */
export function testActorSeam(): TestActorSeam {
  const secret = `test-${randomToken()}`;
  return {
    token: (organizationId, userId) => `${secret}.${organizationId}.${userId}`,
    authenticate: async (request, context) => {
      const token = context.sessionToken;
      if (token?.startsWith(`${secret}.`)) {
        const [, organizationId, userId] = token.split(".");
        if (!organizationId || !userId) return null;
        return { organizationId, userId, metadata: context.metadata };
      }
      return authenticateWithSession(request, context);
    },
  };
}
