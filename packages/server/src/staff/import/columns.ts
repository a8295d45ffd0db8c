import { nameSearchKey } from '@thonghanh/core';
import { clip } from './values.js';

/** The columns of the staff list (danh sách người lao động), in template order. */
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

export interface StaffColumn {
  key: StaffField;
  /** The header written in the template (row 1). */
  header: string;
  required: boolean;
  /** The value of the template's example row (a fictitious person). */
  example: string;
  /** How to fill the column, for the template's "Hướng dẫn" sheet. */
  help: string;
  /** Other headers people write for this column; matched like the header itself. */
  aliases: readonly string[];
  /** Formatted as Text in the template, so Excel keeps leading zeros and does not turn dates around. */
  text: boolean;
  /** Width in the template, in characters. */
  width: number;
}

/** Longest text accepted per field, in code points (the permit format's limits where it has one). */
export const MAX_LENGTH = {
  fullName: 64,
  position: 40,
  residenceAddress: 120,
  workplace: 120,
  routeFrom: 80,
  routeTo: 80,
} as const satisfies Partial<Record<StaffField, number>>;

/** At most this many ward codes on one route: they travel inside the permit's QR code. */
export const MAX_ROUTE_WARDS = 20;

export const STAFF_COLUMNS: readonly StaffColumn[] = [
  {
    key: 'fullName',
    header: 'Họ và tên',
    required: true,
    example: 'Nguyễn Văn Mẫu',
    help: 'Họ và tên đầy đủ như trên giấy tờ tùy thân, có dấu; tối đa 64 ký tự, không chứa chữ số hay ký hiệu.',
    aliases: ['Họ tên', 'Họ và tên người lao động', 'Tên người lao động', 'Họ tên người lao động'],
    text: false,
    width: 26,
  },
  {
    key: 'idType',
    header: 'Loại giấy tờ',
    required: true,
    example: 'CCCD',
    help: 'Chọn một trong: CCCD (căn cước công dân), CMND (chứng minh nhân dân), Hộ chiếu.',
    aliases: ['Loại giấy tờ tùy thân', 'Loại giấy tờ tuỳ thân', 'Giấy tờ tùy thân', 'Loại GTTT'],
    text: false,
    width: 14,
  },
  {
    key: 'idNumber',
    header: 'Số giấy tờ',
    required: true,
    example: '001090000001',
    help:
      'CCCD: 12 chữ số; CMND: 9 hoặc 12 chữ số; hộ chiếu Việt Nam: 1 chữ cái và 7 chữ số (ví dụ C1234567). ' +
      'Giữ cột ở định dạng Văn bản (Text) để Excel không bỏ số 0 ở đầu.',
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
    ],
    text: true,
    width: 18,
  },
  {
    key: 'dateOfBirth',
    header: 'Ngày sinh',
    required: true,
    example: '15/03/1990',
    help: 'Viết ngày/tháng/năm: dd/mm/yyyy, ví dụ 05/09/1990 (năm đủ 4 chữ số).',
    aliases: ['Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Sinh ngày', 'Năm sinh'],
    text: true,
    width: 13,
  },
  {
    key: 'position',
    header: 'Chức vụ',
    required: false,
    example: 'Công nhân',
    help: 'Chức vụ hoặc công việc, tối đa 40 ký tự. Có thể để trống.',
    aliases: ['Chức danh', 'Vị trí', 'Vị trí công việc', 'Công việc', 'Nghề nghiệp'],
    text: false,
    width: 16,
  },
  {
    key: 'phone',
    header: 'Số điện thoại',
    required: false,
    example: '0900 000 000',
    help: 'Số di động Việt Nam 10 chữ số, bắt đầu bằng 0 hoặc +84. Có thể để trống.',
    aliases: ['Điện thoại', 'SĐT', 'Số ĐT', 'Điện thoại di động', 'Số di động'],
    text: true,
    width: 15,
  },
  {
    key: 'residenceAddress',
    header: 'Nơi ở',
    required: true,
    example: 'Số 1 ngõ 1 phố Mẫu, phường Đức Giang, quận Long Biên, Hà Nội',
    help: 'Địa chỉ nơi ở hiện tại (số nhà, đường, phường/xã, quận/huyện, tỉnh/thành phố), tối đa 120 ký tự.',
    aliases: ['Nơi ở hiện nay', 'Nơi ở hiện tại', 'Chỗ ở hiện nay', 'Chỗ ở', 'Địa chỉ', 'Địa chỉ nơi ở', 'Nơi cư trú'],
    text: false,
    width: 40,
  },
  {
    key: 'residenceWard',
    header: 'Mã phường/xã nơi ở',
    required: false,
    example: '00124',
    help: 'Mã phường/xã (5 chữ số, theo danh mục của Tổng cục Thống kê) nơi người lao động ở. Có thể để trống.',
    aliases: ['Mã phường nơi ở', 'Mã xã nơi ở', 'Mã phường xã nơi ở'],
    text: true,
    width: 12,
  },
  {
    key: 'workplace',
    header: 'Nơi làm việc',
    required: false,
    example: 'Công ty TNHH Mẫu, phường Việt Hưng, quận Long Biên',
    help: 'Địa điểm làm việc, tối đa 120 ký tự. Có thể để trống.',
    aliases: ['Địa điểm làm việc', 'Địa chỉ nơi làm việc', 'Địa chỉ làm việc'],
    text: false,
    width: 36,
  },
  {
    key: 'routeFrom',
    header: 'Lộ trình: đi từ',
    required: true,
    example: 'Số 1 ngõ 1 phố Mẫu, phường Đức Giang',
    help: 'Nơi bắt đầu lộ trình đã đăng ký (thường là nơi ở), tối đa 80 ký tự.',
    aliases: ['Lộ trình đi từ', 'Đi từ', 'Điểm đi', 'Nơi đi', 'Lộ trình từ'],
    text: false,
    width: 32,
  },
  {
    key: 'routeTo',
    header: 'Lộ trình: đến',
    required: true,
    example: 'Công ty TNHH Mẫu, phường Việt Hưng',
    help: 'Nơi kết thúc lộ trình đã đăng ký (thường là nơi làm việc), tối đa 80 ký tự.',
    aliases: ['Lộ trình đến', 'Đi đến', 'Điểm đến', 'Nơi đến'],
    text: false,
    width: 32,
  },
  {
    key: 'routeWards',
    header: 'Mã phường/xã trên lộ trình',
    required: false,
    example: '00124, 00127',
    help:
      'Mã các phường/xã mà lộ trình đi qua (5 chữ số mỗi mã), cách nhau bằng dấu phẩy hoặc dấu cách; tối đa 20 mã. ' +
      'Chốt kiểm soát dùng các mã này để kiểm tra người đi có đúng lộ trình không.',
    aliases: ['Mã phường xã lộ trình', 'Mã phường trên lộ trình', 'Mã phường/xã lộ trình', 'Các phường/xã đi qua'],
    text: true,
    width: 24,
  },
  {
    key: 'scheduleDays',
    header: 'Ngày làm việc',
    required: true,
    example: 'T2-T7',
    help:
      'Các ngày trong tuần đi làm: T2 … T7, CN; khoảng (T2-T6, Thứ Hai - Thứ Sáu), danh sách (T2,T4,T6) ' +
      'hoặc Hằng ngày.',
    aliases: ['Ngày làm việc trong tuần', 'Thứ làm việc', 'Lịch làm việc', 'Thời gian làm việc: ngày'],
    text: false,
    width: 16,
  },
  {
    key: 'scheduleStart',
    header: 'Giờ bắt đầu',
    required: true,
    example: '07:30',
    help: 'Giờ bắt đầu làm việc, dạng 24 giờ HH:MM, ví dụ 07:30.',
    aliases: ['Giờ bắt đầu làm việc', 'Từ giờ', 'Giờ đi', 'Thời gian bắt đầu'],
    text: true,
    width: 12,
  },
  {
    key: 'scheduleEnd',
    header: 'Giờ kết thúc',
    required: true,
    example: '17:30',
    help: 'Giờ kết thúc làm việc, dạng 24 giờ HH:MM, sau giờ bắt đầu và trong cùng một ngày, ví dụ 17:30.',
    aliases: ['Giờ kết thúc làm việc', 'Đến giờ', 'Giờ về', 'Thời gian kết thúc'],
    text: true,
    width: 12,
  },
];

