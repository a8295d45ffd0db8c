import { type Cell, cellText, type RowSink, SheetFileError, type SheetRow } from './cells.js';
import { type HeaderMatch, matchHeader, type StaffField } from './columns.js';
import { IMPORT_LIMITS } from './limits.js';
import { decodeCsvText, readCsvRows } from './read-csv.js';
import { readXlsxRows } from './read-xlsx.js';
import { sniffFile } from './sniff.js';
import { countsAsStaffRow, type Problem } from './validate-rows.js';

/**
 * The reading half of an import: from the file's bytes to the cells of each data row, by
 * field, with no validation and no lookups. It is the part a hostile file can make costly
 * (inflating, XML), so the server runs it in a worker thread (sheet-reader-pool.ts); its
 * answer is plain data that crosses threads as it is.
 */

/** Data rows accepted in one file; beyond, the file is refused (split it). */
export const MAX_DATA_ROWS = 20_000;

/** How far down a header row is looked for when row 1 is not one (only to say where it is). */
const HEADER_SEARCH_ROWS = 10;

export interface StaffSheetRecord {
  row: number;
  cells: Partial<Record<StaffField, Cell>>;
}

export type StaffSheet =
  /** The file as a whole is refused (row 0): not a spreadsheet, a cap, empty… */
  | { kind: 'file'; problem: Problem }
  /** Row 1 is not the template's header. `foundAt`: a lower row that is one. */
  | { kind: 'header'; header: HeaderMatch; foundAt: number | null }
  /**
   * The data rows in order. `tooManyAt`: the first row past `maxRows` (reading stopped
   * there); `counted`: rows the validator will count.
   */
  | { kind: 'rows'; header: HeaderMatch; records: StaffSheetRecord[]; tooManyAt: number | null; counted: number };

export interface ReadSheetOptions {
  /** Defaults to the 10 MB of limits.ts. */
  maxBytes?: number;
  /** Defaults to MAX_DATA_ROWS (20,000). */
  maxRows?: number;
}

/** Reads a staff list from its bytes; the same answer in a worker or in this thread. */
export type SheetReader = (bytes: Uint8Array, opts: ReadSheetOptions) => Promise<StaffSheet>;

export function fileProblemSheet(code: string, message: string): StaffSheet {
  return { kind: 'file', problem: { row: 0, field: null, code, message } };
}

/**
 * Reads a staff list. With `onRecord`, each data row is handed to it as it is read and not
 * kept (`records` stays empty): a row's cells then die young instead of living until the
 * whole file is read, which is most of the garbage collector's work on a large list.
 */
export async function readStaffSheet(
  bytes: Uint8Array,
  opts: ReadSheetOptions,
  onRecord?: (record: StaffSheetRecord) => void,
): Promise<StaffSheet> {
  const sniffed = sniffFile(bytes, opts.maxBytes ?? IMPORT_LIMITS.fileBytes);
  if (sniffed.type === 'problem') return fileProblemSheet(sniffed.code, sniffed.message);
  const maxRows = opts.maxRows ?? MAX_DATA_ROWS;

  let header: HeaderMatch | null = null;
  let foundAt: number | null = null;
  let tooManyAt: number | null = null;
  let counted = 0;
  const records: StaffSheetRecord[] = [];

  const sink: RowSink = (r: SheetRow) => {
    if (header === null) {
      header = matchHeader(r.row === 1 ? r.cells.map(cellText) : []);
      if (header.errors.length === 0) return true;
    }
    if (header.errors.length > 0) {
      // Row 1 is not the template's header: say whether it sits lower (a title above it).
      if (r.row > HEADER_SEARCH_ROWS) return false;
      if (r.row > 1 && !matchHeader(r.cells.map(cellText)).errors.some((e) => e.code === 'missing_column')) {
        foundAt = r.row;
        return false;
      }
      return true;
    }
    const cells: Partial<Record<StaffField, Cell>> = {};
    for (const [field, index] of header.columns) {
      const c = r.cells[index];
      if (c !== undefined) cells[field] = c;
    }
    if (onRecord) onRecord({ row: r.row, cells });
    else records.push({ row: r.row, cells });
    if (countsAsStaffRow(cells) && ++counted > maxRows) {
      tooManyAt = r.row;
      return false;
    }
    return true;
  };

  try {
    if (sniffed.type === 'xlsx') await readXlsxRows(bytes, sink);
    else readCsvRows(decodeCsvText(bytes), sink);
  } catch (e) {
    if (e instanceof SheetFileError) return fileProblemSheet(e.code, e.message);
    throw e;
  }

  const found = header as HeaderMatch | null;
  if (found === null) {
    return fileProblemSheet(
      'empty_file',
      sniffed.type === 'xlsx'
        ? 'Trang tính đầu tiên của tệp trống, không có cả dòng tiêu đề. Hãy dùng tệp mẫu danh sách người lao động.'
        : 'Tệp không có nội dung. Hãy dùng tệp mẫu danh sách người lao động.',
    );
  }
  if (found.errors.length > 0) return { kind: 'header', header: found, foundAt };
  return { kind: 'rows', header: found, records, tooManyAt, counted };
}
