/**
 * Who reads a staff list, the dossier's (dossiers/staff/routes.ts) or the business's
 * (businesses/staff/routes.ts): the same people, and every reading is written to the audit log.
 */
export const STAFF_READERS = {
  roles: ['business_rep', 'ward_officer', 'ward_leader', 'health_officer', 'ward_admin', 'supervisor'],
  scope:
    'doanh nghiệp: danh sách của mình; cán bộ phường: phường mình; giám sát: trong địa bàn (mỗi lần xem được ghi nhật ký)',
} as const;
