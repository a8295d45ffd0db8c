import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.js';
import { type Agent, forEachApp, signIn } from '../test/app.js';
import { TEST_PASSWORD, testPasswordHash } from '../test/factories.js';
import { ANOMALY_KINDS } from './anomaly-kinds.js';

forEachApp((t) => {
  describe('the demo’s week of scans', () => {
    let desk: Agent;
    beforeAll(async () => {
      await seedDemo(t.db, { clock: t.clock, config: t.appConfig, passwordHash: await testPasswordHash() });
      const user = await t.db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', 'motcua.ducgiang')
        .executeTakeFirstOrThrow();
      desk = await signIn(t.app, user, TEST_PASSWORD);
    }, 120_000);

    it('holds at least one finding of every kind, read from the API', async () => {
      const r = await desk.get('/api/v1/inspection/anomalies?pageSize=200');
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      for (const kind of ANOMALY_KINDS) {
        expect(body.counts[kind], kind).toBeGreaterThanOrEqual(1);
        const found = body.items.find((f: { kind: string }) => f.kind === kind);
        expect(found, kind).toBeDefined();
        expect(found.explanation.length, kind).toBeGreaterThan(20);
      }
      const copy = body.items.find((f: { kind: string }) => f.kind === 'copy_suspected');
      expect(copy.checkpoints.map((c: { name: string }) => c.name)).toEqual([
        'Chốt cầu Đông Trù',
        'Chốt ngã ba Đức Giang – Ngô Gia Tự',
      ]);
    });

    it('is the same on every run: scan ids and times come from the seeded generator', async () => {
      const rows = await t.db
        .selectFrom('scans')
        .select(['id', 'scanned_at', 'verdict'])
        .where('verdict', '=', 'bad_signature')
        .execute();
      expect(rows).toEqual([
        {
          id: 'd198d12c-0701-4c15-ad8e-319e7dda01bd',
          scanned_at: '2021-08-10T01:00:00.000Z',
          verdict: 'bad_signature',
        },
      ]);
      const series = (await desk.get('/api/v1/stats/series')).json();
      expect(series.scans.reduce((n: number, b: { total: number }) => n + b.total, 0)).toBeGreaterThan(100);
    });
  });
});
