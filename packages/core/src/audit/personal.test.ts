import { describe, expect, it } from "vitest";
import type { AuditDraft } from "./audit.schema";
import { GENESIS_HASH, hashEvent } from "./chain";
import {
  checkPersonalParts,
  erasedSubject,
  joinAuditEvent,
  personalDigest,
  sealAuditEvent,
  splitAuditEvent,
} from "./personal";

const ORG = "org_0000000001";
const ADMIN = "usr_0000000001";
const JANE = "usr_0000000002";

const draft = (patch: Partial<AuditDraft> = {}): AuditDraft => ({
  id: "evt_0000000009",
  organizationId: ORG,
  sequence: 9,
  at: "2026-11-23T12:00:00.000Z",
  actor: { userId: ADMIN, email: "owner@clinic.example" },
  action: "user.updated",
  target: { type: "user", id: JANE, label: "Jane Smith RN" },
  outcome: "success",
  changes: {
    email: { before: "jane@a.example", after: "jane@b.example" },
    profile: { before: { title: "RN" }, after: { title: "NP" } },
    roleId: { before: "rol_0000000001", after: "rol_0000000002" },
    flags: { before: { practitioner: false }, after: { practitioner: true } },
  },
  metadata: { ip: "203.0.113.4", userAgent: "ua/1", requestId: "req-1" },
  ...patch,
});

