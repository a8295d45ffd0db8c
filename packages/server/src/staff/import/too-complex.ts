import { SheetFileError } from './cells.js';
import { IMPORT_LIMITS } from './limits.js';
import type { XmlGuardError } from './xml-guard.js';
import type { ZipLimitError } from './zip.js';

/**
 * The Vietnamese message of each cap: what was too much, then what to do. A refused file is
 * never partly read into the list; the user copies the list into the template and tries again.
 */

const FIX = 'Hãy chép danh sách người lao động (chỉ giá trị) sang tệp mẫu mới rồi tải lên lại.';
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const n = (v: number) => v.toLocaleString('vi-VN');

export type TooComplexReason =
  | 'entries'
  | 'size'
  | 'ratio'
  | 'doctype'
  | 'text'
  | 'tag'
  | 'depth'
  | 'elements'
  | 'rows'
  | 'cells'
  | 'memory';

const WHY: Record<TooComplexReason, (part: string, limit: number) => string> = {
  entries: () => `tệp nén có hơn ${n(IMPORT_LIMITS.zipEntries)} phần bên trong`,
  size: (part, limit) => `phần "${part}" khi giải nén vượt ${mb(limit)}`,
  ratio: (part, limit) => `phần "${part}" có tỉ lệ nén bất thường (hơn ${n(limit)} lần, dấu hiệu của tệp "bom nén")`,
  doctype: (part) => `phần "${part}" có khai báo DOCTYPE/ENTITY (Excel không bao giờ tạo khai báo này)`,
  text: () => `có một ô (hoặc một dòng CSV) dài hơn ${n(IMPORT_LIMITS.cellChars)} ký tự, giới hạn của chính Excel`,
  tag: (part) => `phần "${part}" có một thẻ XML dài bất thường`,
  depth: (part) => `phần "${part}" có cấu trúc XML lồng nhau quá ${n(IMPORT_LIMITS.xmlDepth)} tầng`,
  elements: (part) => `phần "${part}" có hơn ${n(IMPORT_LIMITS.xmlElements)} phần tử XML`,
  rows: () => `trang tính có hơn ${n(IMPORT_LIMITS.sheetRows)} dòng (kể cả dòng trống)`,
  cells: () => `có dòng chứa hơn ${n(IMPORT_LIMITS.rowCells)} ô`,
  memory: () => 'đọc tệp cần quá nhiều bộ nhớ',
};

/** 413 `file_too_complex`: the file passed the size limit but one of the caps stopped reading it. */
export function tooComplex(reason: TooComplexReason, part = '', limit = 0): SheetFileError {
  return new SheetFileError(
    'file_too_complex',
    `Tệp quá phức tạp nên không được đọc: ${WHY[reason](part, limit)}. ${FIX}`,
  );
}

export function zipTooComplex(e: ZipLimitError): SheetFileError {
  return tooComplex(e.reason, e.entry, e.limit);
}

export function xmlTooComplex(e: XmlGuardError): SheetFileError {
  return tooComplex(e.reason, e.part);
}

/** 422 `file_read_timeout`: reading took longer than the worker's wall clock. */
export function readTimeout(ms: number): SheetFileError {
  return new SheetFileError(
    'file_read_timeout',
    `Đọc tệp quá ${Math.max(1, Math.round(ms / 1000))} giây nên đã dừng. Tệp danh sách bình thường chỉ cần vài giây: ${FIX}`,
  );
}

/** 503 `server_busy`: every reader is busy and the queue is full. */
export function serverBusy(): SheetFileError {
  return new SheetFileError(
    'server_busy',
    'Máy chủ đang đọc nhiều tệp danh sách cùng lúc. Vui lòng đợi khoảng một phút rồi tải lên lại.',
  );
}
