import { describe, expect, it } from 'vitest';
import { ageLabel, DEFAULT_STALE_AFTER_MS, freshness, listsStaleWarning, staleLimitMs } from './list-age.js';

const H = 3600_000;
const now = 1_700_000_000_000;

describe('list age', () => {
  it('says whether a list is missing, fresh or stale', () => {
    expect(freshness(null, now, DEFAULT_STALE_AFTER_MS)).toBe('missing');
    expect(freshness(now - 23 * H, now, DEFAULT_STALE_AFTER_MS)).toBe('fresh');
    expect(freshness(now - 24 * H, now, DEFAULT_STALE_AFTER_MS)).toBe('fresh');
    expect(freshness(now - 24 * H - 1, now, DEFAULT_STALE_AFTER_MS)).toBe('stale');
    expect(freshness(now - 2 * H, now, 1 * H)).toBe('stale');
  });

  it('labels ages in Vietnamese', () => {
    expect(ageLabel(null, now)).toBe('chưa tải');
    expect(ageLabel(now - 10_000, now)).toBe('vừa xong');
    expect(ageLabel(now - 5 * 60_000, now)).toBe('5 phút');
    expect(ageLabel(now - 3 * H, now)).toBe('3 giờ');
    expect(ageLabel(now - 72 * H, now)).toBe('3 ngày');
  });

  it('warns lists_stale from the older of the two lists', () => {
    expect(listsStaleWarning(now - H, now - 2 * H, now, DEFAULT_STALE_AFTER_MS)).toBeNull();
    expect(listsStaleWarning(now - H, now - 30 * H, now, DEFAULT_STALE_AFTER_MS)).toEqual({
      code: 'lists_stale',
      values: { age: '30 giờ' },
    });
    expect(listsStaleWarning(now - H, null, now, DEFAULT_STALE_AFTER_MS)?.code).toBe('lists_stale');
    expect(listsStaleWarning(now - 3 * H, now - 3 * H, now, 2 * H)?.values.age).toBe('3 giờ');
  });

  it('reads the configurable limit in hours, falling back to 24 h', () => {
    expect(staleLimitMs(12)).toBe(12 * H);
    expect(staleLimitMs('6')).toBe(6 * H);
    expect(staleLimitMs('1,5')).toBe(1.5 * H);
    expect(staleLimitMs(0)).toBe(DEFAULT_STALE_AFTER_MS);
    expect(staleLimitMs('abc')).toBe(DEFAULT_STALE_AFTER_MS);
    expect(staleLimitMs(undefined)).toBe(DEFAULT_STALE_AFTER_MS);
  });
});
