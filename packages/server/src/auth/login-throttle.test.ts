import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../db/database.js';
import type { Db } from '../db/schema.js';
import { AppError } from '../errors.js';
import { forEachDatabase } from '../test/databases.js';
import {
  ATTEMPT_HOLD_MS,
  backoffMs,
  beginLoginAttempt,
  IP_THROTTLE,
  ipKey,
  loginKeys,
  USER_THROTTLE,
  userKey,
} from './login-throttle.js';

const T0 = new Date('2021-08-15T03:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** The 429 a refused attempt throws: its Retry-After and whether it was a hold (not a wait). */
async function refusal(p: Promise<unknown>): Promise<{ retryAfter: string; busy: boolean }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof AppError) || e.code !== 'too_many_attempts') throw new Error(`expected a 429, got ${String(e)}`);
  return { retryAfter: e.extra.headers!['retry-after']!, busy: e.message.startsWith('Đang kiểm tra') };
}

describe('backoffMs', () => {
  it('waits nothing below the threshold, then 1 s doubling, capped at 15 minutes', () => {
    expect([4, 5, 6, 7, 14, 15].map((n) => backoffMs(n, USER_THROTTLE))).toEqual([
      0, 1000, 2000, 4000, 512_000, 900_000,
    ]);
    expect(backoffMs(10_000, USER_THROTTLE)).toBe(900_000);
    expect([19, 20].map((n) => backoffMs(n, IP_THROTTLE))).toEqual([0, 1000]);
  });
});

describe('login attempts in the database', () => {
  forEachDatabase((t) => {
    let n = 0;
    const fresh = () => `nguoi.${n++}`;

    it('checks one attempt per key at a time: a parallel one gets 429 with Retry-After 1 until it ends', async () => {
      const keys = loginKeys(fresh(), '192.0.2.1');
      const first = await beginLoginAttempt(t.db, keys, T0);
      expect(await refusal(beginLoginAttempt(t.db, keys, T0))).toEqual({ retryAfter: '1', busy: true });
      await first.release();
      const again = await beginLoginAttempt(t.db, keys, T0);
      await again.release();
    });

    it('takes nothing when one of its keys is held: the free key stays free', async () => {
      const [a, b] = [fresh(), fresh()];
      const holder = await beginLoginAttempt(t.db, loginKeys(a, '192.0.2.2'), T0);
      // Same IP, another username: refused, and b's key must not be left held.
      await refusal(beginLoginAttempt(t.db, loginKeys(b, '192.0.2.2'), T0));
      const other = await beginLoginAttempt(t.db, loginKeys(b, '192.0.2.3'), T0);
      await Promise.all([holder.release(), other.release()]);
    });

    it('lets a hold left by a dead process run out after 10 s', async () => {
      const keys = loginKeys(fresh(), '192.0.2.4');
      await beginLoginAttempt(t.db, keys, T0); // never ended
      await refusal(beginLoginAttempt(t.db, keys, at(ATTEMPT_HOLD_MS - 1)));
      const later = await beginLoginAttempt(t.db, keys, at(ATTEMPT_HOLD_MS));
      await later.release();
    });

    it('counts the failures of checked attempts and waits exactly the policy’s back-off for them', async () => {
      const name = fresh();
      const keys = loginKeys(name, '192.0.2.5');
      let now = T0;
      for (let i = 1; i <= 7; i++) {
        const attempt = await beginLoginAttempt(t.db, keys, now);
        await attempt.failed(now);
        const row = await t.db
          .selectFrom('rate_limits')
          .selectAll()
          .where('key', '=', userKey(name))
          .executeTakeFirstOrThrow();
        expect(row.hits).toBe(i);
        expect(row.busy_until).toBeNull();
        const wait = backoffMs(i, USER_THROTTLE);
        expect(row.blocked_until).toBe(wait > 0 ? at(now.getTime() - T0.getTime() + wait).toISOString() : null);
        if (wait > 0) {
          const r = await refusal(beginLoginAttempt(t.db, keys, now));
          expect(r).toEqual({ retryAfter: String(wait / 1000), busy: false });
        }
        now = new Date(now.getTime() + wait);
      }
    });

    it('forgets failures after a quiet hour; a success clears the username but not the IP', async () => {
      const name = fresh();
      const ip = '192.0.2.6';
      for (let i = 0; i < 3; i++) await (await beginLoginAttempt(t.db, loginKeys(name, ip), T0)).failed(T0);
      const later = at(3_600_001);
      await (await beginLoginAttempt(t.db, loginKeys(name, ip), later)).failed(later);
      const hits = async (key: string) =>
        (await t.db.selectFrom('rate_limits').select('hits').where('key', '=', key).executeTakeFirst())?.hits;
      expect([await hits(userKey(name)), await hits(ipKey(ip))]).toEqual([1, 1]);
      const ok = await beginLoginAttempt(t.db, loginKeys(name, ip), later);
      await t.db.transaction().execute((tx) => ok.succeeded(tx));
      expect([await hits(userKey(name)), await hits(ipKey(ip))]).toEqual([undefined, 1]);
      const row = await t.db.selectFrom('rate_limits').selectAll().where('key', '=', ipKey(ip)).executeTakeFirst();
      expect(row?.busy_until).toBeNull();
    });

    it('of 40 parallel attempts on one username, exactly one is taken', async () => {
      const name = fresh();
      const results = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) => beginLoginAttempt(t.db, loginKeys(name, `198.51.100.${i}`), T0)),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) {
        if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('too_many_attempts');
      }
    });

    describe('from two server processes’ connections', () => {
      let db2: Db;
      beforeAll(() => {
        db2 = createDatabase(t.config);
      });
      afterAll(async () => {
        await db2?.destroy();
      });

      it('a key held through one connection is refused through the other; failures add up', async () => {
        const name = fresh();
        const keys = loginKeys(name, '192.0.2.7');
        const held = await beginLoginAttempt(t.db, keys, T0);
        await refusal(beginLoginAttempt(db2, keys, T0));
        await held.failed(T0);
        for (let i = 0; i < 4; i++) await (await beginLoginAttempt(i % 2 ? t.db : db2, keys, T0)).failed(T0);
        expect(await refusal(beginLoginAttempt(db2, keys, T0))).toEqual({ retryAfter: '1', busy: false });
      });

      // SQLite serves one process through one connection; two connections in one process would
      // block each other's thread, so parallel attempts across servers are PostgreSQL's case.
      it.runIf(t.kind === 'postgres')('of 40 parallel attempts on two pools, exactly one is taken', async () => {
        const name = fresh();
        const results = await Promise.allSettled(
          Array.from({ length: 40 }, (_, i) =>
            beginLoginAttempt(i % 2 ? t.db : db2, loginKeys(name, `198.51.100.${i}`), T0),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      });
    });
  });
});
