import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AdminUnitRow } from '../db/schema.js';
import { SERVER_PACKAGE_DIR } from '../package-dir.js';

/** The GSO list of July 2021 shipped with the server. */
export const ADMIN_UNITS_FILE = join(SERVER_PACKAGE_DIR, 'assets/vn-admin-units-2021-07.tsv');

const COLUMNS = ['province_code', 'province_name', 'district_code', 'district_name', 'ward_code', 'ward_name'];

/**
 * Reads the TSV (one row per ward) into unit rows: provinces, then districts, then wards,
 * each once, in file order; names in NFC.
 */
export function readAdminUnitsFile(file: string = ADMIN_UNITS_FILE): AdminUnitRow[] {
  const lines = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const header = lines[0]?.split('\t');
  if (header?.join('\t') !== COLUMNS.join('\t')) {
    throw new Error(`${file}: tiêu đề cột phải là ${COLUMNS.join(', ')}`);
  }
  const provinces = new Map<string, AdminUnitRow>();
  const districts = new Map<string, AdminUnitRow>();
  const wards = new Map<string, AdminUnitRow>();
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const [pCode, pName, dCode, dName, wCode, wName] = line.split('\t').map((s) => s.trim().normalize('NFC'));
    if (!pCode || !pName || !dCode || !dName || !wCode || !wName) {
      throw new Error(`${file}: dòng ${i + 2} thiếu cột`);
    }
    if (!provinces.has(pCode)) {
      provinces.set(pCode, {
        code: pCode,
        level: 'province',
        name: pName,
        parent_code: null,
        province_code: pCode,
        district_code: null,
      });
    }
    if (!districts.has(dCode)) {
      districts.set(dCode, {
        code: dCode,
        level: 'district',
        name: dName,
        parent_code: pCode,
        province_code: pCode,
        district_code: dCode,
      });
    }
    wards.set(wCode, {
      code: wCode,
      level: 'ward',
      name: wName,
      parent_code: dCode,
      province_code: pCode,
      district_code: dCode,
    });
  });
  return [...provinces.values(), ...districts.values(), ...wards.values()];
}
