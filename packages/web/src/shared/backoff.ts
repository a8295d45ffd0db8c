/**
 * Retry timing shared by the checkpoint's scan log sync and the lists' refresh: doubling
 * delays with jitter, and timers that tests can run by hand.
 */

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Delay before retry number `failures` (1, 2, …): doubling from `baseMs` up to `maxMs`,
 * with jitter between half and all of it so that many phones do not retry in step.
 */
export function backoffDelay(failures: number, baseMs = 2_000, maxMs = 300_000, random: () => number = Math.random) {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(ceiling * (0.5 + 0.5 * random()));
}
