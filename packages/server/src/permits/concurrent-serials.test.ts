import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { manualClock } from '../clock.js';
import { createDatabase } from '../db/database.js';
import type { Db } from '../db/schema.js';
import { type Agent, forEachApp, signIn, testConfig } from '../test/app.js';
import { TEST_CLOCK_START } from '../test/constants.js';
import { makeTestBusiness } from './test-support.js';

/**
 * Twenty issuance requests at once for one business. On PostgreSQL the app runs on its own
 * pool of 20 connections, so every request has its own connection and transaction and they
 * really race for the counter row; on SQLite writers are serialised by the database.
 */
forEachApp((t) => {
  describe('serials under 20 concurrent issuance requests', () => {
    let db: Db;
    let app: Awaited<ReturnType<typeof buildApp>>;
    let inFlight = 0;
    let maxInFlight = 0;
    beforeAll(async () => {
      db = t.kind === 'postgres' ? createDatabase(t.config, { poolSize: 20 }) : t.db;
      app = await buildApp({ db, config: testConfig(t), clock: manualClock(TEST_CLOCK_START) });
      app.addHook('onRequest', async () => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
      });
      app.addHook('onResponse', async () => {
        inFlight--;
      });
      await app.ready();
    });
    afterAll(async () => {
      await app.close();
      if (db !== t.db) await db.destroy();
    });

    it('are unique and gapless: 0001 … N in one business, whatever the interleaving', async () => {
      const b = await makeTestBusiness(t.db, { staff: 30 });
      const rep: Agent = await signIn(app, b.rep);
      // Requests of 1 to 3 people each, overlapping people (a person may hold several permits).
      const bodies = Array.from({ length: 20 }, (_, i) => ({
        staffIds: b.staffIds.slice(i % 28, (i % 28) + 1 + (i % 3)),
        onActive: 'another',
      }));
      maxInFlight = 0;
      const results = await Promise.all(bodies.map((body) => rep.post('/api/v1/permits', body)));
      // The requests were in the app at the same time (not one after another).
      expect(maxInFlight).toBeGreaterThan(10);
      for (const r of results) expect(r.statusCode, r.body).toBe(201);
      const expected = bodies.reduce((n, body) => n + body.staffIds.length, 0);
      const rows = await t.db
        .selectFrom('permits')
        .select(['seq', 'serial'])
        .where('business_id', '=', b.business.id)
        .orderBy('seq')
        .execute();
      expect(rows.length).toBe(expected);
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
      expect(new Set(rows.map((r) => r.serial)).size).toBe(expected);
      // Each response got a consecutive block.
      for (const r of results) {
        const serials = r.json().items.map((p: { serial: string }) => Number(p.serial.slice(0, 4)));
        expect(serials).toEqual(serials.map((_: number, i: number) => serials[0] + i));
      }
      const counter = await t.db
        .selectFrom('permit_counters')
        .select('last_seq')
        .where('business_id', '=', b.business.id)
        .executeTakeFirstOrThrow();
      expect(counter.last_seq).toBe(expected);
    });

    it('a refused request in the middle of the race leaves no hole', async () => {
      const b = await makeTestBusiness(t.db, { staff: 10 });
      const rep = await signIn(app, b.rep);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          rep.post('/api/v1/permits', {
            staffIds: i % 4 === 0 ? [b.staffIds[0], 'nguoi-la'] : [b.staffIds[i % 10]],
            onActive: 'another',
          }),
        ),
      );
      expect(results.filter((r) => r.statusCode === 422)).toHaveLength(5);
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(15);
      const seqs = (
        await t.db.selectFrom('permits').select('seq').where('business_id', '=', b.business.id).orderBy('seq').execute()
      ).map((r) => r.seq);
      expect(seqs).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    });
  });
});
