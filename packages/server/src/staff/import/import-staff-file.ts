import type { HeaderMatch } from './columns.js';
import { IMPORT_LIMITS } from './limits.js';
import { MAX_DATA_ROWS, readStaffSheet, type StaffSheet } from './read-staff-sheet.js';
import {
  type Problem,
  StaffRowValidator,
  type StaffValidationOptions,
  type StaffValidationResult,
  sortProblems,
  withRegisteredElsewhere,
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
   * Who reads and checks the file (everything but the `alreadyRegistered` lookup): in this
   * thread by default (the CLI); the server passes the worker pool's checker so that a
   * hostile file costs a worker, never the event loop, and the rows cross threads once,
   * already checked. It must answer what `readAndCheck` answers in this thread, with this
   * `today`, and with the caller's ward codes.
   */
  checkFile?: FileChecker;
}

export type StaffImportResult = StaffValidationResult;

/** What a file checker is told: the caps, and today (the default is the clock where it runs). */
export interface CheckFileOptions {
  maxBytes?: number;
  maxRows?: number;
  today?: string;
}

/** Reads and checks a file without the database's lookups; see `StaffImportOptions.checkFile`. */
export type FileChecker = (bytes: Uint8Array, opts: CheckFileOptions) => Promise<StaffImportResult>;

export const MAX_FILE_BYTES = IMPORT_LIMITS.fileBytes;
export { MAX_DATA_ROWS };

/** A result refusing the file as a whole (row 0): nothing of it can be kept. */
export function fileProblemResult(code: string, message: string): StaffImportResult {
  return { rows: 0, valid: 0, errors: [{ row: 0, field: null, code, message }], warnings: [], staff: [] };
}

export async function importStaffFile(bytes: Uint8Array, opts: StaffImportOptions = {}): Promise<StaffImportResult> {
  const caps = { maxBytes: opts.maxBytes, maxRows: opts.maxRows };
  const checked = opts.checkFile
    ? await opts.checkFile(bytes, { ...caps, today: opts.today })
    : await readAndCheck(bytes, { ...caps, today: opts.today }, opts.wardExists);
  return withRegisteredElsewhere(checked, opts.alreadyRegistered);
}

/**
 * Reads and checks a file in this thread, every check but the `alreadyRegistered` lookup,
 * each row validated as it is read (the worker thread runs the same).
 */
export async function readAndCheck(
  bytes: Uint8Array,
  opts: CheckFileOptions,
  wardExists?: (code: string) => boolean,
): Promise<StaffImportResult> {
  const validator = new StaffRowValidator({ wardExists, today: opts.today });
  const sheet = await readStaffSheet(bytes, { maxBytes: opts.maxBytes, maxRows: opts.maxRows }, (r) =>
    validator.add(r.row, r.cells),
  );
  return checkStaffSheet(sheet, { maxRows: opts.maxRows, today: opts.today, wardExists }, validator);
}

/** Validates what `readStaffSheet` read, with the lookups of `opts`. */
export async function validateStaffSheet(sheet: StaffSheet, opts: StaffImportOptions = {}): Promise<StaffImportResult> {
  return withRegisteredElsewhere(checkStaffSheet(sheet, opts), opts.alreadyRegistered);
}

/**
 * Validates what `readStaffSheet` read, every check but the `alreadyRegistered` lookup
 * (synchronous: `wardExists` answers at once), as a worker thread can.
 */
export function checkStaffSheet(
  sheet: StaffSheet,
  opts: Omit<StaffImportOptions, 'alreadyRegistered' | 'checkFile'> = {},
  /** The validator the rows were already handed to while reading (`readStaffSheet`'s `onRecord`). */
  fed?: StaffRowValidator,
): StaffImportResult {
  if (sheet.kind === 'file') return fileProblemResult(sheet.problem.code, sheet.problem.message);
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
  let validator = fed;
  if (validator === undefined) {
    validator = new StaffRowValidator({ wardExists: opts.wardExists, today: opts.today });
    for (const r of sheet.records) validator.add(r.row, r.cells);
  }
  const result = validator.report();
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
