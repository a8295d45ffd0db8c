/**
 * Rendered guides by everything they are made from (the kind and the ward's context): a guide
 * takes a few hundred milliseconds of CPU to render and is the same for everyone of the ward
 * until its settings or the day change. Bounded (least recently used dropped first); requests
 * arriving while one renders share that render; a failed render is not kept.
 */
export class GuideCache {
  private readonly entries = new Map<string, Promise<Uint8Array>>();
  renders = 0;

  constructor(private readonly max = 32) {}

  get(key: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    this.renders++;
    const made = make();
    this.entries.set(key, made);
    made.catch(() => {
      if (this.entries.get(key) === made) this.entries.delete(key);
    });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return made;
  }

  get size(): number {
    return this.entries.size;
  }
}
