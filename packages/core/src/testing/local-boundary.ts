import { describe, expect, it } from "vitest";
import type { RequestMetadata } from "../audit/audit.schema";
import { HOSTILE } from "./conformance/boundary-values";
import { expectError } from "./conformance/errors-expect";
import type { StoreWorld } from "./memory-world";

const FIELDS = ["ip", "userAgent", "requestId"] as const;

/** Everything a refused call must leave alone: the audit trail, users and mail. */
async function snapshot(world: StoreWorld): Promise<string> {
  const owner = world.directory.forActor({ organizationId: world.organization.id, userId: world.owner.id });
  const audit = await owner.audit.list({ limit: 1 });
  const users = await owner.users.list({ limit: 200 });
  return JSON.stringify([audit.total, audit.items[0]?.id, users.items, world.mailer.outbox.length]);
}

/**
 * The text boundary's checks that only a local caller can reach (REST builds these values itself
 * and cleans them): request metadata with control characters or unpaired surrogates, on an actor
 * or an auth call, is `validation` under `metadata`; an actor whose ids are not ids is
 * `unauthenticated`; nothing is written. Stores get these values as query parameters and audit
 * payloads, so run it on every store.
 *
 * @example runLocalBoundarySuite("PGlite", async () => postgresWorld(await db.get()));
 */
export function runLocalBoundarySuite(name: string, factory: () => Promise<StoreWorld>): void {
  describe(`Staffroom local boundary: ${name}`, () => {
    it("R14 metadata: request metadata with NUL, controls or unpaired surrogates is validation on metadata.<field> for actors and auth calls, writing nothing", async () => {
      const world = await factory();
      const before = await snapshot(world);
      for (const field of FIELDS) {
        for (const [, bad] of HOSTILE) {
          const metadata: RequestMetadata = { [field]: `10${bad}.1` };
          const path = ["metadata", field];
          const owner = world.directory.forActor({
            organizationId: world.organization.id,
            userId: world.owner.id,
            metadata,
          });
          await expectError(owner.locations.create({ name: "Uptown" }), { code: "validation", path });
          await expectError(owner.users.list({}), { code: "validation", path });
          await expectError(
            world.auth.signIn({ email: world.owner.email, password: "wrong-password-123456", metadata }),
            { code: "validation", path },
          );
          await expectError(world.auth.requestPasswordReset({ email: world.owner.email, metadata }), {
            code: "validation",
            path,
          });
        }
      }
      expect(await snapshot(world)).toBe(before);
    });

    it("R14 actor ids: an actor whose organization or user id holds NUL, controls or unpaired surrogates is unauthenticated, writing nothing", async () => {
      const world = await factory();
      const before = await snapshot(world);
      for (const [, bad] of HOSTILE) {
        for (const actor of [
          { organizationId: `${world.organization.id}${bad}`, userId: world.owner.id },
          { organizationId: world.organization.id, userId: `${world.owner.id}${bad}` },
        ]) {
          const dir = world.directory.forActor(actor);
          await expectError(dir.me(), { code: "unauthenticated" });
          await expectError(dir.locations.create({ name: "Uptown" }), { code: "unauthenticated" });
        }
      }
      expect(await snapshot(world)).toBe(before);
    });
  });
}
