import { z } from 'zod';
import { booleanQuery, timestamp } from './common.js';
import { TEXT_LIMITS } from './limits.js';
import { STAFF_ID_TYPES, STAFF_STATUSES, type StaffStatus } from './staff-statuses.js';

export {
  STAFF_ID_TYPES,
  STAFF_STATUS_LABELS,
  STAFF_STATUSES,
  type StaffIdType,
  type StaffStatus,
} from './staff-statuses.js';

export const staffScheduleSchema = z.object({
  days: z.array(z.number().int().min(1).max(7)).describe('1 = Thứ Hai … 7 = Chủ nhật'),
  start: z.string().describe('HH:MM'),
  end: z.string().describe('HH:MM'),
});

/** One person of a business's staff list, as the API shows it. */
export const staffMemberSchema = z.object({
  id: z.string(),
  businessId: z.string(),
  dossierId: z.string().describe('Hồ sơ đã đưa người này vào danh sách'),
  status: z.enum(STAFF_STATUSES),
  statusLabel: z.string(),
  fullName: z.string(),
  idType: z.enum(STAFF_ID_TYPES),
  idNumber: z.string(),
  dateOfBirth: z.string().describe('YYYY-MM-DD'),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  residenceAddress: z.string(),
  residenceWard: z.string().nullable(),
  workplace: z.string().nullable(),
  routeFrom: z.string(),
  routeTo: z.string(),
  routeWards: z.array(z.string()),
  schedule: staffScheduleSchema,
  sourceRow: z.number().int().nullable().describe('Dòng trong tệp đã nhập (null: nhập tay)'),
  createdAt: timestamp,
  approvedAt: timestamp.nullable(),
  removedAt: timestamp.nullable(),
  removedReason: z.string().nullable(),
});
export type StaffMemberView = z.infer<typeof staffMemberSchema>;

export const staffPageSchema = z.object({
  items: z.array(staffMemberSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** One problem of a staff file or of a person typed in a form. */
export const staffProblemSchema = z.object({
  row: z.number().int().describe('Dòng trong bảng tính (dòng tiêu đề là 1; 0: cả tệp)'),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

/** `:id` (the dossier) and `:staffId` in a path. */
export const staffParams = z.object({
  id: z.string().min(1).max(TEXT_LIMITS.id),
  staffId: z.string().min(1).max(TEXT_LIMITS.id),
});

/** GET /staff/template */
export const staffTemplateQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

/** POST /dossiers/:id/staff/import (the file itself is multipart: not described by a schema). */
export const importStaffQuery = z.object({ keepValidOnly: booleanQuery.optional() });
export const importStaffResponse = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  errors: z.array(staffProblemSchema),
  warnings: z.array(staffProblemSchema),
  saved: z.boolean().describe('Danh sách đã được lưu (thay danh sách cũ của hồ sơ)'),
  savedCount: z.number().int(),
  replacedCount: z.number().int(),
});

/** GET /dossiers/:id/staff */
export const listDossierStaffQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Họ tên (không cần dấu) hoặc số giấy tờ'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

/** GET /businesses/:id/staff: the same, and the statuses to list (default: approved). */
export const listBusinessStaffQuery = listDossierStaffQuery.extend({
  status: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const list = (v ?? 'approved').split(',').map((s) => s.trim());
      const bad = list.filter((s) => !(STAFF_STATUSES as readonly string[]).includes(s));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `Trạng thái không hợp lệ: ${bad.join(', ')}` });
      return list as StaffStatus[];
    })
    .describe('pending, approved, removed (cách nhau bằng dấu phẩy); mặc định approved'),
});

const opt = z.string().max(500).optional().nullable();

/**
 * One person typed in a form: the same texts as the template's columns (dates dd/mm/yyyy or
 * YYYY-MM-DD, days "T2-T7", times "07:30"), checked by the server with the same validator as
 * a file. `routeWards` may be a list; `scheduleDays` may be a list of day numbers (1 = Monday).
 */
export const staffEntryBody = z.object({
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
export type StaffEntryBody = z.output<typeof staffEntryBody>;

/** POST and PATCH of one person: the stored person and the warnings (a row's, not errors). */
export const staffEntryResponse = z.object({ member: staffMemberSchema, warnings: z.array(staffProblemSchema) });

/** POST /businesses/:id/staff/remove */
export const removeStaffBody = z.object({
  staffIds: z.array(z.string().min(1).max(TEXT_LIMITS.id)).min(1).max(1000),
  reason: z.string().trim().min(1, 'Nhập lý do').max(2000),
});
export const removeStaffResponse = z.object({ removed: z.number().int() });
