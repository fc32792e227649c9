import { type DirectoryGroup, isGroupMember, type ProvisionedAttributes, type User } from "@staffroom/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCIM_URN } from "../src/index";
import {
  DATABASE_URL,
  memoryBackend,
  pgliteBackend,
  postgresBackend,
  type TestStore,
} from "./support/databases";
import { type ScimWorld, scimWorld } from "./support/scim-world";

/**
 * Random sequences of what identity providers send — creates (colliding names and external ids
 * included), PUTs, PATCHes in RFC and Entra shapes, deletes, group joins and leaves in both shapes —
 * mixed with an administrator's own edits, over real HTTP. After every step: no 5xx; the invariants
 * core's property suite checks (R3 roles the token may grant, R5, R6 an active administrator who is
 * the main contact, R8 primary inside access and live, R9 named seats); and the SCIM view equals the
 * StaffDirectory view (every user, every attribute, every group's members). At the end the audit
 * chain verifies (R18).
 */

const NAMES = ["ana", "ben", "cy", "di", "ed", "flo"];
const EXTERNAL = ["ext-a", "ext-b", "ext-c"];
const GROUP_NAMES = [
  "Front Desk",
  "Provider",
  "Read-only Staff",
  "Administrator",
  "Eastside Clinic staff",
  "Northside Clinic staff",
  "Nurses",
];

type Op =
  | { kind: "create"; name: number; external: number | null; active: boolean; phone: "none" | "good" | "bad" }
  | { kind: "patch"; target: number; ops: readonly PatchPick[] }
  | { kind: "put"; target: number; title: string | null; familyName: string; active: boolean }
  | { kind: "delete"; target: number }
  | { kind: "join" | "leave"; group: number; targets: readonly number[]; rfc: boolean }
  | { kind: "admin"; target: number; action: "disable" | "restore" | "role" };

type PatchPick =
  | { p: "active"; value: boolean | string }
  | { p: "title"; value: string | null }
  | { p: "given"; value: string }
  | { p: "mobile"; value: string }
  | { p: "external"; value: number | null }
  | { p: "department"; value: string }
  | { p: "pathless"; active: boolean; given: string };

const target = fc.nat(8);
const patchPick: fc.Arbitrary<PatchPick> = fc.oneof(
  fc.record({
    p: fc.constant("active" as const),
    value: fc.constantFrom<boolean | string>(true, false, "True", "False"),
  }),
  fc.record({ p: fc.constant("title" as const), value: fc.constantFrom("Nurse", "Scheduler", null) }),
  fc.record({ p: fc.constant("given" as const), value: fc.constantFrom("Ana", "Zoë", "") }),
  fc.record({
    p: fc.constant("mobile" as const),
    value: fc.constantFrom("+14155550101", "+14155550102", "not a phone"),
  }),
  fc.record({ p: fc.constant("external" as const), value: fc.option(fc.nat(2), { nil: null }) }),
  fc.record({ p: fc.constant("department" as const), value: fc.constantFrom("ED", "Radiology") }),
  fc.record({
    p: fc.constant("pathless" as const),
    active: fc.boolean(),
    given: fc.constantFrom("Bo", "Cy"),
  }),
);
const operation: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("create" as const),
      name: fc.nat(NAMES.length - 1),
      external: fc.option(fc.nat(2), { nil: null }),
      active: fc.boolean(),
      phone: fc.constantFrom<"none" | "good" | "bad">("none", "good", "bad"),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("patch" as const),
      target,
      ops: fc.array(patchPick, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("put" as const),
      target,
      title: fc.option(fc.constantFrom("Lead", "MA"), { nil: null }),
      familyName: fc.constantFrom("Moss", "Park"),
      active: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), target }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom("join" as const, "leave" as const),
      group: fc.nat(GROUP_NAMES.length - 1),
      targets: fc.uniqueArray(
        fc.oneof({ weight: 6, arbitrary: fc.nat(5) }, { weight: 1, arbitrary: target }),
        { minLength: 1, maxLength: 3 },
      ),
      rfc: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("admin" as const),
      target,
      action: fc.constantFrom<"disable" | "restore" | "role">("disable", "restore", "role"),
    }),
  },
);

