import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyPassword } from '../../auth/password.js';
import { databaseEnv, forEachDatabase } from '../../test/databases.js';
import { findUserByUsername } from '../../users/user-query.js';
import type { CliIo } from '../io.js';
import { main } from '../main.js';

/** Runs `thonghanh …` in-process against the suite's database (the environment stubbed). */
async function run(env: Record<string, string>, ...args: string[]) {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), cwd: process.cwd() };
  const status = await main(args, io);
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('thonghanh users create and db migrate', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  forEachDatabase((t) => {
    it('creates a district supervisor and prints a generated password that works', async () => {
      const res = await run(
        databaseEnv(t),
        'users',
        'create',
        '--role',
        'supervisor',
        '--username',
        'GiamSat.BaDinh',
        '--district',
        '001',
      );
      expect(res.status, res.stderr).toBe(0);
      const password = res.stdout.match(/Mật khẩu: (\S+)/)?.[1];
      expect(password).toHaveLength(12);
      const user = await findUserByUsername(t.db, 'giamsat.badinh');
      expect(user).toMatchObject({
        role: 'supervisor',
        district_code: '001',
        province_code: '01',
        ward_code: null,
        must_change_password: 1,
      });
      expect(await verifyPassword(password!, user!.password_hash)).toBe(true);
      const audited = await t.db
        .selectFrom('audit_log')
        .select(['actor_role', 'action'])
        .where('entity_id', '=', user!.id)
        .execute();
      expect(audited).toEqual([{ actor_role: 'cli', action: 'user.created' }]);
    });

    it('refuses a ward role without a ward, an unknown ward, an unknown role and a taken username', async () => {
      const env = databaseEnv(t);
      const noWard = await run(env, 'users', 'create', '--role', 'ward_admin', '--username', 'qt.x');
      expect([noWard.status, noWard.stderr]).toEqual([1, expect.stringContaining('đúng một phường')]);
      const unknown = await run(
        env,
        'users',
        'create',
        '--role',
        'ward_admin',
        '--username',
        'qt.x',
        '--ward',
        '99999',
      );
      expect([unknown.status, unknown.stderr]).toEqual([1, expect.stringContaining('99999')]);
      expect((await run(env, 'users', 'create', '--role', 'admin', '--username', 'qt.x')).status).toBe(2);
      const taken = await run(
        env,
        'users',
        'create',
        '--role',
        'supervisor',
        '--username',
        'giamsat.badinh',
        '--province',
        '01',
      );
      expect([taken.status, taken.stderr]).toEqual([1, expect.stringContaining('đã được sử dụng')]);
    });

    it('db migrate loads the missing units, then says the database is current', async () => {
      const first = await run(databaseEnv(t), 'db', 'migrate');
      expect(first.status).toBe(0);
      const res = await run(databaseEnv(t), 'db', 'migrate');
      expect([res.status, res.stdout.trim()]).toEqual([0, 'Cơ sở dữ liệu đã ở phiên bản mới nhất.']);
    });
  });
});
