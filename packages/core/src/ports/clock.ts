/**
 * Where time comes from. Tests pass a {@link manualClock} to move time (invitation expiry, lockout).
 *
 * @example createDirectory({ store, clock: manualClock("2026-11-23T08:00:00Z") })
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The system clock (default). @example createDirectory({ store, clock: systemClock }) */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told. @example const clock = manualClock(); clock.advance(15 * 60_000); */
export interface ManualClock extends Clock {
  /** Moves time forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Sets the time. */
  set(at: string | number): void;
}

/**
 * A manual clock for tests and demos.
 *
 * @example const clock = manualClock("2026-11-23T08:00:00Z"); clock.advance(8 * 24 * 3600_000);
 */
export function manualClock(start: string | number = "2026-01-05T09:00:00.000Z"): ManualClock {
  let t = typeof start === "number" ? start : Date.parse(start);
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (at) => {
      t = typeof at === "number" ? at : Date.parse(at);
    },
  };
}

/** ISO string of a clock's now. */
export const isoNow = (clock: Clock): string => new Date(clock.now()).toISOString();
