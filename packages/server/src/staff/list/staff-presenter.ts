import { z } from 'zod';
import type { StaffMemberRow } from '../../db/schema.js';
import { timestamp } from '../../http/common-schemas.js';

export const STAFF_STATUSES = ['pending', 'approved', 'removed'] as const;

export const STAFF_STATUS_LABELS = {
  pending: 'Chờ phê duyệt',
  approved: 'Đã phê duyệt',
  removed: 'Đã rút khỏi danh sách',
} as const;

export const staffScheduleSchema = z.object({
  days: z.array(z.number().int().min(1).max(7)).describe('1 = Thứ Hai … 7 = Chủ nhật'),
  start: z.string().describe('HH:MM'),
  end: z.string().describe('HH:MM'),
});

export const staffMemberSchema = z.object({
  id: z.string(),
  businessId: z.string(),
  dossierId: z.string().describe('Hồ sơ đã đưa người này vào danh sách'),
  status: z.enum(STAFF_STATUSES),
  statusLabel: z.string(),
  fullName: z.string(),
  idType: z.enum(['CCCD', 'CMND', 'PASSPORT']),
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

export const presentStaffMember = (s: StaffMemberRow): StaffMemberView => ({
  id: s.id,
  businessId: s.business_id,
  dossierId: s.dossier_id,
  status: s.status,
  statusLabel: STAFF_STATUS_LABELS[s.status],
  fullName: s.full_name,
  idType: s.id_type,
  idNumber: s.id_number,
  dateOfBirth: s.date_of_birth,
  position: s.position,
  phone: s.phone,
  residenceAddress: s.residence_address,
  residenceWard: s.residence_ward,
  workplace: s.workplace,
  routeFrom: s.route_from,
  routeTo: s.route_to,
  routeWards: JSON.parse(s.route_wards) as string[],
  schedule: JSON.parse(s.schedule) as StaffMemberView['schedule'],
  sourceRow: s.source_row,
  createdAt: s.created_at,
  approvedAt: s.approved_at,
  removedAt: s.removed_at,
  removedReason: s.removed_reason,
});

export const staffPageSchema = z.object({
  items: z.array(staffMemberSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
