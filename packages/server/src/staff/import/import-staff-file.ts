import type { HeaderMatch } from './columns.js';
import { IMPORT_LIMITS } from './limits.js';
import { MAX_DATA_ROWS, readStaffSheet, type SheetReader, type StaffSheet } from './read-staff-sheet.js';
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

export interface StaffImportOptions extends StaffValidationOptions {
  /** Defaults to MAX_FILE_BYTES (10 MB). */
  maxBytes?: number;
  /** Defaults to MAX_DATA_ROWS (20,000). */
  maxRows?: number;
  /**
   * Who reads the file: in this thread by default (the CLI); the server passes the worker
   * pool's reader so that a hostile file costs a worker, never the event loop.
   */
  readSheet?: SheetReader;
}

export type StaffImportResult = StaffValidationResult;

export const MAX_FILE_BYTES = IMPORT_LIMITS.fileBytes;
export { MAX_DATA_ROWS };

function fileProblem(code: string, message: string, row = 0, warnings: Problem[] = []): StaffImportResult {
  return { rows: 0, valid: 0, errors: [{ row, field: null, code, message }], warnings, staff: [] };
}

export async function importStaffFile(bytes: Uint8Array, opts: StaffImportOptions = {}): Promise<StaffImportResult> {
  const read = opts.readSheet ?? readStaffSheet;
  return validateStaffSheet(await read(bytes, { maxBytes: opts.maxBytes, maxRows: opts.maxRows }), opts);
}

/** Validates what `readStaffSheet` read, with the lookups of `opts`. */
export async function validateStaffSheet(sheet: StaffSheet, opts: StaffImportOptions = {}): Promise<StaffImportResult> {
  if (sheet.kind === 'file') return fileProblem(sheet.problem.code, sheet.problem.message);
  const headerProblems = (list: HeaderMatch['errors']): Problem[] =>
    list.map((p) => ({ row: 1, field: p.field, code: p.code, message: p.message }));
  const headerWarnings = headerProblems(sheet.header.warnings);
  if (sheet.kind === 'header') {
    const errors = headerProblems(sheet.header.errors);
    const at = sheet.foundAt;
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
  const maxRows = opts.maxRows ?? MAX_DATA_ROWS;
  if (sheet.tooManyAt !== null) {
    const limitRow = sheet.tooManyAt;
    return {
      rows: sheet.counted,
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
  const validator = new StaffRowValidator(opts);
  for (const r of sheet.records) validator.add(r.row, r.cells);
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
