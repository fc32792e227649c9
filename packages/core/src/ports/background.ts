/**
 * Where work runs that must not hold up an answer: everything a password-reset request does for an
 * email that has an account (look-up, token, audit, mail), and the audit event of a throttled
 * client. Doing it after answering is what makes a known and an unknown email answer alike.
 *
 * Contract: `run` returns at once, never throws, and starts `task` no earlier than the caller's
 * next turn of the event loop (so not even the task's synchronous start delays the answer); a
 * task's rejection is contained (reported, never propagated). `settled` resolves once every task
 * started before it — and every task those start — has finished.
 *
 * @example
 * // A platform that stops work when the response ends (Vercel, Cloudflare) is told to wait for it:
 * createDirectory({ store, background: inProcessTasks({ track: (done) => waitUntil(done), onError: report }) });
 */
export interface BackgroundTasks {
  /** Starts `task` off the caller's path. */
  run(task: () => Promise<void>): void;
  /** Resolves when all work started so far is done (tests, graceful shutdown). */
  settled(): Promise<void>;
}

/**
 * Options of {@link inProcessTasks}.
 *
 * @example { onError: (error) => console.error("background task failed", error) }
 */
export interface InProcessTasksOptions {
  /**
   * Told about a task that failed (a store outage, a bug). Default: nothing — the answer was given
   * long ago and a reset link can be asked for again. Never given a mailed token: mail failures are
   * swallowed before they get here.
   */
  readonly onError?: (error: unknown) => void;
  /** Told of each task's promise as it starts (for a platform's `waitUntil`). Default: nothing. */
  readonly track?: (done: Promise<void>) => void;
}

declare function setTimeout(callback: () => void, ms?: number): unknown;

/**
 * The default {@link BackgroundTasks}: tasks run in this process, each started by a zero-delay timer
 * (after the current answer has been written), with failures contained.
 *
 * @example
 * const tasks = inProcessTasks({ onError: report });
 * const directory = createDirectory({ store, background: tasks });
 * process.on("SIGTERM", async () => { await tasks.settled(); process.exit(0); });
 */
export function inProcessTasks(options: InProcessTasksOptions = {}): BackgroundTasks {
  const pending = new Set<Promise<void>>();
  return {
    run(task) {
      const done: Promise<void> = new Promise<void>((resolve) => {
        setTimeout(resolve, 0);
      })
        .then(task)
        .catch((error: unknown) => {
          try {
            options.onError?.(error);
          } catch {
            // A failing reporter must not turn a contained failure into an unhandled one.
          }
        })
        .finally(() => {
          pending.delete(done);
        });
      pending.add(done);
      try {
        options.track?.(done);
      } catch {
        // Same: tracking is best effort.
      }
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
