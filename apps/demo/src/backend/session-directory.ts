import { DirectoryError, type StaffDirectory } from "@staffroom/core";
import type { SessionProblem } from "./backend";

type AnyFunction = (...args: never[]) => unknown;
type Group = "users" | "roles" | "locations" | "organization" | "sessions" | "audit" | "provisioning";
const GROUPS: readonly Group[] = [
  "users",
  "roles",
  "locations",
  "organization",
  "sessions",
  "audit",
  "provisioning",
];
/** Synchronous methods: they answer from the actor the last `me()` loaded, as `restDirectory`'s do. */
const SYNC = new Set(["can", "actions"]);

/**
 * What a failed call says about the session, if anything.
 *
 * @example sessionProblemOf(new DirectoryError({ code: "unauthenticated", message: "" })) // "ended"
 */
export function sessionProblemOf(error: unknown): SessionProblem | null {
  if (DirectoryError.is(error, "unauthenticated")) return "ended";
  if (DirectoryError.is(error, "rule") && error.rule === "must_change_password")
    return "must_change_password";
  return null;
}

/**
 * A StaffDirectory whose every asynchronous call first obtains `current()` (the in-browser wiring
 * authorizes the session there, as the REST handler does per request) and reports a lost session to
 * `onProblem` before rejecting as usual. `can()` and `users.actions()` stay synchronous on `base`.
 *
 * @example
 * const actor = await auth.authorize(token);
 * const dir = sessionDirectory(directory.forActor(actor), async () => directory.forActor(await auth.authorize(token)), signOut);
 */
export function sessionDirectory(
  base: StaffDirectory,
  current: () => Promise<StaffDirectory>,
  onProblem: (problem: SessionProblem) => void,
): StaffDirectory {
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      const problem = sessionProblemOf(error);
      if (problem) onProblem(problem);
      throw error;
    }
  };
  const wrapGroup = (group: Group): object => {
    const own = base[group] as unknown as Record<string, AnyFunction>;
    const wrapped: Record<string, AnyFunction> = {};
    for (const [name, method] of Object.entries(own)) {
      if (typeof method !== "function") continue;
      wrapped[name] = SYNC.has(name)
        ? method.bind(own)
        : (...args: never[]) =>
            guard(async () => {
              const target = (await current())[group] as unknown as Record<string, AnyFunction>;
              return (target[name] as AnyFunction)(...args);
            });
    }
    return wrapped;
  };
  const wrapped = {
    organizationId: base.organizationId,
    can: base.can.bind(base),
    me: () =>
      guard(async () => {
        await current();
        return base.me();
      }),
  } as Record<string, unknown>;
  for (const group of GROUPS) wrapped[group] = wrapGroup(group);
  return wrapped as unknown as StaffDirectory;
}
