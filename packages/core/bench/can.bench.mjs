// can() decisions per second, side by side with @casl/ability expressing the same rules:
// "holds users.manage" and "holds users.manage and every location of the target is one of mine".
import { createMongoAbility, subject } from "@casl/ability";
import { Bench } from "tinybench";
import { accessSubject, decide, defaultCatalog } from "../dist/index.js";

const mine = ["loc_000000000a", "loc_000000000b"];
const staffroom = accessSubject(
  "usr_0000000001",
  defaultCatalog.permissions.filter((p) => !p.startsWith("billing")),
  mine,
  false,
);
const casl = createMongoAbility([
  ...defaultCatalog.permissions
    .filter((p) => !p.startsWith("billing"))
    .map((p) => ({ action: p, subject: "User" })),
  {
    action: "users.manage",
    subject: "User",
    inverted: true,
    conditions: { locationAccess: { $elemMatch: { $nin: mine } } },
  },
]);

const inside = { locationAccess: ["loc_000000000a"] };
const outside = { locationAccess: ["loc_000000000a", "loc_000000000z"] };
const caslInside = subject("User", { ...inside });
const caslOutside = subject("User", { ...outside });

// Both libraries must agree before their speed means anything.
const agree = [
  [decide(staffroom, "users.manage"), casl.can("users.manage", "User")],
  [decide(staffroom, "billing.issue_refunds"), casl.can("billing.issue_refunds", "User")],
  [decide(staffroom, "users.manage", inside), casl.can("users.manage", caslInside)],
  [decide(staffroom, "users.manage", outside), casl.can("users.manage", caslOutside)],
];
for (const [a, b] of agree) if (a !== b) throw new Error(`Staffroom and CASL disagree: ${a} vs ${b}`);

export async function canBench() {
  const bench = new Bench({ time: 1000, warmupTime: 200 });
  let sink = 0;
  bench
    .add("staffroom decide(permission)", () => {
      if (decide(staffroom, "users.manage")) sink++;
    })
    .add("casl can(permission)", () => {
      if (casl.can("users.manage", "User")) sink++;
    })
    .add("staffroom decide(permission, target)", () => {
      if (decide(staffroom, "users.manage", outside)) sink++;
    })
    .add("casl can(permission, target)", () => {
      if (casl.can("users.manage", caslOutside)) sink++;
    });
  await bench.run();
  if (sink < 0) console.log(sink);
  return bench.tasks.map((t) => ({
    task: t.name,
    "ops/s": Math.round(t.result.throughput.mean).toLocaleString("en-US"),
    "median ns": Math.round(t.result.latency.p50 * 1e6),
  }));
}
