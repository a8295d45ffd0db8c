import type { AreaList, AreaStaff, AreaUnit } from './api.js';

/**
 * Look-ups in the checkpoint's area list (units of the area with their approved staff and
 * the serials of the permits they issued): the manual fallback for damaged codes and the
 * check of a person against a unit's approved list. Works offline on the synced copy.
 */

/** A serial as compared: NFC, no white space, upper case ("0125/gđđ " → "0125/GĐĐ"). */
export function normalizeSerial(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, '').toLocaleUpperCase('vi');
}

/** A document number as compared: no spaces, dots or dashes, upper case. */
export function normalizeIdNumber(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\s.-]+/gu, '')
    .toUpperCase();
}

/** The leading number of a serial ("0125/GĐĐ" → "0125"), which is what officers type. */
function serialNumber(s: string): string | null {
  const m = /^([0-9]+)/.exec(s);
  return m ? (m[1] as string) : null;
}

export function findUnit(area: AreaList | null, taxCode: string): AreaUnit | null {
  if (!area) return null;
  const key = taxCode.trim();
  return area.units.find((u) => u.taxCode === key) ?? null;
}

/** The staff member of a unit with this document number, or null. */
export function findStaff(unit: AreaUnit, idNumber: string): AreaStaff | null {
  const key = normalizeIdNumber(idNumber);
  if (!key) return null;
  return unit.staff.find((s) => normalizeIdNumber(s.idNumber) === key) ?? null;
}

export interface AreaMatch {
  unit: AreaUnit;
  staff: AreaStaff;
  /** What the query matched: a permit serial or a document number. */
  by: 'serial' | 'idNumber';
  /** The serial that matched (by serial). */
  serial?: string;
}

/**
 * Everything the area list knows about a typed permit serial or document number. A serial
 * matches exactly (case and spaces aside) or, when only digits are typed, by its leading
 * number ("125" finds "0125/GĐĐ" of every unit: the officer then picks by unit).
 */
export function lookup(area: AreaList | null, query: string, limit = 20): AreaMatch[] {
  if (!area) return [];
  const serialKey = normalizeSerial(query);
  const idKey = normalizeIdNumber(query);
  if (!serialKey) return [];
  const digitsOnly = /^[0-9]+$/.test(serialKey);
  const out: AreaMatch[] = [];
  for (const unit of area.units) {
    for (const staff of unit.staff) {
      if (normalizeIdNumber(staff.idNumber) === idKey) {
        out.push({ unit, staff, by: 'idNumber' });
        continue;
      }
      for (const serial of staff.serials) {
        const s = normalizeSerial(serial);
        const n = serialNumber(s);
        if (s === serialKey || (digitsOnly && n !== null && Number(n) === Number(serialKey))) {
          out.push({ unit, staff, by: 'serial', serial });
          break;
        }
      }
    }
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}

export const UNIT_STATUS_TEXT: Record<AreaUnit['status'], string> = {
  approved: 'Đã phê duyệt',
  suspended: 'Tạm dừng hoạt động',
};
