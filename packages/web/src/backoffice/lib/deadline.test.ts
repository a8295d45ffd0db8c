import { describe, expect, it } from 'vitest';
import { deadline, formatSpan } from './deadline.js';

const H = 3_600_000;

describe('the 3-day clock', () => {
  const now = Date.parse('2021-08-15T03:00:00Z');

  it('says days and hours left, rounded down', () => {
    expect(deadline(new Date(now + 28 * H + 59 * 60_000), now)).toEqual({
      text: 'còn 1 ngày 4 giờ',
      overdue: false,
      soon: false,
    });
    expect(deadline(new Date(now + 72 * H), now).text).toBe('còn 3 ngày');
  });

  it('counts hours and minutes in the last day, and flags it', () => {
    expect(deadline(new Date(now + 4 * H + 20 * 60_000), now)).toEqual({
      text: 'còn 4 giờ 20 phút',
      overdue: false,
      soon: true,
    });
    expect(deadline(new Date(now + 30_000), now).text).toBe('còn 1 phút');
  });

  it('says how long ago the deadline passed', () => {
    expect(deadline(new Date(now - 26 * H), now)).toEqual({ text: 'quá hạn 1 ngày 2 giờ', overdue: true, soon: false });
    expect(deadline(new Date(now), now).overdue).toBe(true);
  });

  it('reads ISO strings as the API sends them', () => {
    expect(deadline('2021-08-18T03:00:00.000Z', now).text).toBe('còn 3 ngày');
    expect(formatSpan(3 * H)).toBe('3 giờ');
  });
});
