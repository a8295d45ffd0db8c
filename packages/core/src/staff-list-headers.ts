import { nameSearchKey } from './identifiers/name.js';

/**
 * The columns of a staff list (danh sách người lao động) and the headers people write for
 * them: shared by the server's import and the back office, which reads a file back into a
 * form when a row has to be fixed.
 */
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

/** The template's header of each column, and other headers people write for it. */
export const STAFF_HEADERS: Readonly<Record<StaffField, { header: string; aliases: readonly string[] }>> = {
  fullName: {
    header: 'Họ và tên',
    aliases: ['Họ tên', 'Họ và tên người lao động', 'Tên người lao động', 'Họ tên người lao động'],
  },
  idType: {
    header: 'Loại giấy tờ',
    aliases: ['Loại giấy tờ tùy thân', 'Loại giấy tờ tuỳ thân', 'Giấy tờ tùy thân', 'Loại GTTT'],
  },
  idNumber: {
    header: 'Số giấy tờ',
    aliases: [
      'Số giấy tờ tùy thân',
      'Số giấy tờ tuỳ thân',
      'Số CCCD',
      'Số CMND',
      'Số CCCD/CMND',
      'Số CMND/CCCD',
      'Số CCCD/CMND/Hộ chiếu',
      'Số định danh',
      'Số GTTT',
      'Số CMND/CCCD/Hộ chiếu',
    ],
  },
  dateOfBirth: {
    header: 'Ngày sinh',
    aliases: ['Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Sinh ngày', 'Năm sinh'],
  },
  position: {
    header: 'Chức vụ',
    aliases: ['Chức danh', 'Vị trí', 'Vị trí công việc', 'Công việc', 'Nghề nghiệp'],
  },
  phone: {
    header: 'Số điện thoại',
    aliases: ['Điện thoại', 'SĐT', 'Số ĐT', 'Điện thoại di động', 'Số di động'],
  },
  residenceAddress: {
    header: 'Nơi ở',
    aliases: ['Nơi ở hiện nay', 'Nơi ở hiện tại', 'Chỗ ở hiện nay', 'Chỗ ở', 'Địa chỉ', 'Địa chỉ nơi ở', 'Nơi cư trú'],
  },
  residenceWard: {
    header: 'Mã phường/xã nơi ở',
    aliases: ['Mã phường nơi ở', 'Mã xã nơi ở', 'Mã phường xã nơi ở'],
  },
  workplace: {
    header: 'Nơi làm việc',
    aliases: ['Địa điểm làm việc', 'Địa chỉ nơi làm việc', 'Địa chỉ làm việc'],
  },
  routeFrom: {
    header: 'Lộ trình: đi từ',
    aliases: ['Lộ trình đi từ', 'Đi từ', 'Điểm đi', 'Nơi đi', 'Lộ trình từ'],
  },
  routeTo: {
    header: 'Lộ trình: đến',
    aliases: ['Lộ trình đến', 'Đi đến', 'Điểm đến', 'Nơi đến'],
  },
  routeWards: {
    header: 'Mã phường/xã trên lộ trình',
    aliases: ['Mã phường xã lộ trình', 'Mã phường trên lộ trình', 'Mã phường/xã lộ trình', 'Các phường/xã đi qua'],
  },
  scheduleDays: {
    header: 'Ngày làm việc',
    aliases: ['Ngày làm việc trong tuần', 'Thứ làm việc', 'Lịch làm việc', 'Thời gian làm việc: ngày'],
  },
  scheduleStart: {
    header: 'Giờ bắt đầu',
    aliases: ['Giờ bắt đầu làm việc', 'Từ giờ', 'Giờ đi', 'Thời gian bắt đầu'],
  },
  scheduleEnd: {
    header: 'Giờ kết thúc',
    aliases: ['Giờ kết thúc làm việc', 'Đến giờ', 'Giờ về', 'Thời gian kết thúc'],
  },
};

/** Headers recognised as an ordinal number column (STT): ignored without a warning. */
const ORDINAL_HEADERS = ['STT', 'TT', 'Số thứ tự', 'Số TT'];

/**
 * The form in which two headers compare equal: what is in brackets dropped ("Ngày sinh
 * (dd/mm/yyyy)"), case, diacritics and đ folded as in name search, and every run of anything
 * but letters and digits one space ("Lộ trình: đi từ" = "lo trinh di tu").
 */
export function foldHeader(text: string): string {
  return nameSearchKey(text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').replace(/[ðÐ]/g, 'd'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const FIELD_BY_HEADER: ReadonlyMap<string, StaffField> = new Map(
  STAFF_FIELDS.flatMap((key) =>
    [STAFF_HEADERS[key].header, ...STAFF_HEADERS[key].aliases].map((h) => [foldHeader(h), key] as const),
  ),
);

const ORDINAL_KEYS: ReadonlySet<string> = new Set(ORDINAL_HEADERS.map(foldHeader));

/** The field a header names, `ignore` for an ordinal column, or null for an unknown header. */
export function fieldOfHeader(text: string): StaffField | 'ignore' | null {
  const key = foldHeader(text);
  if (key === '') return null;
  if (ORDINAL_KEYS.has(key)) return 'ignore';
  return FIELD_BY_HEADER.get(key) ?? null;
}
