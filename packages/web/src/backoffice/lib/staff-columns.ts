import { foldVi } from './vietnamese.js';

/** The staff list's columns (the template's order), as the API names them. */
export const STAFF_FIELDS = [
  'fullName',
  'idType',
  'idNumber',
  'dateOfBirth',
  'position',
  'phone',
  'residenceAddress',
  'residenceWard',
  'workplace',
  'routeFrom',
  'routeTo',
  'routeWards',
  'scheduleDays',
  'scheduleStart',
  'scheduleEnd',
] as const;

export type StaffField = (typeof STAFF_FIELDS)[number];

export const isStaffField = (s: string | null): s is StaffField =>
  (STAFF_FIELDS as readonly (string | null)[]).includes(s);

/**
 * Headers people write for each column (the template's own first), used only to read an
 * uploaded file back into a form when a row has to be fixed. The server's reading is the
 * one that counts (packages/server/src/staff/import/columns.ts).
 */
const HEADERS: Record<StaffField, string[]> = {
  fullName: ['Họ và tên', 'Họ tên', 'Họ và tên người lao động', 'Tên người lao động', 'Họ tên người lao động'],
  idType: ['Loại giấy tờ', 'Loại giấy tờ tùy thân', 'Loại giấy tờ tuỳ thân', 'Giấy tờ tùy thân', 'Loại GTTT'],
  idNumber: [
    'Số giấy tờ',
    'Số giấy tờ tùy thân',
    'Số CCCD',
    'Số CMND',
    'Số CCCD/CMND',
    'Số CMND/CCCD',
    'Số CMND/CCCD/Hộ chiếu',
    'Số định danh',
  ],
  dateOfBirth: ['Ngày sinh', 'Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Sinh ngày', 'Năm sinh'],
  position: ['Chức vụ', 'Chức danh', 'Vị trí', 'Vị trí công việc', 'Công việc', 'Nghề nghiệp'],
  phone: ['Số điện thoại', 'Điện thoại', 'SĐT', 'Số ĐT', 'Điện thoại di động', 'Số di động'],
  residenceAddress: [
    'Nơi ở',
    'Nơi ở hiện nay',
    'Nơi ở hiện tại',
    'Chỗ ở hiện nay',
    'Chỗ ở',
    'Địa chỉ',
    'Địa chỉ nơi ở',
    'Nơi cư trú',
  ],
  residenceWard: ['Mã phường/xã nơi ở', 'Mã phường nơi ở', 'Mã xã nơi ở', 'Mã phường xã nơi ở'],
  workplace: ['Nơi làm việc', 'Địa điểm làm việc', 'Địa chỉ nơi làm việc', 'Địa chỉ làm việc'],
  routeFrom: ['Lộ trình: đi từ', 'Lộ trình đi từ', 'Đi từ', 'Điểm đi', 'Nơi đi', 'Lộ trình từ'],
  routeTo: ['Lộ trình: đến', 'Lộ trình đến', 'Đi đến', 'Điểm đến', 'Nơi đến'],
  routeWards: [
    'Mã phường/xã trên lộ trình',
    'Mã phường xã lộ trình',
    'Mã phường trên lộ trình',
    'Mã phường/xã lộ trình',
    'Các phường/xã đi qua',
  ],
  scheduleDays: [
    'Ngày làm việc',
    'Ngày làm việc trong tuần',
    'Thứ làm việc',
    'Lịch làm việc',
    'Thời gian làm việc: ngày',
  ],
  scheduleStart: ['Giờ bắt đầu', 'Giờ bắt đầu làm việc', 'Từ giờ', 'Giờ đi', 'Thời gian bắt đầu'],
  scheduleEnd: ['Giờ kết thúc', 'Giờ kết thúc làm việc', 'Đến giờ', 'Giờ về', 'Thời gian kết thúc'],
};

const foldHeader = (s: string) =>
  foldVi(s.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const BY_HEADER = new Map<string, StaffField>(
  (Object.entries(HEADERS) as Array<[StaffField, string[]]>).flatMap(([k, hs]) =>
    hs.map((h) => [foldHeader(h), k] as const),
  ),
);

export function fieldOfHeader(header: string): StaffField | null {
  return BY_HEADER.get(foldHeader(header)) ?? null;
}
