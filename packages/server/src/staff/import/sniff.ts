/**
 * What an uploaded file is, from its bytes (never its name): an .xlsx (a ZIP), text to read
 * as CSV, or something to refuse with a message that tells the user what to do instead.
 */

import { IMPORT_LIMITS } from './limits.js';

export type SniffProblemCode = 'empty_file' | 'file_too_large' | 'legacy_xls' | 'not_a_spreadsheet' | 'encoding';

export type Sniffed =
  | { type: 'xlsx' }
  | { type: 'text' }
  | { type: 'problem'; code: SniffProblemCode; message: string };

/** An upload larger than this is refused before it is read. */
export const MAX_FILE_BYTES = IMPORT_LIMITS.fileBytes;

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'ảnh PNG' },
  { bytes: [0xff, 0xd8, 0xff], what: 'ảnh JPEG' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'ảnh GIF' },
  { bytes: [0x52, 0x49, 0x46, 0x46], what: 'tệp ảnh hoặc âm thanh' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: 'ảnh TIFF' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'ảnh TIFF' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'tài liệu PDF' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'tệp nén RAR' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'tệp nén 7z' },
  { bytes: [0x1f, 0x8b], what: 'tệp nén gzip' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'văn bản RTF' },
];

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

const NOT_A_SPREADSHEET = 'Hãy tải lên danh sách người lao động dạng Excel (.xlsx) hoặc CSV (UTF-8), theo tệp mẫu.';

function problem(code: SniffProblemCode, message: string): Sniffed {
  return { type: 'problem', code, message };
}

export function sniffFile(bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): Sniffed {
  if (bytes.length === 0)
    return problem('empty_file', 'Tệp rỗng (0 byte). Hãy chọn đúng tệp danh sách người lao động.');
  if (bytes.length > maxBytes) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1).replace('.', ',');
    return problem(
      'file_too_large',
      `Tệp nặng ${mb} MB, vượt giới hạn ${maxBytes / 1024 / 1024} MB. Hãy xóa ảnh, trang tính thừa hoặc chia danh sách thành nhiều tệp.`,
    );
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { type: 'xlsx' };
  }
  if (startsWith(bytes, OLE)) {
    return problem(
      'legacy_xls',
      'Tệp là định dạng Excel cũ (.xls, Excel 97–2003) hoặc tệp Excel có đặt mật khẩu. Hãy mở tệp bằng Excel, ' +
        'bỏ mật khẩu nếu có, chọn Lưu thành (Save As) → "Sổ làm việc Excel (*.xlsx)" rồi tải lên tệp .xlsx.',
    );
  }
  const bom =
    startsWith(bytes, [0xef, 0xbb, 0xbf]) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (bom) return { type: 'text' };
  for (const s of SIGNATURES) {
    if (startsWith(bytes, s.bytes))
      return problem('not_a_spreadsheet', `Tệp là ${s.what}, không phải bảng tính. ${NOT_A_SPREADSHEET}`);
  }
  const head = bytes.subarray(0, 8192);
  let nulEven = 0;
  let nulOdd = 0;
  let control = 0;
  head.forEach((b, i) => {
    if (b === 0) {
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    } else if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
  });
  const half = head.length / 2;
  if ((nulOdd > 0.3 * half && nulEven === 0) || (nulEven > 0.3 * half && nulOdd === 0)) {
    return problem(
      'encoding',
      'Tệp là văn bản UTF-16 không có dấu BOM. Trong Excel, chọn Lưu thành (Save As) → ' +
        'loại tệp "CSV UTF-8 (Comma delimited) (*.csv)" hoặc Excel (.xlsx), rồi tải lên lại.',
    );
  }
  if (nulEven + nulOdd > 0 || control > head.length / 100) {
    return problem('not_a_spreadsheet', `Tệp không phải bảng tính mà là dữ liệu nhị phân. ${NOT_A_SPREADSHEET}`);
  }
  const start = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (start.startsWith('<')) {
    const what =
      start.includes('<workbook') || start.includes('urn:schemas-microsoft-com:office:spreadsheet')
        ? 'bảng tính XML của Excel 2003'
        : start.startsWith('<?xml')
          ? 'tệp XML'
          : 'trang web (HTML)';
    return problem(
      'not_a_spreadsheet',
      `Tệp là ${what}, không phải bảng tính .xlsx hay CSV. Hãy mở tệp bằng Excel, chọn Lưu thành (Save As) → ` +
        '"Sổ làm việc Excel (*.xlsx)" rồi tải lên tệp .xlsx.',
    );
  }
  return { type: 'text' };
}
