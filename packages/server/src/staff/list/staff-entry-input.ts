import { type StaffEntryBody, staffEntryBody } from '@thonghanh/contract';
import type { Executor } from '../../db/schema.js';
import { validationFailed } from '../../errors.js';
import { type Cell, type Problem, type StaffEntry, type StaffField, StaffRowValidator } from '../import/index.js';
import { wardCodeSet } from './staff-query.js';

/** The request body is the contract's `staffEntryBody` (packages/contract/src/staff.ts). */
const DAY_NAMES = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'];

function textOf(body: StaffEntryBody, field: StaffField): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (field === 'routeWards' && Array.isArray(v)) return (v as string[]).join(', ');
  if (field === 'scheduleDays' && Array.isArray(v)) return (v as number[]).map((d) => DAY_NAMES[d - 1]).join(',');
  return String(v);
}

/**
 * Validates one person exactly as a row of an imported file (StaffRowValidator): the
 * normalised entry and its warnings, or 400 `validation_failed` with one issue per problem
 * (`body.<field>`).
 */
export async function validateStaffEntry(
  db: Executor,
  body: StaffEntryBody,
  today: string,
): Promise<{ entry: StaffEntry; warnings: Problem[] }> {
  const cells: Partial<Record<StaffField, Cell>> = {};
  const codes: string[] = [];
  for (const field of Object.keys(staffEntryBody.shape) as StaffField[]) {
    const text = textOf(body, field);
    if (text === undefined) continue;
    cells[field] = { kind: 'text', text, address: field };
    if (field === 'residenceWard' || field === 'routeWards') codes.push(...(text.match(/\d{5}/g) ?? []));
  }
  const wards = await wardCodeSet(db, [...new Set(codes)]);
  const validator = new StaffRowValidator({ wardExists: (c) => wards.has(c), today });
  validator.add(2, cells);
  const result = await validator.finish();
  const entry = result.staff[0];
  if (result.errors.length > 0 || !entry) {
    const problems = result.errors.length
      ? result.errors
      : [{ row: 2, field: 'fullName' as StaffField, code: 'required', message: 'Chưa nhập thông tin người lao động.' }];
    throw validationFailed(
      problems.map((p) => ({ path: `body.${p.field ?? 'fullName'}`, code: p.code, message: p.message })),
      'Thông tin người lao động chưa hợp lệ.',
    );
  }
  return { entry, warnings: result.warnings };
}
