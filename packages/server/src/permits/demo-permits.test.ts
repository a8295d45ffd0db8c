import { loadRevocationList, loadTrustList, verify } from '@thonghanh/core';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { manualClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { nodeCryptoProvider } from '../crypto/node-provider.js';
import { seedDemo } from '../demo/seed-demo.js';
import { buildRevocationList } from '../lists/revocation-list.js';
import { buildTrustList } from '../lists/trust-list.js';
import { TEST_CLOCK_START } from '../test/constants.js';
import { forEachDatabase } from '../test/databases.js';
import { testPasswordHash } from '../test/factories.js';
import { permitState } from './permit-presenter.js';

describe('the demo: Đức Giang’s key, unit QR codes, the reference unit’s permits', () => {
  forEachDatabase((t) => {
    it('seeds permits that verify as they should against the lists', async () => {
      const clock = manualClock(TEST_CLOCK_START);
      const config = loadConfig({ NODE_ENV: 'test', THONGHANH_DATA_DIR: t.dir });
      await seedDemo(t.db, { clock, config, passwordHash: await testPasswordHash() });
      const now = clock.now();
      const rep = await t.db
        .selectFrom('users')
        .select('business_id')
        .where('username', '=', 'doanhnghiep.demo')
        .executeTakeFirstOrThrow();
      const permits = await t.db
        .selectFrom('permits')
        .selectAll()
        .where('business_id', '=', rep.business_id as string)
        .orderBy('seq')
        .execute();
      const states = permits.map((p) => permitState(p, now));
      expect(states.filter((s) => s === 'expired')).toHaveLength(5);
      expect(states.filter((s) => s === 'revoked')).toHaveLength(3);
      expect(permits.map((p) => p.seq)).toEqual(permits.map((_, i) => i + 1));
      expect(permits[0]?.serial).toBe('0001/GĐĐ');

      const trust = await loadTrustList(await buildTrustList(t.db, now), nodeCryptoProvider);
      const revoked = loadRevocationList(await buildRevocationList(t.db, now));
      if (!trust.ok || !revoked.ok) throw new Error('lists');
      for (const [i, p] of permits.entries()) {
        const v = await verify(p.qr_text, {
          crypto: nodeCryptoProvider,
          trust: trust.value,
          revoked: revoked.value,
          at: now,
        });
        expect(v.verdict).toBe(states[i] === 'active' ? 'valid' : states[i]);
      }
      const units = await t.db.selectFrom('unit_credentials').select(['status']).execute();
      // 85 businesses: 68 approved (two dossiers wait for the leader's signature).
      expect(units.filter((u) => u.status === 'active').length).toBeGreaterThanOrEqual(68);
      expect(units.filter((u) => u.status === 'revoked')).toHaveLength(2);
      const scans = await t.db.selectFrom('scans').select('verdict').execute();
      expect(scans.length).toBeGreaterThan(0);
      expect((await verifyAuditChain(t.db)).ok).toBe(true);
    });
  });
});
