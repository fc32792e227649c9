// Sign-ins per second with the default hasher (slow on purpose: PBKDF2-SHA256, 600 000 iterations)
// and session() resolutions per second (must be fast: ≥ 100 000/s on the memory store).
import { performance } from "node:perf_hooks";
import { createDirectory, manualClock } from "../dist/index.js";
import { memoryStore } from "../dist/memory.js";
import { FIXTURE_PASSWORD, standardBootstrap } from "../dist/testing.js";

export async function authBench() {
  const clock = manualClock("2026-11-23T12:00:00Z");
  const directory = createDirectory({ store: memoryStore(), clock });
  const boot = standardBootstrap();
  await directory.bootstrap(boot);
  const email = boot.owner.email;

  const signIns = 12;
  let t = performance.now();
  const tokens = [];
  for (let i = 0; i < signIns; i++)
    tokens.push((await directory.auth.signIn({ email, password: FIXTURE_PASSWORD })).token);
  const signInMs = (performance.now() - t) / signIns;

  const token = tokens[0];
  for (let i = 0; i < 5_000; i++) await directory.auth.session(token);
  const resolutions = 200_000;
  t = performance.now();
  for (let i = 0; i < resolutions; i++) await directory.auth.session(token);
  const sessionMs = performance.now() - t;

  return [
    {
      measure: "signIn (default hasher, sequential)",
      "per second": (1000 / signInMs).toFixed(1),
      "ms each": signInMs.toFixed(1),
    },
    {
      measure: "session() resolutions",
      "per second": Math.round((resolutions / sessionMs) * 1000).toLocaleString("en-US"),
      "ms each": (sessionMs / resolutions).toFixed(4),
    },
  ];
}
