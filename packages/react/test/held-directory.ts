import type { StaffDirectory } from "@staffroom/core";

/** One call the test holds: it ran on the real directory, its answer waits for the test. */
export interface HeldCall {
  /** Resolves once the widget has made the call (with its arguments). */
  readonly made: Promise<readonly unknown[]>;
  /** Hands the directory's answer (read when the call was made) to the caller. */
  release(): void;
  /** Fails the call instead, as a dropped connection or a 5xx would. */
  fail(error: unknown): void;
}

/** A directory whose chosen calls answer when the test says. */
export interface HeldDirectory {
  readonly directory: StaffDirectory;
  /**
   * Holds the next call of `method` ("users.list", "me", …) whose arguments match `when`.
   * Default `when`: any call.
   */
  hold(method: string, when?: (...args: readonly unknown[]) => boolean): HeldCall;
}

interface Rule {
  readonly method: string;
  readonly when: (...args: readonly unknown[]) => boolean;
  readonly made: (args: readonly unknown[]) => void;
  readonly gate: Promise<{ ok: true } | { ok: false; error: unknown }>;
}

/**
 * Wraps a real directory (the memory backend of `seededWorld`) so a test decides the order in which
 * answers arrive, the way a loaded machine or a slow network reorders them. A held call runs on the
 * backend at once, so its answer is what the store held at that moment, and reaches the widget only
 * on `release()`; every other call passes straight through. Synchronous methods (`can`,
 * `users.actions`) stay synchronous.
 *
 * @example
 * const held = heldDirectory(seeded.owner);
 * const list = held.hold("users.list", (q) => (q as UserQuery).status === "disabled");
 * renderWith(held.directory, <UserDirectory />);
 * await list.made; … list.release();
 */
export function heldDirectory(base: StaffDirectory): HeldDirectory {
  const rules: Rule[] = [];

  const call = (method: string, run: () => unknown, args: readonly unknown[]): unknown => {
    const answer = run();
    if (!(answer instanceof Promise)) return answer;
    const index = rules.findIndex((r) => r.method === method && r.when(...args));
    const rule = rules[index];
    if (!rule) return answer;
    rules.splice(index, 1);
    rule.made(args);
    // The backend's answer is settled already or soon; the caller sees it only when the gate opens.
    const settled = answer.then(
      (value: unknown) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    return rule.gate.then(async (gate) => {
      if (!gate.ok) throw gate.error;
      const outcome = await settled;
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    });
  };

  const wrap = (target: object, prefix: string): object =>
    new Proxy(target, {
      get(object, name) {
        const value: unknown = Reflect.get(object, name);
        if (typeof name !== "string") return value;
        if (typeof value === "function") {
          return (...args: unknown[]) =>
            call(`${prefix}${name}`, () => (value as (...a: unknown[]) => unknown).apply(object, args), args);
        }
        if (value && typeof value === "object" && prefix === "") return wrap(value, `${name}.`);
        return value;
      },
    });

  return {
    directory: wrap(base, "") as StaffDirectory,
    hold(method, when = () => true) {
      let made: (args: readonly unknown[]) => void = () => undefined;
      let open: (gate: { ok: true } | { ok: false; error: unknown }) => void = () => undefined;
      const madePromise = new Promise<readonly unknown[]>((resolve) => {
        made = resolve;
      });
      const gate = new Promise<{ ok: true } | { ok: false; error: unknown }>((resolve) => {
        open = resolve;
      });
      rules.push({ method, when, made, gate });
      return {
        made: madePromise,
        release: () => open({ ok: true }),
        fail: (error) => open({ ok: false, error }),
      };
    },
  };
}
