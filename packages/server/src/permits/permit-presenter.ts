import { z } from 'zod';
import type { PermitRow, UnitCredentialRow } from '../db/schema.js';
import { timestamp } from '../http/common-schemas.js';
import { parseSchedule } from './permit-claims.js';
import { PERMIT_STATES, type PermitState } from './permit-query.js';
import { vnDateOf } from './vn-dates.js';

export const PERMIT_STATE_LABELS: Record<PermitState, string> = {
  active: 'Còn hiệu lực',
  revoked: 'Đã thu hồi',
  expired: 'Hết hạn',
};

const scheduleSchema = z.object({
  days: z.array(z.number().int()).describe('1 = Thứ Hai … 7 = Chủ nhật'),
  start: z.string(),
  end: z.string(),
});

export const permitSchema = z.object({
  id: z.string(),
  businessId: z.string(),
  staffId: z.string(),
  wardCode: z.string(),
  serial: z.string().describe('Số giấy, ví dụ 0001/GĐĐ'),
  holder: z.string(),
  idType: z.enum(['CCCD', 'CMND', 'PASSPORT']),
  idNumber: z.string(),
  position: z.string().nullable(),
  workplace: z.string().nullable(),
  residence: z.string(),
  purpose: z.string(),
  routeFrom: z.string(),
  routeTo: z.string(),
  routeWards: z.array(z.string()),
  schedule: scheduleSchema.nullable(),
  validFrom: timestamp.describe('nbf'),
  validTo: timestamp.describe('exp'),
  validFromDate: z.string().describe('Ngày bắt đầu hiệu lực (giờ Việt Nam), YYYY-MM-DD'),
  validToDate: z.string().describe('Ngày cuối cùng còn hiệu lực (giờ Việt Nam), YYYY-MM-DD'),
  status: z
    .enum(PERMIT_STATES)
    .describe('active: còn hiệu lực; revoked: đã thu hồi; expired: hết hạn (suy ra từ validTo)'),
  statusLabel: z.string(),
  revokedReason: z.string().nullable(),
  revokedAt: timestamp.nullable(),
  revokedBy: z.string().nullable(),
  issuedAt: timestamp,
  issuedBy: z.string().nullable(),
  kid: z.string(),
  cti: z.string().describe('base64url của 16 byte mã định danh (cti)'),
  qrText: z.string().describe('Nội dung mã QR: <ORIGIN>/p1#<DIGITS>'),
});
export type PermitView = z.infer<typeof permitSchema>;

export function permitState(row: Pick<PermitRow, 'status' | 'valid_to'>, now: Date): PermitState {
  if (row.status === 'revoked') return 'revoked';
  return Date.parse(row.valid_to) <= now.getTime() ? 'expired' : 'active';
}

/** The last day of a validity ending at `exp` (exclusive): the date printed as "đến ngày". */
export const lastValidDate = (exp: string): string => vnDateOf(Date.parse(exp) - 1000);

export function presentPermit(p: PermitRow, now: Date): PermitView {
  const state = permitState(p, now);
  return {
    id: p.id,
    businessId: p.business_id,
    staffId: p.staff_id,
    wardCode: p.ward_code,
    serial: p.serial,
    holder: p.holder,
    idType: p.id_type,
    idNumber: p.id_number,
    position: p.position,
    workplace: p.workplace,
    residence: p.residence,
    purpose: p.purpose,
    routeFrom: p.route_from,
    routeTo: p.route_to,
    routeWards: JSON.parse(p.route_wards) as string[],
    schedule: parseSchedule(p.schedule),
    validFrom: p.valid_from,
    validTo: p.valid_to,
    validFromDate: vnDateOf(p.valid_from),
    validToDate: lastValidDate(p.valid_to),
    status: state,
    statusLabel: PERMIT_STATE_LABELS[state],
    revokedReason: p.revoked_reason,
    revokedAt: p.revoked_at,
    revokedBy: p.revoked_by,
    issuedAt: p.issued_at,
    issuedBy: p.issued_by,
    kid: p.kid,
    cti: p.cti,
    qrText: p.qr_text,
  };
}

/** The policy's view of a permit: it sits in its business's ward and belongs to the business. */
export const permitResource = (
  p: Pick<PermitRow, 'ward_code' | 'district_code' | 'province_code' | 'business_id'>,
) => ({
  type: 'permit',
  wardCode: p.ward_code,
  districtCode: p.district_code,
  provinceCode: p.province_code,
  businessId: p.business_id,
});

export const unitCredentialSchema = z.object({
  id: z.string(),
  businessId: z.string(),
  dossierId: z.string(),
  approvalRef: z.string(),
  staffCount: z.number().int(),
  validFrom: timestamp,
  validTo: timestamp,
  validFromDate: z.string(),
  validToDate: z.string(),
  status: z
    .enum(PERMIT_STATES)
    .describe('active: còn hiệu lực; revoked: đã thu hồi; expired: hết hạn (suy ra từ validTo)'),
  statusLabel: z.string(),
  revokedReason: z.string().nullable(),
  revokedAt: timestamp.nullable(),
  issuedAt: timestamp,
  kid: z.string(),
  cti: z.string(),
  qrText: z.string(),
});
export type UnitCredentialView = z.infer<typeof unitCredentialSchema>;

export function presentUnitCredential(c: UnitCredentialRow, now: Date): UnitCredentialView {
  const state = permitState(c, now);
  return {
    id: c.id,
    businessId: c.business_id,
    dossierId: c.dossier_id,
    approvalRef: c.approval_ref,
    staffCount: c.staff_count,
    validFrom: c.valid_from,
    validTo: c.valid_to,
    validFromDate: vnDateOf(c.valid_from),
    validToDate: lastValidDate(c.valid_to),
    status: state,
    statusLabel: PERMIT_STATE_LABELS[state],
    revokedReason: c.revoked_reason,
    revokedAt: c.revoked_at,
    issuedAt: c.issued_at,
    kid: c.kid,
    cti: c.cti,
    qrText: c.qr_text,
  };
}