const patchBody = (ops: readonly unknown[]) => ({ schemas: [SCIM_URN.patchOp], Operations: ops });

function patchOperation(pick: PatchPick): unknown {
  switch (pick.p) {
    case "active":
      return {
        op: typeof pick.value === "string" ? "Replace" : "replace",
        path: "active",
        value: pick.value,
      };
    case "title":
      return pick.value === null
        ? { op: "remove", path: "title" }
        : { op: "replace", path: "title", value: pick.value };
    case "given":
      return { op: "Replace", path: "name.givenName", value: pick.value };
    case "mobile":
      return { op: "Add", path: 'phoneNumbers[type eq "mobile"].value', value: pick.value };
    case "external":
      return pick.value === null
        ? { op: "remove", path: "externalId" }
        : { op: "replace", path: "externalId", value: EXTERNAL[pick.value] };
    case "department":
      return { op: "Replace", path: `${SCIM_URN.enterprise}:department`, value: pick.value };
    case "pathless":
      return { op: "replace", value: { active: pick.active, "name.givenName": pick.given } };
  }
}

/** Known user ids: created ones, the owner, a second administrator, and ids that name nobody. */
class Ids {
  readonly list: string[];
  constructor(owner: string, admin: string) {
    this.list = [owner, admin, "usr_nobody00000000000"];
  }
  /** 0–5: one of the created users (when there is one); 6, 7, 8: the owner, the administrator, nobody. */
  pick(i: number): string {
    const created = this.list.slice(3);
    if (i < 6 && created.length > 0) return created[i % created.length] as string;
    return this.list[i % 3] as string;
  }
}

async function apply(
  w: ScimWorld,
  ids: Ids,
  op: Op,
  groupIds: ReadonlyMap<string, string>,
): Promise<number[]> {
  const statuses: number[] = [];
  const send = async (method: string, path: string, body?: unknown) => {
    const answer = await w.scim(method, path, body);
    statuses.push(answer.status);
    return answer;
  };
  switch (op.kind) {
    case "create": {
      const name = NAMES[op.name] as string;
      const answer = await send("POST", "/Users", {
        schemas: [SCIM_URN.user],
        userName: `${name}@harbor.example`,
        name: { givenName: name.toUpperCase(), familyName: "Moss" },
        active: op.active,
        ...(op.external !== null ? { externalId: EXTERNAL[op.external] } : {}),
        ...(op.phone !== "none"
          ? { phoneNumbers: [{ type: "work", value: op.phone === "good" ? "+14155550177" : "12" }] }
          : {}),
      });
      if (answer.status === 201) ids.list.push(answer.body.id);
      break;
    }
    case "patch":
      await send("PATCH", `/Users/${ids.pick(op.target)}`, patchBody(op.ops.map(patchOperation)));
      break;
    case "put": {
      const current = await w.scim("GET", `/Users/${ids.pick(op.target)}`);
      if (current.status !== 200) break;
      const { title: _title, ...rest } = current.body;
      await send("PUT", `/Users/${current.body.id}`, {
        ...rest,
        ...(op.title ? { title: op.title } : {}),
        name: { ...current.body.name, familyName: op.familyName },
        active: op.active,
      });
      break;
    }
    case "delete":
      await send("DELETE", `/Users/${ids.pick(op.target)}`);
      break;
    case "join":
    case "leave": {
      const group = groupIds.get(GROUP_NAMES[op.group] as string) as string;
      const members = op.targets.map((t) => ids.pick(t));
      if (op.kind === "join")
        await send(
          "PATCH",
          `/Groups/${group}`,
          patchBody([{ op: "Add", path: "members", value: members.map((value) => ({ value })) }]),
        );
      else if (op.rfc)
        await send(
          "PATCH",
          `/Groups/${group}`,
          patchBody(members.map((m) => ({ op: "remove", path: `members[value eq "${m}"]` }))),
        );
      else
        await send(
          "PATCH",
          `/Groups/${group}`,
          patchBody([{ op: "Remove", path: "members", value: members.map((value) => ({ value })) }]),
        );
      break;
    }
    case "admin": {
      const id = ids.pick(op.target);
      try {
        const user = await w.owner.users.get(id);
        if (op.action === "disable") await w.owner.users.disable(id, { version: user.version });
        else if (op.action === "restore") await w.owner.users.restore(id, { version: user.version });
        else await w.owner.users.update(id, { roleId: w.roles.frontDesk.id }, { version: user.version });
      } catch {
        // The administrator's refusals are core's business; the invariants below still hold.
      }
    }
  }
  return statuses;
}

