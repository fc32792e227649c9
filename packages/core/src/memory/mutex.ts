/**
 * A promise-chain mutex: callers of {@link Mutex.run} run one at a time, in call order. A task that
 * rejects releases the mutex like one that resolves, so one failure never blocks the chain.
 *
 * @example
 * const mutex = new Mutex();
 * await Promise.all([mutex.run(a), mutex.run(b)]); // b starts after a settles
 */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  /** Runs `task` once every earlier task has settled; settles as `task` does. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release: () => void = noop;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      return await task();
    } finally {
      release();
    }
  }
}

function noop(): void {}