export const COLUMN_BY_FIELD: ReadonlyMap<StaffField, StaffColumn> = new Map(STAFF_COLUMNS.map((c) => [c.key, c]));

export function columnOf(field: StaffField): StaffColumn {
  return COLUMN_BY_FIELD.get(field) as StaffColumn;
}

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

const FIELD_BY_HEADER: ReadonlyMap<string, StaffField> = (() => {
  const m = new Map<string, StaffField>();
  for (const c of STAFF_COLUMNS) {
    for (const h of [c.header, ...c.aliases]) m.set(foldHeader(h), c.key);
  }
  return m;
})();

const ORDINAL_KEYS: ReadonlySet<string> = new Set(ORDINAL_HEADERS.map(foldHeader));

/** The field a header names, `ignore` for an ordinal column, or null for an unknown header. */
export function fieldOfHeader(text: string): StaffField | 'ignore' | null {
  const key = foldHeader(text);
  if (key === '') return null;
  if (ORDINAL_KEYS.has(key)) return 'ignore';
  return FIELD_BY_HEADER.get(key) ?? null;
}

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export interface HeaderProblem {
  code: 'missing_column' | 'duplicate_column' | 'unknown_column';
  field: StaffField | null;
  message: string;
}

export interface HeaderMatch {
  /** Column index (0-based) of each field found. */
  columns: Map<StaffField, number>;
  /** Errors (missing or repeated columns) and warnings (unknown columns), in column order. */
  errors: HeaderProblem[];
  warnings: HeaderProblem[];
}