describe("audit personal parts (W6, R18)", () => {
  it("keeps every personal value out of the chained event and splits them by subject", async () => {
    const { event, parts } = await splitAuditEvent(draft());
    const chained = JSON.stringify(event);
    for (const value of ["owner@clinic.example", "Jane Smith", "jane@", "203.0.113.4", "ua/1", '"NP"'])
      expect(chained).not.toContain(value);
    expect(event.changes).toEqual({
      roleId: { before: "rol_0000000001", after: "rol_0000000002" },
      flags: { before: { practitioner: false }, after: { practitioner: true } },
    });
    expect(event.metadata).toEqual({ requestId: "req-1" });
    expect(event.target).toEqual({ type: "user", id: JANE, label: null });
    expect(parts.map((p) => [p.subject, p.values])).toEqual([
      [ADMIN, { actorEmail: "owner@clinic.example", ip: "203.0.113.4", userAgent: "ua/1" }],
      [
        JANE,
        {
          targetLabel: "Jane Smith RN",
          changes: {
            email: { before: "jane@a.example", after: "jane@b.example" },
            profile: { before: { title: "RN" }, after: { title: "NP" } },
          },
        },
      ],
    ]);
    expect(event.personal).toEqual(
      await Promise.all(parts.map(async (p) => ({ subject: p.subject, digest: await personalDigest(p) }))),
    );
    for (const part of parts) expect(part.salt).toMatch(/^[0-9a-f]{32}$/);
  });

  it("joins back to the composed event; an erased subject shows null and erased", async () => {
    const { event, parts } = await splitAuditEvent(draft());
    const sealed = await sealAuditEvent(event, GENESIS_HASH);
    expect(sealed.hash).toBe(await hashEvent({ ...event, previousHash: GENESIS_HASH }));
    const joined = joinAuditEvent(sealed, parts);
    const { metadata, changes, ...rest } = draft();
    expect(joined).toMatchObject({
      ...rest,
      actor: { ...rest.actor, erased: false },
      target: { ...rest.target, erased: false },
      previousHash: GENESIS_HASH,
      hash: sealed.hash,
    });
    expect(joined.changes).toEqual(changes);
    expect(joined.metadata).toEqual(metadata);
    const withoutJane = joinAuditEvent(
      sealed,
      parts.filter((p) => p.subject !== JANE),
    );
    expect(withoutJane.target).toEqual({ type: "user", id: JANE, label: null, erased: true });
    expect(Object.keys(withoutJane.changes).sort()).toEqual(["flags", "roleId"]);
    expect(withoutJane.actor).toEqual({ userId: ADMIN, email: "owner@clinic.example", erased: false });
  });

  it("one part when the actor is the target; none for roles' labels; none for an unknown account", async () => {
    const self = await splitAuditEvent(
      draft({
        actor: { userId: JANE, email: "jane@a.example" },
        target: { type: "account", id: JANE, label: "jane@a.example" },
        changes: {},
      }),
    );
    expect(self.parts.map((p) => [p.subject, Object.keys(p.values).sort()])).toEqual([
      [JANE, ["actorEmail", "ip", "targetLabel", "userAgent"]],
    ]);
    const role = await splitAuditEvent(
      draft({
        target: { type: "role", id: "rol_0000000003", label: "Front Desk" },
        changes: { name: { before: "Desk", after: "Front Desk" } },
      }),
    );
    expect(role.event.target.label).toBe("Front Desk");
    expect(role.event.changes).toEqual({ name: { before: "Desk", after: "Front Desk" } });
    expect(role.parts.map((p) => p.subject)).toEqual([ADMIN]);
    const stranger = await splitAuditEvent(
      draft({
        actor: { userId: null, email: "guess@elsewhere.example" },
        target: { type: "account", id: "unknown", label: "guess@elsewhere.example" },
        action: "auth.sign_in",
        outcome: "failure",
        reason: "unknown_account",
        changes: {},
      }),
    );
    expect(stranger.parts).toEqual([]);
    expect(JSON.stringify(stranger.event)).not.toContain("guess@");
    expect(joinAuditEvent(await sealAuditEvent(stranger.event, GENESIS_HASH), []).target).toEqual({
      type: "account",
      id: "unknown",
      label: null,
      erased: false,
    });
  });

  it("a removal is a tombstone: no part for the removed person, who shows as erased", async () => {
    const tomb = draft({
      action: "user.deleted",
      changes: { status: { before: "disabled", after: "deleted" } },
    });
    expect(erasedSubject(tomb)).toBe(JANE);
    const { event, parts } = await splitAuditEvent(tomb);
    expect(parts.map((p) => p.subject)).toEqual([ADMIN]);
    expect(JSON.stringify([event, parts])).not.toContain("Jane Smith");
    const view = joinAuditEvent(await sealAuditEvent(event, GENESIS_HASH), parts);
    expect(view.target).toEqual({ type: "user", id: JANE, label: null, erased: true });
    expect(view.changes).toEqual({ status: { before: "disabled", after: "deleted" } });
  });

  it("fresh salts: identical values get different digests, so a digest cannot confirm a guess", async () => {
    const a = await splitAuditEvent(draft());
    const b = await splitAuditEvent(draft());
    expect(a.parts[1]?.values).toEqual(b.parts[1]?.values);
    expect(a.event.personal[1]?.digest).not.toBe(b.event.personal[1]?.digest);
  });

  it("checkPersonalParts: edited for a changed value, a foreign subject or a repeat; missing for an absent part", async () => {
    const { event, parts } = await splitAuditEvent(draft());
    const sealed = await sealAuditEvent(event, GENESIS_HASH);
    const [admin, jane] = parts as [(typeof parts)[0], (typeof parts)[0]];
    expect(await checkPersonalParts(sealed, parts)).toEqual({ edited: false, missing: [] });
    expect(await checkPersonalParts(sealed, [admin])).toEqual({ edited: false, missing: [JANE] });
    const renamed = { ...jane, values: { ...jane.values, targetLabel: "Someone Else" } };
    expect((await checkPersonalParts(sealed, [admin, renamed])).edited).toBe(true);
    expect((await checkPersonalParts(sealed, [admin, { ...jane, subject: "usr_0000000099" }])).edited).toBe(
      true,
    );
    expect((await checkPersonalParts(sealed, [admin, jane, jane])).edited).toBe(true);
    expect((await checkPersonalParts(sealed, [admin, { ...jane, eventId: "evt_0000000010" }])).edited).toBe(
      true,
    );
  });
});
