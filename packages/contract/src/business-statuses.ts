/**
 * A business's statuses and their Vietnamese labels. Plain data, no zod: the back office imports
 * them from `@thonghanh/contract/business-statuses` at no cost (businesses.ts re-exports them).
 */
export const BUSINESS_STATUSES = ['pending', 'active', 'refused', 'suspended'] as const;
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number];

/** Vietnamese labels of the statuses, for screens and e-mails. */
export const BUSINESS_STATUS_LABELS = {
  pending: 'Chờ UBND phường tiếp nhận',
  active: 'Đang hoạt động',
  refused: 'Không được tiếp nhận',
  suspended: 'Tạm dừng hoạt động',
} as const satisfies Record<BusinessStatus, string>;
