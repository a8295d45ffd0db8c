import { z } from 'zod';
import type { Executor } from '../../db/schema.js';
import { validationFailed } from '../../errors.js';
import { type Cell, type Problem, type StaffEntry, type StaffField, StaffRowValidator } from '../import/index.js';
import { wardCodeSet } from './staff-query.js';

const DAY_NAMES = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'];
const opt = z.string().max(500).optional().nullable();

/**
 * One person typed in a form: the same texts as the template's columns (dates dd/mm/yyyy or
 * YYYY-MM-DD, days "T2-T7", times "07:30"), checked by the same validator as a file.
 * `routeWards` may be a list; `scheduleDays` may be a list of day numbers (1 = Monday).
 */
export const staffEntryBodySchema = z.object({
  fullName: z.string().max(500),
  idType: z.string().max(50).describe('CCCD, CMND hoặc Hộ chiếu'),
  idNumber: z.string().max(50),
  dateOfBirth: z.string().max(30).describe('dd/mm/yyyy hoặc YYYY-MM-DD'),
  position: opt,
  phone: opt,
  residenceAddress: z.string().max(500),
  residenceWard: opt,
  workplace: opt,
  routeFrom: z.string().max(500),
  routeTo: z.string().max(500),
  routeWards: z
    .union([z.string().max(500), z.array(z.string().max(10)).max(50)])
    .optional()
    .nullable(),
  scheduleDays: z.union([z.string().max(100), z.array(z.number().int().min(1).max(7)).min(1).max(7)]),
  scheduleStart: z.string().max(10),
  scheduleEnd: z.string().max(10),
});

export type StaffEntryBody = z.output<typeof staffEntryBodySchema>;

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
  for (const field of Object.keys(staffEntryBodySchema.shape) as StaffField[]) {
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
