import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../test/databases.js';
import { findAdminUnit } from './admin-units-query.js';
import { readAdminUnitsFile } from './read-admin-units-file.js';
import { ADMIN_UNITS_IN_FILE, seedAdminUnits } from './seed-admin-units.js';

describe('the 2021 administrative units file', () => {
  it('has 63 provinces, 700 districts and 10,603 wards', () => {
    const units = readAdminUnitsFile();
    const count = (level: string) => units.filter((u) => u.level === level).length;
    expect([count('province'), count('district'), count('ward')]).toEqual([63, 700, 10603]);
  });
});

describe('seedAdminUnits', () => {
  forEachDatabase(
    (t) => {
      it('loads every unit, with Đức Giang under Long Biên under Hà Nội', async () => {
        const result = await seedAdminUnits(t.db);
        expect(result).toEqual({ inserted: 11366, total: 11366 });
        expect(await findAdminUnit(t.db, '00124')).toEqual({
          code: '00124',
          level: 'ward',
          name: 'Phường Đức Giang',
          parent_code: '004',
          province_code: '01',
          district_code: '004',
        });
        expect(await findAdminUnit(t.db, '004')).toMatchObject({
          level: 'district',
          name: 'Quận Long Biên',
          parent_code: '01',
        });
        expect(await findAdminUnit(t.db, '01')).toMatchObject({
          level: 'province',
          name: 'Thành phố Hà Nội',
          parent_code: null,
        });
      });

      it('the start-up shortcut counts what the shipped file holds', () => {
        expect(readAdminUnitsFile()).toHaveLength(ADMIN_UNITS_IN_FILE);
      });

      it('a unit missing from a full-sized table is still found and put back', async () => {
        const removed = await t.db.deleteFrom('admin_units').where('code', '=', '00124').executeTakeFirst();
        expect(Number(removed.numDeletedRows)).toBe(1);
        expect((await seedAdminUnits(t.db)).inserted).toBe(1);
        expect(await findAdminUnit(t.db, '00124')).toMatchObject({ name: 'Phường Đức Giang' });
      });

      it('is idempotent: a second run inserts nothing and writes no audit row', async () => {
        const before = await t.db.selectFrom('audit_log').select('seq').execute();
        expect(await seedAdminUnits(t.db)).toEqual({ inserted: 0, total: 11366 });
        expect(await t.db.selectFrom('audit_log').select('seq').execute()).toEqual(before);
      });
    },
    { adminUnits: 'none' },
  );
});
