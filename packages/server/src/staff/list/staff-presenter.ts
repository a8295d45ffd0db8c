import { STAFF_STATUS_LABELS, type StaffMemberView } from '@thonghanh/contract';
import type { StaffMemberRow } from '../../db/schema.js';

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
