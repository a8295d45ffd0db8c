import { validateCccd, validateTaxCode } from '@thonghanh/core';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { memoryStorage } from '../dossiers/attachments/file-storage.js';
import { forEachDatabase } from '../test/databases.js';
import { testPasswordHash } from '../test/factories.js';
import { DEMO_PENDING_REP, DEMO_REFERENCE_UNIT } from './demo-businesses.js';
import { seedDemo } from './seed-demo.js';

describe('demo: Đức Giang’s 85 businesses', () => {
  forEachDatabase((t) => {
    const storage = memoryStorage();
    let ms = 0;

    it('seeds 85 businesses with dossiers in every state, quickly', async () => {
      const started = performance.now();
      const result = await seedDemo(t.db, {
        passwordHash: await testPasswordHash(),
        storage,
        clock: { now: () => new Date('2021-08-15T03:00:00.000Z') },
      });
      ms = performance.now() - started;
      console.log(`demo seed on ${t.kind}: ${Math.round(ms)} ms`);
      expect(result.logins.map((l) => l.username)).toContain(DEMO_PENDING_REP);
      const businesses = await t.db.selectFrom('businesses').selectAll().execute();
      expect(businesses).toHaveLength(85);
      expect(businesses.every((b) => validateTaxCode(b.tax_code).ok && b.ward_code === '00124')).toBe(true);
      expect(new Set(businesses.map((b) => b.name)).size).toBe(85);
      expect(businesses.filter((b) => b.status === 'pending')).toHaveLength(1);
      expect(businesses.filter((b) => b.status === 'suspended')).toHaveLength(2);

      const states = await t.db
        .selectFrom('dossiers')
        .select(['state', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(['state', 'kind'])
        .execute();
      const count = (state: string, kind = 'initial') =>
        Number(states.find((s) => s.state === state && s.kind === kind)?.n ?? 0);
      expect({
        approved: count('approved'),
        suspended: count('suspended'),
        submitted: count('submitted'),
        health_confirmed: count('health_confirmed'),
        awaiting_leader: count('awaiting_leader'),
        returned: count('returned'),
        rejected: count('rejected'),
        draft: count('draft'),
        amendmentApproved: count('approved', 'amendment'),
        amendmentSubmitted: count('submitted', 'amendment'),
      }).toEqual({
        approved: 68,
        suspended: 2,
        submitted: 4,
        health_confirmed: 3,
        awaiting_leader: 2,
        returned: 2,
        rejected: 1,
        draft: 2,
        amendmentApproved: 1,
        amendmentSubmitted: 1,
      });
      const now = '2021-08-15T03:00:00.000Z';
      const open = await t.db
        .selectFrom('dossiers')
        .select(['due_at'])
        .where('state', 'in', ['submitted', 'health_confirmed', 'awaiting_leader'])
        .execute();
      expect(open.filter((d) => (d.due_at as string) < now).length).toBeGreaterThanOrEqual(2);
      expect(open.filter((d) => (d.due_at as string) > now).length).toBeGreaterThanOrEqual(4);
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    });

    it('gives doanhnghiep.demo the reference unit with its 37 approved workers, valid and generated', async () => {
      const rep = await t.db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', 'doanhnghiep.demo')
        .executeTakeFirstOrThrow();
      const unit = await t.db
        .selectFrom('businesses')
        .selectAll()
        .where('id', '=', rep.business_id)
        .executeTakeFirstOrThrow();
      expect([unit.name, unit.tax_code, unit.status]).toEqual([
        DEMO_REFERENCE_UNIT.name,
        DEMO_REFERENCE_UNIT.taxCode,
        'active',
      ]);
      const staff = await t.db
        .selectFrom('staff_members')
        .selectAll()
        .where('business_id', '=', unit.id)
        .where('status', '=', 'approved')
        .execute();
      expect(staff).toHaveLength(37);
      for (const s of staff) {
        expect(validateCccd(s.id_number, { dateOfBirth: s.date_of_birth }).ok).toBe(true);
        expect(s.id_number.startsWith('001')).toBe(true);
        expect(JSON.parse(s.route_wards)).toContain('00124');
      }
      const sizes = await t.db
        .selectFrom('staff_members')
        .select(['dossier_id', (eb) => eb.fn.countAll<number>().as('n')])
        .innerJoin('dossiers', 'dossiers.id', 'staff_members.dossier_id')
        .where('dossiers.kind', '=', 'initial')
        .groupBy('dossier_id')
        .execute();
      expect(Math.min(...sizes.map((s) => Number(s.n)))).toBeGreaterThanOrEqual(5);
      expect(Math.max(...sizes.map((s) => Number(s.n)))).toBeLessThanOrEqual(60);
      const removed = await t.db.selectFrom('staff_members').select('id').where('status', '=', 'removed').execute();
      expect(removed.length).toBeGreaterThanOrEqual(2);
      expect(storage.files.size).toBeGreaterThanOrEqual(80);
    });

    it('numbers the approvals per ward and year (n/UBND-ĐG)', async () => {
      const refs = await t.db
        .selectFrom('dossiers')
        .select('reference_number')
        .where('reference_number', 'is not', null)
        .execute();
      const numbers = refs.map((r) => Number(r.reference_number?.split('/')[0])).sort((a, b) => a - b);
      expect(numbers[0]).toBe(1);
      expect(numbers.at(-1)).toBe(numbers.length);
      expect(refs.every((r) => r.reference_number?.endsWith('/UBND-ĐG'))).toBe(true);
    });
  });
});
