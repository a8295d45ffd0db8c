import type { PermitState, PermitView, UnitCredentialView } from '@thonghanh/contract';
import type { PermitRow, UnitCredentialRow } from '../db/schema.js';
import { parseSchedule } from './permit-claims.js';
import { vnDateOf } from './vn-dates.js';

export const PERMIT_STATE_LABELS: Record<PermitState, string> = {
  active: 'Còn hiệu lực',
  revoked: 'Đã thu hồi',
  expired: 'Hết hạn',
};

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