/**
 * Matches a header row to the template's columns, in any order and tolerant of case, spaces,
 * missing diacritics and bracketed notes. Unknown headers are ignored with a warning; a
 * required column that is missing, or a column given twice, is an error.
 */
export function matchHeader(headers: readonly (string | undefined)[]): HeaderMatch {
  const columns = new Map<StaffField, number>();
  const errors: HeaderProblem[] = [];
  const warnings: HeaderProblem[] = [];
  headers.forEach((raw, index) => {
    const text = (raw ?? '').trim();
    if (text === '') return;
    const field = fieldOfHeader(text);
    const letter = columnLetter(index);
    if (field === 'ignore') return;
    if (field === null) {
      warnings.push({
        code: 'unknown_column',
        field: null,
        message: `Cột ${letter} "${clip(text)}" không có trong mẫu nên được bỏ qua. Nếu đây là một cột của mẫu, hãy sửa tiêu đề cho đúng mẫu.`,
      });
      return;
    }
    const first = columns.get(field);
    if (first !== undefined) {
      errors.push({
        code: 'duplicate_column',
        field,
        message: `Cột "${columnOf(field).header}" xuất hiện hai lần (cột ${columnLetter(first)} và cột ${letter}). Hãy xóa một cột.`,
      });
      return;
    }
    columns.set(field, index);
  });
  for (const c of STAFF_COLUMNS) {
    if (c.required && !columns.has(c.key)) {
      errors.push({
        code: 'missing_column',
        field: c.key,
        message: `Thiếu cột bắt buộc "${c.header}". Dòng 1 phải là dòng tiêu đề của mẫu; hãy thêm cột này hoặc tải lại tệp mẫu.`,
      });
    }
  }
  return { columns, errors, warnings };
}
