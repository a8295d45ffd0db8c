import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { forEachDatabase } from '../test/databases.js';
import { enforceFixedWindows, hitFixedWindow, waitInWords } from './fixed-window.js';
import { purgeStaleRateLimits } from './purge-rate-limits.js';

const T0 = new Date('2021-08-15T03:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

describe('waitInWords', () => {
  it('says seconds below two minutes, whole minutes above', () => {
    expect([1, 119, 120, 121, 3600].map(waitInWords)).toEqual(['1 giây', '119 giây', '2 phút', '3 phút', '60 phút']);
  });
});

describe('rate_limits', () => {
  forEachDatabase((t) => {
    it('counts parallel hits of one key exactly: 40 hits, each its own number', async () => {
      const hits = await Promise.all(
        Array.from({ length: 40 }, () => hitFixedWindow(t.db, { key: 'test:parallel', windowMs: MINUTE }, T0)),
      );
      expect(hits.map((h) => h.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });

    it('starts a new window with the first hit after the old one ran out', async () => {
      const key = { key: 'test:window', windowMs: MINUTE };
      expect(await hitFixedWindow(t.db, key, T0)).toEqual({ hits: 1, windowEndsAt: at(MINUTE) });
      expect((await hitFixedWindow(t.db, key, at(59_999))).hits).toBe(2);
      expect(await hitFixedWindow(t.db, key, at(MINUTE))).toEqual({ hits: 1, windowEndsAt: at(2 * MINUTE) });
    });

    it('refuses past the limit with 429 too_many_requests, its message and Retry-After; later limits are not counted', async () => {
      const limits = [
        { key: 'test:ip', limit: 2, windowMs: MINUTE, message: 'Chờ {wait}.' },
        { key: 'test:ward', limit: 100, windowMs: MINUTE, message: 'Phường: chờ {wait}.' },
      ];
      await enforceFixedWindows(t.db, limits, T0);
      await enforceFixedWindows(t.db, limits, at(1000));
      const e = await enforceFixedWindows(t.db, limits, at(30_000)).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(AppError);
      expect([(e as AppError).code, (e as AppError).message, (e as AppError).extra.headers]).toEqual([
        'too_many_requests',
        'Chờ 30 giây.',
        { 'retry-after': '30' },
      ]);
      const ward = await t.db
        .selectFrom('rate_limits')
        .select('hits')
        .where('key', '=', 'test:ward')
        .executeTakeFirst();
      expect(ward?.hits).toBe(2);
    });

    it('purges keys quiet for a day, but not one still waiting or held', async () => {
      const old = T0.toISOString();
      const later = new Date(T0.getTime() + 2 * 86_400_000);
      const row = { hits: 1, window_start: old, last_hit_at: old, blocked_until: null, busy_until: null };
      await t.db
        .insertInto('rate_limits')
        .values([
          { key: 'test:purge:quiet', ...row },
          { key: 'test:purge:blocked', ...row, blocked_until: at(3 * 86_400_000).toISOString() },
          { key: 'test:purge:busy', ...row, busy_until: at(3 * 86_400_000).toISOString() },
          { key: 'test:purge:recent', ...row, last_hit_at: at(86_400_000 + 1).toISOString() },
        ])
        .execute();
      await purgeStaleRateLimits(t.db, later);
      const left = await t.db.selectFrom('rate_limits').select('key').where('key', 'like', 'test:purge:%').execute();
      expect(left.map((r) => r.key).sort()).toEqual(['test:purge:blocked', 'test:purge:busy', 'test:purge:recent']);
    });
  });
});
