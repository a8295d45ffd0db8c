/**
 * A staff member's statuses (with their labels) and identity papers. Plain data, no zod: the
 * back office and the server's table type import them from `@thonghanh/contract/staff-statuses`
 * (staff.ts re-exports them).
 */

/** pending: in a dossier not yet approved; approved: on the business's list; removed: taken off it. */
export const STAFF_STATUSES = ['pending', 'approved', 'removed'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

export const STAFF_STATUS_LABELS = {
  pending: 'Chờ phê duyệt',
  approved: 'Đã phê duyệt',
  removed: 'Đã rút khỏi danh sách',
} as const satisfies Record<StaffStatus, string>;

/** The identity papers a person may hold (Căn cước công dân, Chứng minh nhân dân, Hộ chiếu). */
export const STAFF_ID_TYPES = ['CCCD', 'CMND', 'PASSPORT'] as const;
export type StaffIdType = (typeof STAFF_ID_TYPES)[number];
