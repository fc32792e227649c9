import fc from "fast-check";
import type { OrgIndex } from "./model";
import type { AccessPick, ActorPick, EmailPick, ForeignProbe, Operation } from "./operations";

const org: fc.Arbitrary<OrgIndex> = fc.constantFrom<OrgIndex>(0, 1);
const index = fc.oneof({ arbitrary: fc.nat(9), weight: 4 }, { arbitrary: fc.nat(60), weight: 1 });
const actor: fc.Arbitrary<ActorPick> = fc.oneof(
  { arbitrary: fc.constant<ActorPick>({ mainContact: true }), weight: 1 },
  { arbitrary: fc.nat(6).map<ActorPick>((i) => ({ mainContact: false, index: i })), weight: 3 },
  { arbitrary: fc.nat(60).map<ActorPick>((i) => ({ mainContact: false, index: i })), weight: 1 },
);
/** A quarter of the writes name a version that is not current (R12). */
const stale = fc.oneof(
  { arbitrary: fc.constant(false), weight: 3 },
  { arbitrary: fc.constant(true), weight: 1 },
);
const access: fc.Arbitrary<AccessPick> = fc.record({
  orgWide: fc.oneof(
    { arbitrary: fc.constant(false), weight: 4 },
    { arbitrary: fc.constant(true), weight: 1 },
  ),
  locations: fc.uniqueArray(fc.nat(5), { minLength: 1, maxLength: 2 }),
  primary: fc.nat(1),
});
const email: fc.Arbitrary<EmailPick> = fc.oneof(
  { arbitrary: fc.constant<EmailPick>({ reuse: false }), weight: 5 },
  { arbitrary: fc.record({ reuse: fc.constant(true as const), org, index }), weight: 1 },
);
const PROBES: readonly ForeignProbe[] = [
  "get",
  "update",
  "disable",
  "restore",
  "delete",
  "revoke",
  "grantForeignRole",
  "grantForeignLocation",
  "setForeignRole",
  "updateForeignRole",
  "archiveForeignLocation",
  "handOverToForeign",
  "bulkForeign",
  "actInOtherOrg",
];

const base = { org, actor };

/**
 * Random operations by random actors across both organizations.
 *
 * @example fc.array(operationArbitrary, { maxLength: 30 })
 */
export const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  {
    arbitrary: fc.record({
      ...base,
      kind: fc.constantFrom("create" as const, "invite" as const),
      role: index,
      access,
      email,
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      ...base,
      kind: fc.constant("setRole" as const),
      target: index,
      role: index,
      stale,
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      ...base,
      kind: fc.constant("setLocations" as const),
      target: index,
      access,
      stale,
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      ...base,
      kind: fc.constant("setProfile" as const),
      target: index,
      title: fc.nat(4),
      stale,
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      ...base,
      kind: fc.constantFrom("disable" as const, "restore" as const, "delete" as const),
      target: index,
      stale,
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({ ...base, kind: fc.constant("revoke" as const), target: index, stale }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      ...base,
      kind: fc.constant("createRole" as const),
      fromActor: fc.boolean(),
      mask: fc.nat(),
      extra: fc.option(fc.nat(40)),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      ...base,
      kind: fc.constant("toggleRole" as const),
      role: index,
      fromActor: fc.boolean(),
      toggles: fc.uniqueArray(fc.nat(40), { minLength: 1, maxLength: 3 }),
      stale,
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ ...base, kind: fc.constant("createLocation" as const) }), weight: 1 },
  {
    arbitrary: fc.record({
      ...base,
      kind: fc.constant("archiveLocation" as const),
      location: fc.nat(5),
      stale,
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ ...base, kind: fc.constant("handOver" as const), target: index }), weight: 1 },
  {
    arbitrary: fc.record({
      ...base,
      kind: fc.constant("bulk" as const),
      action: fc.constantFrom("disable" as const, "restore" as const, "delete" as const, "setRole" as const),
      targets: fc.array(index, { minLength: 1, maxLength: 4 }),
      role: index,
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      ...base,
      kind: fc.constant("foreign" as const),
      probe: fc.constantFrom(...PROBES),
      target: index,
    }),
    weight: 3,
  },
);
