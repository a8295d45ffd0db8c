import { fieldOfHeader, foldHeader, STAFF_FIELDS, STAFF_HEADERS, type StaffField } from '@thonghanh/core';

export { fieldOfHeader, foldHeader, STAFF_FIELDS, type StaffField };

import { clip } from './values.js';

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
    ...STAFF_HEADERS.fullName,
    required: true,
    example: 'Nguyễn Văn Mẫu',
    help: 'Họ và tên đầy đủ như trên giấy tờ tùy thân, có dấu; tối đa 64 ký tự, không chứa chữ số hay ký hiệu.',
    text: false,
    width: 26,
  },
  {
    key: 'idType',
    ...STAFF_HEADERS.idType,
    required: true,
    example: 'CCCD',
    help: 'Chọn một trong: CCCD (căn cước công dân), CMND (chứng minh nhân dân), Hộ chiếu.',
    text: false,
    width: 14,
  },
  {
    key: 'idNumber',
    ...STAFF_HEADERS.idNumber,
    required: true,
    example: '001090000001',
    help:
      'CCCD: 12 chữ số; CMND: 9 hoặc 12 chữ số; hộ chiếu Việt Nam: 1 chữ cái và 7 chữ số (ví dụ C1234567). ' +
      'Giữ cột ở định dạng Văn bản (Text) để Excel không bỏ số 0 ở đầu.',
    text: true,
    width: 18,
  },
  {
    key: 'dateOfBirth',
    ...STAFF_HEADERS.dateOfBirth,
    required: true,
    example: '15/03/1990',
    help: 'Viết ngày/tháng/năm: dd/mm/yyyy, ví dụ 05/09/1990 (năm đủ 4 chữ số).',
    text: true,
    width: 13,
  },
  {
    key: 'position',
    ...STAFF_HEADERS.position,
    required: false,
    example: 'Công nhân',
    help: 'Chức vụ hoặc công việc, tối đa 40 ký tự. Có thể để trống.',
    text: false,
    width: 16,
  },
  {
    key: 'phone',
    ...STAFF_HEADERS.phone,
    required: false,
    example: '0900 000 000',
    help: 'Số di động Việt Nam 10 chữ số, bắt đầu bằng 0 hoặc +84. Có thể để trống.',
    text: true,
    width: 15,
  },
  {
    key: 'residenceAddress',
    ...STAFF_HEADERS.residenceAddress,
    required: true,
    example: 'Số 1 ngõ 1 phố Mẫu, phường Đức Giang, quận Long Biên, Hà Nội',
    help: 'Địa chỉ nơi ở hiện tại (số nhà, đường, phường/xã, quận/huyện, tỉnh/thành phố), tối đa 120 ký tự.',
    text: false,
    width: 40,
  },
  {
    key: 'residenceWard',
    ...STAFF_HEADERS.residenceWard,
    required: false,
    example: '00124',
    help: 'Mã phường/xã (5 chữ số, theo danh mục của Tổng cục Thống kê) nơi người lao động ở. Có thể để trống.',
    text: true,
    width: 12,
  },
  {
    key: 'workplace',
    ...STAFF_HEADERS.workplace,
    required: false,
    example: 'Công ty TNHH Mẫu, phường Việt Hưng, quận Long Biên',
    help: 'Địa điểm làm việc, tối đa 120 ký tự. Có thể để trống.',
    text: false,
    width: 36,
  },
  {
    key: 'routeFrom',
    ...STAFF_HEADERS.routeFrom,
    required: true,
    example: 'Số 1 ngõ 1 phố Mẫu, phường Đức Giang',
    help: 'Nơi bắt đầu lộ trình đã đăng ký (thường là nơi ở), tối đa 80 ký tự.',
    text: false,
    width: 32,
  },
  {
    key: 'routeTo',
    ...STAFF_HEADERS.routeTo,
    required: true,
    example: 'Công ty TNHH Mẫu, phường Việt Hưng',
    help: 'Nơi kết thúc lộ trình đã đăng ký (thường là nơi làm việc), tối đa 80 ký tự.',
    text: false,
    width: 32,
  },
  {
    key: 'routeWards',
    ...STAFF_HEADERS.routeWards,
    required: false,
    example: '00124, 00127',
    help:
      'Mã các phường/xã mà lộ trình đi qua (5 chữ số mỗi mã), cách nhau bằng dấu phẩy hoặc dấu cách; tối đa 20 mã. ' +
      'Chốt kiểm soát dùng các mã này để kiểm tra người đi có đúng lộ trình không.',
    text: true,
    width: 24,
  },
  {
    key: 'scheduleDays',
    ...STAFF_HEADERS.scheduleDays,
    required: true,
    example: 'T2-T7',
    help:
      'Các ngày trong tuần đi làm: T2 … T7, CN; khoảng (T2-T6, Thứ Hai - Thứ Sáu), danh sách (T2,T4,T6) ' +
      'hoặc Hằng ngày.',
    text: false,
    width: 16,
  },
  {
    key: 'scheduleStart',
    ...STAFF_HEADERS.scheduleStart,
    required: true,
    example: '07:30',
    help: 'Giờ bắt đầu làm việc, dạng 24 giờ HH:MM, ví dụ 07:30.',
    text: true,
    width: 12,
  },
  {
    key: 'scheduleEnd',
    ...STAFF_HEADERS.scheduleEnd,
    required: true,
    example: '17:30',
    help: 'Giờ kết thúc làm việc, dạng 24 giờ HH:MM, sau giờ bắt đầu và trong cùng một ngày, ví dụ 17:30.',
    text: true,
    width: 12,
  },
];

export const COLUMN_BY_FIELD: ReadonlyMap<StaffField, StaffColumn> = new Map(STAFF_COLUMNS.map((c) => [c.key, c]));

export function columnOf(field: StaffField): StaffColumn {
  return COLUMN_BY_FIELD.get(field) as StaffColumn;
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
