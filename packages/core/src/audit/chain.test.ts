import { describe, expect, it } from "vitest";
import type { LegacyAuditEvent } from "./audit.schema";
import { canonicalJson, checkLink, GENESIS_HASH, hashEvent } from "./chain";

async function chain(n: number): Promise<LegacyAuditEvent[]> {
  const out: LegacyAuditEvent[] = [];
  let previousHash = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const base = {
      id: `evt_${String(i).padStart(10, "0")}`,
      organizationId: "org_0000000001",
      sequence: i,
      at: "2026-11-23T12:00:00.000Z",
      actor: { userId: "usr_0000000001", email: "a@b.org" },
      action: "user.updated",
      target: { type: "user", id: "usr_0000000002", label: "Jane Smith" },
      outcome: "success" as const,
      changes: { roleId: { before: "rol_0000000001", after: "rol_0000000002" } },
      metadata: {},
      previousHash,
    };
    const hash = await hashEvent(base);
    out.push({ ...base, hash });
    previousHash = hash;
  }
  return out;
}

describe("audit hash chain (R18)", () => {
  it("serialises keys in a stable order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });

  it("accepts an untouched chain and names the kind of each tampering", async () => {
    const events = await chain(3);
    let prev = { sequence: 0, hash: GENESIS_HASH };
    for (const e of events) {
      expect(await checkLink(prev, e)).toBeNull();
      prev = { sequence: e.sequence, hash: e.hash };
    }
    const [first, second, third] = events as [LegacyAuditEvent, LegacyAuditEvent, LegacyAuditEvent];
    const afterFirst = { sequence: 1, hash: first.hash };
    const edited: LegacyAuditEvent = { ...second, action: "user.created" };
    expect(await checkLink(afterFirst, edited)).toBe("edited");
    expect(await checkLink(afterFirst, third)).toBe("removed");
    expect(await checkLink({ sequence: 2, hash: second.hash }, second)).toBe("inserted");
  });
});
