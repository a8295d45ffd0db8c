import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { forEachDatabase } from '../test/databases.js';
import { testPasswordHash } from '../test/factories.js';
import { DEMO_PASSWORD } from './demo-context.js';
import { DEMO_ACCOUNTS } from './demo-users.js';
import { seedDemo } from './seed-demo.js';

describe('seedDemo', () => {
  forEachDatabase((t) => {
    it('creates one account per role in Đức Giang / Long Biên / Hà Nội and three checkpoints', async () => {
      const result = await seedDemo(t.db, { passwordHash: await testPasswordHash() });
      expect(result.seeded).toBe(true);
      expect(result.password).toBe(DEMO_PASSWORD);
      const users = await t.db
        .selectFrom('users')
        .select(['username', 'role', 'ward_code', 'district_code', 'province_code'])
        // One account per role; later steps add their own (e.g. a business awaiting the desk).
        .where(
          'username',
          'in',
          DEMO_ACCOUNTS.map((a) => a.username),
        )
        .orderBy('username')
        .execute();
      expect(users).toEqual([
        {
          username: 'chot.ducgiang',
          role: 'checkpoint_officer',
          ward_code: '00124',
          district_code: '004',
          province_code: '01',
        },
        {
          username: 'doanhnghiep.demo',
          role: 'business_rep',
          ward_code: '00124',
          district_code: '004',
          province_code: '01',
        },
        { username: 'giamsat.hanoi', role: 'supervisor', ward_code: null, district_code: null, province_code: '01' },
        {
          username: 'giamsat.longbien',
          role: 'supervisor',
          ward_code: null,
          district_code: '004',
          province_code: '01',
        },
        {
          username: 'lanhdao.ducgiang',
          role: 'ward_leader',
          ward_code: '00124',
          district_code: '004',
          province_code: '01',
        },
        {
          username: 'motcua.ducgiang',
          role: 'ward_officer',
          ward_code: '00124',
          district_code: '004',
          province_code: '01',
        },
        {
          username: 'quantri.ducgiang',
          role: 'ward_admin',
          ward_code: '00124',
          district_code: '004',
          province_code: '01',
        },
        {
          username: 'tramyte.ducgiang',
          role: 'health_officer',
          ward_code: '00124',
          district_code: '004',
          province_code: '01',
        },
      ]);
      const checkpoints = await t.db.selectFrom('checkpoints').select(['name', 'owner_ward_code']).execute();
      expect(checkpoints).toHaveLength(3);
      expect(checkpoints.every((c) => c.owner_ward_code === '00124')).toBe(true);
      expect((await verifyAuditChain(t.db)).ok).toBe(true);
    });

    it('does nothing on a database that has users, but lists the demo accounts again', async () => {
      const again = await seedDemo(t.db, { passwordHash: 'unused' });
      expect(again.seeded).toBe(false);
      expect(again.logins.map((l) => l.username)).toContain('quantri.ducgiang');
      expect(await t.db.selectFrom('checkpoints').select('id').execute()).toHaveLength(3);
    });

    it('runs extra steps after the users, in the same transaction', async () => {
      await t.db.deleteFrom('checkpoints').execute();
      await t.db.deleteFrom('sessions').execute();
      await t.db.deleteFrom('users').execute();
      const seen: string[] = [];
      await expect(
        seedDemo(t.db, {
          passwordHash: await testPasswordHash(),
          steps: [
            (await import('./demo-users.js')).demoUsersStep,
            {
              name: 'businesses',
              run: async (ctx) => {
                seen.push(ctx.users.get('doanhnghiep.demo')!.id);
                throw new Error('step failed');
              },
            },
          ],
        }),
      ).rejects.toThrow('step failed');
      expect(seen).toHaveLength(1);
      expect(await t.db.selectFrom('users').select('id').execute()).toEqual([]);
    });
  });
});
