/**
 * What the readers hand over: one spreadsheet row at a time, its cells as typed values.
 * Both readers (xlsx and CSV) produce this, so validation never knows the file format.
 */

/** One cell as the file holds it. `address` is the spreadsheet address ("D5"). */
export type Cell =
  | { kind: 'text'; text: string; address: string }
  /** A number cell of a workbook (CSV has text only). */
  | { kind: 'number'; value: number; address: string }
  /** A date or time cell of a workbook: its calendar date and time of day, as shown. */
  | { kind: 'date'; date: string; time: string; address: string }
  /** A cell computed by a formula: not a value anyone typed or the ward signed. */
  | { kind: 'formula'; formula: string; address: string }
  /** An error value (#N/A, #REF!…). */
  | { kind: 'error'; text: string; address: string };

export interface SheetRow {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  /** Cells by 0-based column index; holes are empty cells. */
  cells: (Cell | undefined)[];
}

/** The reader's answer per row: false stops reading (the rest of the file is not read). */
export type RowSink = (row: SheetRow) => boolean;

/**
 * File-level codes a reader may find. `file_too_complex` is a file past one of the caps of
 * limits.ts; `file_read_timeout` and `server_busy` come from the worker pool.
 */
export type SheetFileCode =
  | 'corrupt_file'
  | 'not_a_spreadsheet'
  | 'file_too_large'
  | 'encoding'
  | 'file_too_complex'
  | 'file_read_timeout'
  | 'server_busy';

/** A problem with the file as a whole, found while reading it. */
export class SheetFileError extends Error {
  constructor(
    readonly code: SheetFileCode,
    message: string,
  ) {
    super(message);
  }
}

export function isBlankCell(cell: Cell | undefined): boolean {
  return cell === undefined || (cell.kind === 'text' && cell.text.trim() === '');
}

/** The text a header cell shows. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'date':
      return cell.date;
    case 'formula':
      return '';
    case 'error':
      return cell.text;
  }
}
