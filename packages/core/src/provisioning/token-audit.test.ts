import { describe, expect, it } from "vitest";
import type { AuditDraft } from "../audit/audit.schema";
import { GENESIS_HASH } from "../audit/chain";
import { checkPersonalParts, joinAuditEvent, sealAuditEvent, splitAuditEvent } from "../audit/personal";

const TOKEN = "ptk_0000000003";
const JANE = "usr_0000000002";

const draft: AuditDraft = {
  id: "evt_0000000010",
  organizationId: "org_0000000001",
  sequence: 10,
  at: "2026-11-23T12:00:00.000Z",
  actor: { userId: TOKEN, email: null, label: "Okta (Harbor)" },
  action: "user.updated",
  target: { type: "user", id: JANE, label: "Jane Smith RN" },
  outcome: "success",
  changes: {
    externalId: { before: null, after: "00u-jane" },
    roleId: { before: "rol_0000000001", after: "rol_0000000002" },
  },
  metadata: { ip: "192.0.2.10", userAgent: "Okta SCIM Client 1.0", requestId: "req-7" },
};

describe("audit of a provisioning token's writes (R18, W6: a token is not a person)", () => {
  it("R18 keeps the token's label and the request's address in the chained event, makes no part for the token, and still splits the person's values out", async () => {
    const { event, parts } = await splitAuditEvent(draft);
    expect(event.actor).toEqual({ userId: TOKEN, label: "Okta (Harbor)" });
    expect(event.metadata).toEqual({
      requestId: "req-7",
      ip: "192.0.2.10",
      userAgent: "Okta SCIM Client 1.0",
    });
    expect(event.personal.map((r) => r.subject)).toEqual([JANE]);
    expect(parts.map((p) => [p.subject, p.values])).toEqual([
      [JANE, { targetLabel: "Jane Smith RN", changes: { externalId: { before: null, after: "00u-jane" } } }],
    ]);
    expect(JSON.stringify(event)).not.toContain("00u-jane");
    const sealed = await sealAuditEvent(event, GENESIS_HASH);
    expect(await checkPersonalParts(sealed, parts)).toEqual({ edited: false, missing: [] });
    const joined = joinAuditEvent(sealed, parts);
    expect(joined.actor).toEqual({ userId: TOKEN, email: null, erased: false, label: "Okta (Harbor)" });
    expect(joined.metadata).toEqual({
      ip: "192.0.2.10",
      userAgent: "Okta SCIM Client 1.0",
      requestId: "req-7",
    });
    // Erasing Jane leaves the token's label and the address; her values go.
    const erased = joinAuditEvent(sealed, []);
    expect(erased.actor.label).toBe("Okta (Harbor)");
    expect(erased.target).toMatchObject({ label: null, erased: true });
    expect(erased.changes).toEqual({ roleId: { before: "rol_0000000001", after: "rol_0000000002" } });
  });

  it("R18 a person's events are unchanged: no label and only the request id in the chain", async () => {
    const { event } = await splitAuditEvent({
      ...draft,
      actor: { userId: JANE, email: "jane@clinic.example" },
    });
    expect(event.actor).toEqual({ userId: JANE });
    expect(event.metadata).toEqual({ requestId: "req-7" });
  });
});