interface Expected {
  readonly users: User[];
  readonly attributes: Map<string, ProvisionedAttributes>;
  readonly groups: DirectoryGroup[];
}

async function staffroomView(w: ScimWorld): Promise<Expected> {
  const users = await w.allUsers();
  const attributes = new Map(
    (await w.owner.provisioning.attributes(users.map((u) => u.id))).map((a) => [a.userId, a]),
  );
  return { users, attributes, groups: await w.owner.provisioning.groups() };
}

async function scimUsers(w: ScimWorld): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let start = 1; ; start += 200) {
    const { status, body } = await w.scim("GET", `/Users?startIndex=${start}&count=200`);
    expect(status).toBe(200);
    out.push(...body.Resources);
    if (out.length >= body.totalResults) return out;
  }
}

async function checkStep(w: ScimWorld, trace: string): Promise<void> {
  const view = await staffroomView(w);
  const org = await w.owner.organization.get();
  const roles = new Map((await w.owner.roles.list()).map((r) => [r.id, r]));
  const locations = new Map((await w.owner.locations.list()).map((l) => [l.id, l]));
  const grantable = new Set([
    w.roles.frontDesk.id,
    w.roles.provider.id,
    w.roles.billing.id,
    w.roles.readOnly.id,
  ]);
  const admins = view.users.filter(
    (u) => u.status === "active" && roles.get(u.roleId)?.permissions.includes("users.manage"),
  );
  expect(admins.length, `R6 ${trace}`).toBeGreaterThan(0);
  expect(
    admins.some((u) => u.id === org.mainContactUserId),
    `R6/R7 ${trace}`,
  ).toBe(true);
  let seats = 0;
  for (const u of view.users) {
    expect(u.organizationId, `R5 ${trace}`).toBe(org.id);
    const primary = locations.get(u.primaryLocationId);
    expect(primary && !primary.archived, `R8 live primary ${trace}`).toBe(true);
    expect(
      u.locationAccess === "organization" || u.locationAccess.includes(u.primaryLocationId),
      `R8 ${trace}`,
    ).toBe(true);
    if (
      ![org.mainContactUserId, view.users.find((x) => x.email === "adam.admin@harbor.example")?.id].includes(
        u.id,
      )
    )
      expect(grantable.has(u.roleId), `R3 ${u.email} holds a role the token may not give ${trace}`).toBe(
        true,
      );
    if (u.status !== "disabled") seats++;
  }
  if (org.seats.named !== null) expect(seats, `R9 ${trace}`).toBeLessThanOrEqual(org.seats.named);
  // The SCIM view equals the StaffDirectory view.
  const docs = await scimUsers(w);
  expect(docs.map((d) => d.id).sort(), `same users ${trace}`).toEqual(view.users.map((u) => u.id).sort());
  for (const doc of docs) {
    const user = view.users.find((u) => u.id === doc.id) as User;
    const attrs = view.attributes.get(user.id);
    const phones = [
      ...(user.profile.primaryPhone
        ? [{ value: user.profile.primaryPhone, type: "work", primary: true }]
        : []),
      ...(user.profile.alternatePhone
        ? [{ value: user.profile.alternatePhone, type: "mobile", primary: false }]
        : []),
    ];
    const ext = {
      ...(attrs?.employeeNumber ? { employeeNumber: attrs.employeeNumber } : {}),
      ...(attrs?.department ? { department: attrs.department } : {}),
    };
    expect(doc, `${user.email} ${trace}`).toMatchObject({
      userName: user.email,
      name: { givenName: user.profile.givenName, familyName: user.profile.familyName },
      displayName: user.displayName,
      active: user.status !== "disabled",
      emails: [{ value: user.email, type: "work", primary: true }],
    });
    expect(doc.title ?? null).toBe(user.profile.jobTitle || null);
    expect(doc.phoneNumbers ?? []).toEqual(phones);
    expect(doc.externalId ?? null).toBe(attrs?.externalId ?? null);
    expect(doc[SCIM_URN.enterprise] ?? {}).toEqual(ext);
    const groups = view.groups
      .filter((g) => isGroupMember(user, g))
      .map((g) => g.id)
      .sort();
    expect(
      (doc.groups as { value: string }[]).map((g) => g.value).sort(),
      `${user.email} groups ${trace}`,
    ).toEqual(groups);
  }
  const scimGroups = (await w.scim("GET", "/Groups?count=200")).body.Resources as {
    id: string;
    members: { value: string }[];
  }[];
  expect(scimGroups.map((g) => g.id)).toEqual(view.groups.map((g) => g.id));
  for (const g of scimGroups) {
    const group = view.groups.find((x) => x.id === g.id) as DirectoryGroup;
    const members = view.users
      .filter((u) => isGroupMember(u, group))
      .map((u) => u.id)
      .sort();
    expect(g.members.map((m) => m.value).sort(), `${group.displayName} members ${trace}`).toEqual(members);
  }
}

