import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../test/databases.js';
import { makeBusiness, makeDossier, makeStaffEntries } from '../../test/factories.js';
import { insertStaffRows, staffRowOf } from './save-staff-list.js';
import { numbersOnBusinessList, registeredElsewhere } from './staff-query.js';

const AT = '2021-08-15T03:00:00.000Z';

describe('saving a staff list and the number lookups', () => {
  forEachDatabase((t) => {
    it('stores every value as given, whatever characters the text holds (PostgreSQL: one array per column)', async () => {
      const dossier = await makeDossier(t.db, { staff: 0 });
      const awkward = ['Số "1", ngõ {2}', 'a\\b\\\\c', 'NULL', '{}', "O'Brien, tổ 3", 'dòng 1; dòng 2'];
      const rows = makeStaffEntries(awkward.length).map((e, i) => ({
        ...staffRowOf(e, dossier, AT, i === 0 ? null : 10_000 + i),
        residence_address: awkward[i] as string,
        workplace: i % 2 === 0 ? null : (awkward[i] as string),
      }));
      await insertStaffRows(t.db, rows);
      const stored = await t.db
        .selectFrom('staff_members')
        .selectAll()
        .where('dossier_id', '=', dossier.id)
        .orderBy('id')
        .execute();
      expect(stored).toEqual([...rows].sort((a, b) => (a.id < b.id ? -1 : 1)));
    });

    it('finds numbers on lists past the 500 of one SQLite statement', async () => {
      const mine = await makeBusiness(t.db);
      const other = await makeBusiness(t.db);
      const dossier = await makeDossier(t.db, { business: other, staff: 0 });
      const entries = makeStaffEntries(1200);
      await insertStaffRows(
        t.db,
        entries.map((e, i) => ({ ...staffRowOf(e, dossier, AT, e.row), status: i % 3 === 0 ? 'approved' : 'pending' })),
      );
      const approved = entries.filter((_, i) => i % 3 === 0).map((e) => e.idNumber);
      const asked = [...entries.map((e) => e.idNumber), '999999999999'];
      const elsewhere = await registeredElsewhere(t.db, mine.id, asked);
      expect([...elsewhere.keys()].sort()).toEqual([...approved].sort());
      expect(new Set([...elsewhere.values()].map((v) => v.businessName))).toEqual(new Set([other.name]));
      expect(await registeredElsewhere(t.db, other.id, asked)).toEqual(new Map());
      expect([...(await numbersOnBusinessList(t.db, other.id, asked, ['approved']))].sort()).toEqual(
        [...approved].sort(),
      );
      expect((await numbersOnBusinessList(t.db, other.id, asked, ['approved', 'pending'])).size).toBe(1200);
      expect(await numbersOnBusinessList(t.db, other.id, [], ['approved'])).toEqual(new Set());
    });
  });
});
