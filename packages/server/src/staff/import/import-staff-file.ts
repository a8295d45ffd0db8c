import { type Cell, cellText, type RowSink, SheetFileError, type SheetRow } from './cells.js';
import { type HeaderMatch, matchHeader, type StaffField } from './columns.js';
import { decodeCsvText, readCsvRows } from './read-csv.js';
import { readXlsxRows } from './read-xlsx.js';
import { MAX_FILE_BYTES, sniffFile } from './sniff.js';
import {
  type Problem,
  StaffRowValidator,
  type StaffValidationOptions,
  type StaffValidationResult,
  sortProblems,
} from './validate-rows.js';

/**
 * The one way a staff list file is read and checked: the HTTP upload and
 * `thonghanh staff validate` both call `importStaffFile`.
 *
 * It only reports. Nothing is saved from a file with errors unless the user asks to keep
 * only the valid rows: then the caller stores `staff` (the valid rows) and nothing else;
 * otherwise it stores nothing while `errors` is not empty. A file-level error (not a
 * spreadsheet, wrong encoding, missing columns, too many rows…) always comes with an empty
 * `staff`, so not even "keep the valid rows" saves part of such a file.
 */

/** Data rows accepted in one file; beyond, the file is refused (split it). */
export const MAX_DATA_ROWS = 20_000;

/** How far down a header row is looked for when row 1 is not one (only to say where it is). */
const HEADER_SEARCH_ROWS = 10;

export interface StaffImportOptions extends StaffValidationOptions {
  /** Defaults to MAX_FILE_BYTES (10 MB). */
  maxBytes?: number;
  /** Defaults to MAX_DATA_ROWS (20,000). */
  maxRows?: number;
}

export type StaffImportResult = StaffValidationResult;

export { MAX_FILE_BYTES };

function fileProblem(code: string, message: string, row = 0, warnings: Problem[] = []): StaffImportResult {
  return { rows: 0, valid: 0, errors: [{ row, field: null, code, message }], warnings, staff: [] };
}

export async function importStaffFile(bytes: Uint8Array, opts: StaffImportOptions = {}): Promise<StaffImportResult> {
  const sniffed = sniffFile(bytes, opts.maxBytes ?? MAX_FILE_BYTES);
  if (sniffed.type === 'problem') return fileProblem(sniffed.code, sniffed.message);
  const maxRows = opts.maxRows ?? MAX_DATA_ROWS;
  const validator = new StaffRowValidator(opts);

  let header: HeaderMatch | null = null;
  /** Row where a complete header was found below row 1, if row 1 is not one. */
  let headerFoundAt: number | null = null;
  let tooManyAt: number | null = null;

  const sink: RowSink = (r: SheetRow) => {
    if (header === null) {
      header = matchHeader(r.row === 1 ? r.cells.map(cellText) : []);
      if (header.errors.length === 0) return true;
    }
    if (header.errors.length > 0) {
      // Row 1 is not the template's header: say whether it sits lower (a title above it).
      if (r.row > HEADER_SEARCH_ROWS) return false;
      if (r.row > 1 && !matchHeader(r.cells.map(cellText)).errors.some((e) => e.code === 'missing_column')) {
        headerFoundAt = r.row;
        return false;
      }
      return true;
    }
    const cells: Partial<Record<StaffField, Cell>> = {};
    for (const [field, index] of header.columns) {
      const c = r.cells[index];
      if (c !== undefined) cells[field] = c;
    }
    validator.add(r.row, cells);
    if (validator.rows > maxRows) {
      tooManyAt = r.row;
      return false;
    }
    return true;
  };

  try {
    if (sniffed.type === 'xlsx') await readXlsxRows(bytes, sink);
    else readCsvRows(decodeCsvText(bytes), sink);
  } catch (e) {
    if (e instanceof SheetFileError) return fileProblem(e.code, e.message);
    throw e;
  }

  const found = header as HeaderMatch | null;
  if (found === null) {
    return fileProblem(
      'empty_file',
      sniffed.type === 'xlsx'
        ? 'Trang tính đầu tiên của tệp trống, không có cả dòng tiêu đề. Hãy dùng tệp mẫu danh sách người lao động.'
        : 'Tệp không có nội dung. Hãy dùng tệp mẫu danh sách người lao động.',
    );
  }
  const headerProblems = (list: HeaderMatch['errors']): Problem[] =>
    list.map((p) => ({ row: 1, field: p.field, code: p.code, message: p.message }));
  const headerWarnings = headerProblems(found.warnings);
  if (found.errors.length > 0) {
    const errors = headerProblems(found.errors);
    const at = headerFoundAt as number | null;
    if (at !== null) {
      errors.unshift({
        row: at,
        field: null,
        code: 'header_not_first_row',
        message: `Dòng tiêu đề phải là dòng 1, nhưng đang ở dòng ${at}. Hãy xóa ${at - 1} dòng phía trên nó (tiêu đề, ghi chú…).`,
      });
    }
    return { rows: 0, valid: 0, errors: sortProblems(errors), warnings: headerWarnings, staff: [] };
  }
  const limitRow = tooManyAt as number | null;
  if (limitRow !== null) {
    return {
      rows: validator.rows,
      valid: 0,
      errors: [
        {
          row: limitRow,
          field: null,
          code: 'too_many_rows',
          message:
            `Tệp có hơn ${maxRows.toLocaleString('vi-VN')} người (dòng ${limitRow} vượt giới hạn) nên không được đọc tiếp. ` +
            `Hãy chia danh sách thành nhiều tệp, mỗi tệp tối đa ${maxRows.toLocaleString('vi-VN')} người.`,
        },
      ],
      warnings: headerWarnings,
      staff: [],
    };
  }
  const result = await validator.finish();
  const errors = result.errors;
  if (result.rows === 0) {
    errors.unshift({
      row: 0,
      field: null,
      code: 'no_rows',
      message: 'Tệp chỉ có dòng tiêu đề, chưa có người lao động nào. Hãy nhập mỗi người một dòng, từ dòng 2.',
    });
  }
  return { ...result, errors, warnings: sortProblems([...headerWarnings, ...result.warnings]) };
}
