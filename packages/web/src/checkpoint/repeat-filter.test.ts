import { describe, expect, it } from 'vitest';
import { RepeatFilter } from './repeat-filter.js';

describe('RepeatFilter', () => {
  it('triggers once for a code held in view, again after it was out of view for the window', () => {
    const f = new RepeatFilter(3000);
    expect(f.accept('A', 0)).toBe(true);
    for (let t = 33; t < 10_000; t += 33) expect(f.accept('A', t)).toBe(false);
    expect(f.accept('A', 10_000 + 3001)).toBe(true);
  });

  it('lets a different code through at once, and keeps each code apart', () => {
    const f = new RepeatFilter(3000);
    expect(f.accept('permit', 0)).toBe(true);
    expect(f.accept('card', 100)).toBe(true);
    expect(f.accept('permit', 200)).toBe(false);
    expect(f.accept('card', 300)).toBe(false);
    expect(f.accept('permit', 3300)).toBe(true);
  });

  it('forgets on request', () => {
    const f = new RepeatFilter(3000);
    f.accept('A', 0);
    f.forget('A');
    expect(f.accept('A', 10)).toBe(true);
    f.clear();
    expect(f.accept('A', 20)).toBe(true);
  });
});
