/** The time source, injected so that expiry and back-off are tested without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to: `clock.advance(1000)`. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(at: Date | string): void;
}

export function manualClock(start: Date | string = '2021-08-15T03:00:00.000Z'): ManualClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (at) => {
      t = new Date(at).getTime();
    },
  };
}

/** ISO-8601 UTC with milliseconds: the one timestamp format stored in the database (sortable as text). */
export const iso = (d: Date): string => d.toISOString();
