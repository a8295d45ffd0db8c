/**
 * Holding a code in front of the camera yields the same text 30 times a second: it should
 * trigger once. A text triggers when it has not been seen for `windowMs`; every sighting
 * extends the window, so a code left in view never triggers again until it has been out of
 * view for that long.
 */
export class RepeatFilter {
  private readonly seen = new Map<string, number>();

  constructor(readonly windowMs = 3_000) {}

  /** Whether this sighting of `text` at time `now` (ms) should trigger. */
  accept(text: string, now: number): boolean {
    for (const [t, at] of this.seen) if (now - at > this.windowMs) this.seen.delete(t);
    const last = this.seen.get(text);
    this.seen.set(text, now);
    return last === undefined || now - last > this.windowMs;
  }

  /** Lets `text` trigger again at once. */
  forget(text: string): void {
    this.seen.delete(text);
  }

  clear(): void {
    this.seen.clear();
  }
}
