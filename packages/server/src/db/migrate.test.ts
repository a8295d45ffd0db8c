import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../test/databases.js';
import { migrateToLatest } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';

describe('migrations', () => {
  forEachDatabase(
    (t) => {
      it('apply every migration on an empty database, then have nothing left to do', async () => {
        const first = await migrateToLatest(t.db);
        expect(first.error).toBeUndefined();
        expect(first.results?.map((r) => [r.migrationName, r.status])).toEqual(
          Object.keys(MIGRATIONS).map((name) => [name, 'Success']),
        );
        const again = await migrateToLatest(t.db);
        expect(again.error).toBeUndefined();
        expect(again.results).toEqual([]);
      });

      it('create the foundation tables', async () => {
        const tables = (await t.db.introspection.getTables()).map((x) => x.name);
        for (const name of [
          'admin_units',
          'users',
          'sessions',
          'checkpoints',
          'audit_log',
          'audit_head',
          'ward_settings',
        ]) {
          expect(tables).toContain(name);
        }
      });

      it('enforce foreign keys (a user in an unknown ward is refused)', async () => {
        await expect(
          t.db
            .insertInto('users')
            .values({
              id: 'x',
              username: 'x',
              password_hash: 'x',
              full_name: 'x',
              role: 'ward_officer',
              ward_code: '99999',
              district_code: null,
              province_code: null,
              business_id: null,
              active: 1,
              must_change_password: 0,
              created_at: '2021-08-15T03:00:00.000Z',
              updated_at: '2021-08-15T03:00:00.000Z',
            })
            .execute(),
        ).rejects.toThrow();
      });
    },
    { migrate: false },
  );
});