async function runSequence(open: () => Promise<TestStore>, ops: readonly Op[]): Promise<void> {
  const backend = await open();
  const w = await scimWorld(backend);
  try {
    const admin = await w.owner.users.create({
      email: "adam.admin@harbor.example",
      profile: { givenName: "Adam", familyName: "Admin" },
      roleId: w.roles.admin.id,
      locationAccess: "organization",
      primaryLocationId: w.locations.main,
    });
    const org = await w.owner.organization.get();
    await w.owner.organization.update({ seats: { ...org.seats, named: 6 } }, { version: org.version });
    const ids = new Ids(w.world.owner.id, admin.id);
    const groupIds = new Map<string, string>(
      (
        (await w.scim("GET", "/Groups?excludedAttributes=members")).body.Resources as {
          id: string;
          displayName: string;
        }[]
      ).map((g) => [g.displayName, g.id]),
    );
    const trace: string[] = [];
    for (const op of ops) {
      trace.push(JSON.stringify(op));
      const statuses = await apply(w, ids, op, groupIds);
      for (const s of statuses) expect(s, `no 5xx after ${trace.join(" → ")}`).toBeLessThan(500);
      await checkStep(w, trace.join(" → "));
    }
    expect(await w.owner.audit.verify()).toMatchObject({ ok: true });
  } finally {
    await w.close();
    await backend.close();
  }
}

describe("SCIM properties: random IdP traffic keeps core's invariants, and the SCIM view equals the StaffDirectory view", () => {
  it("R3/R5/R6/R8/R9/R18 memory: 30 random sequences of up to 12 SCIM and administrator operations", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), (ops) =>
        runSequence(memoryBackend, ops),
      ),
      { numRuns: 30 },
    );
  });

  it("R3/R5/R6/R8/R9/R18 PGlite: 3 random sequences", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 10 }), (ops) =>
        runSequence(pgliteBackend, ops),
      ),
      { numRuns: 3 },
    );
  });

  it.skipIf(!DATABASE_URL)("R3/R5/R6/R8/R9/R18 PostgreSQL (DATABASE_URL): 20 random sequences", async () => {
    const url = DATABASE_URL as string;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 10 }), (ops) =>
        runSequence(() => postgresBackend(url, 4), ops),
      ),
      { numRuns: 20 },
    );
  });
});
