import { fieldOfHeader as coreFieldOfHeader, STAFF_FIELDS, type StaffField } from '@thonghanh/core';

export { STAFF_FIELDS, type StaffField };

export const isStaffField = (s: string | null): s is StaffField =>
  (STAFF_FIELDS as readonly (string | null)[]).includes(s);

/** The field a header names, or null (an ordinal column counts as none here). */
export function fieldOfHeader(header: string): StaffField | null {
  const field = coreFieldOfHeader(header);
  return field === 'ignore' ? null : field;
}
