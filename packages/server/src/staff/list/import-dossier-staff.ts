import type { Executor } from '../../db/schema.js';
import type { DossierRecord } from '../../dossiers/dossier-query.js';
import { AppError } from '../../errors.js';
import { vnToday } from '../../notifications/vn-time.js';
import { importStaffFile, type Problem, type StaffImportResult } from '../import/index.js';
import { workerChecker } from '../import/sheet-reader-pool.js';
import { knownWardCodes } from './known-ward-codes.js';
import { numbersOnBusinessList, registeredElsewhere } from './staff-query.js';

/** File problems that are refusals of the upload rather than something to fix row by row. */
const REFUSALS = new Set(['file_too_complex', 'file_read_timeout', 'server_busy']);

/**
 * Reads and checks a staff list file for a dossier, with the database's lookups: ward codes
 * from `admin_units`, people on another business's approved list (warning
 * `registered_elsewhere`), and people already on this business's approved list (error
 * `already_on_list`: an amendment adds new people; removing is done on the list). Saves
 * nothing; reads only, so it runs before the saving transaction opens.
 *
 * The file is read and checked in a worker thread (sheet-reader-pool.ts), the ward codes
 * sent with it; only the two lookups by document number run here. A file refused by a cap or
 * the pool is an HTTP error, not a report: 413 `file_too_complex`, 422 `file_read_timeout`,
 * 503 `server_busy` (with Retry-After).
 */
export async function checkStaffFile(
  db: Executor,
  dossier: DossierRecord,
  bytes: Uint8Array,
  now: Date,
): Promise<StaffImportResult> {
  const wards = await knownWardCodes(db);
  const result = await importStaffFile(bytes, {
    checkFile: workerChecker(wards),
    wardExists: (code) => wards.has(code),
    alreadyRegistered: (numbers) => registeredElsewhere(db, dossier.business_id, numbers),
    today: vnToday(now),
  });
  const refused = result.errors.find((e) => e.row === 0 && REFUSALS.has(e.code));
  if (refused) {
    const code = refused.code as 'file_too_complex' | 'file_read_timeout' | 'server_busy';
    throw new AppError(code, refused.message, code === 'server_busy' ? { headers: { 'retry-after': '30' } } : {});
  }
  if (result.staff.length === 0) return result;
  const onList = await numbersOnBusinessList(
    db,
    dossier.business_id,
    [...new Set(result.staff.map((s) => s.idNumber))],
    ['approved'],
    undefined,
    // The approved list of the dossier's ward (a business that moved lists its people again).
    dossier.ward_code,
  );
  if (onList.size === 0) return result;
  const extra: Problem[] = [];
  const staff = result.staff.filter((s) => {
    if (!onList.has(s.idNumber)) return true;
    extra.push({
      row: s.row,
      field: 'idNumber',
      code: 'already_on_list',
      message: `Người có số giấy tờ ${s.idNumber} đã có trong danh sách đã phê duyệt của doanh nghiệp; không cần bổ sung lại.`,
    });
    return false;
  });
  const errors = [...result.errors, ...extra].sort((a, b) => a.row - b.row);
  return { ...result, staff, valid: staff.length, errors };
}
