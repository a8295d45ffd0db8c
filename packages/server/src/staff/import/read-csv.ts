import type * as CsvParseModule from 'csv-parse/sync';
import type { CsvError } from 'csv-parse/sync';
import { lazyRequire } from '../../lazy-require.js';
import { type Cell, type RowSink, SheetFileError } from './cells.js';
import { columnLetter } from './columns.js';
import { IMPORT_LIMITS } from './limits.js';
import { tooComplex } from './too-complex.js';

/** Loaded on first use, not at start-up (lazy-require.ts). */
const csv = lazyRequire<typeof CsvParseModule>('csv-parse/sync');

/**
 * CSV as Excel and its users write it: UTF-8 with or without a BOM, UTF-16 with a BOM
 * (Excel's "Unicode Text"), comma, semicolon (Vietnamese Excel, where the comma is the
 * decimal separator) or tab between cells, detected from the header line. Anything that is
 * not valid UTF-8 (Windows-1258, TCVN3…) is refused rather than guessed.
 */

export type CsvDelimiter = ',' | ';' | '\t';

const ENCODING_MESSAGE =
  'Tệp CSV không dùng bảng mã UTF-8 nên chữ tiếng Việt sẽ bị sai. Trong Excel, chọn Lưu thành (Save As) → ' +
  'loại tệp "CSV UTF-8 (Comma delimited) (*.csv)", hoặc lưu dưới dạng Excel (.xlsx), rồi tải lên lại.';

/** The text of a CSV file; SheetFileError `encoding` when it is neither UTF-8 nor UTF-16 with a BOM. */
export function decodeCsvText(bytes: Uint8Array): string {
  const [encoding, start] =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? ['utf-8', 3]
      : bytes[0] === 0xff && bytes[1] === 0xfe
        ? ['utf-16le', 2]
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? ['utf-16be', 2]
          : ['utf-8', 0];
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    throw new SheetFileError('encoding', ENCODING_MESSAGE);
  }
}

/** The delimiter of the header line: the most frequent of `,` `;` and tab outside quotes. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  if (lines === 1) for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) lines++;
  return lines;
}

/** Thrown from the record callback to stop csv-parse once the caller has enough. */
class Stop {}

/**
 * Calls `sink` with each non-empty row of CSV text until it returns false. Row numbers are
 * those a spreadsheet shows (a quoted cell spanning lines is one row; a blank line is a row).
 */
export function readCsvRows(text: string, sink: RowSink): void {
  // csv-parse takes ~0.1 ms per empty line: count the lines first (a quoted cell spanning
  // lines counts more than once, which only makes the cap stricter for odd files).
  if (lineCount(text) > IMPORT_LIMITS.sheetRows) throw tooComplex('rows');
  try {
    csv.parse(text, {
      delimiter: detectDelimiter(text),
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // One cell longer than Excel allows stops the parser there (CSV_MAX_RECORD_SIZE).
      max_record_size: IMPORT_LIMITS.cellChars,
      on_record: (record: string[], info: { records: number }) => {
        const row = info.records;
        if (row > IMPORT_LIMITS.sheetRows) throw tooComplex('rows');
        if (record.length > IMPORT_LIMITS.rowCells) throw tooComplex('cells');
        const cells: (Cell | undefined)[] = [];
        record.forEach((value, i) => {
          if (value !== '') cells[i] = { kind: 'text', text: value, address: `${columnLetter(i)}${row}` };
        });
        if (cells.length > 0 && !sink({ row, cells })) throw new Stop();
        return null;
      },
    });
  } catch (e) {
    if (e instanceof Stop) return;
    if (e instanceof csv.CsvError && e.code === 'CSV_MAX_RECORD_SIZE') throw tooComplex('text');
    if (e instanceof csv.CsvError) {
      const lines = (e as CsvError & { lines?: number }).lines;
      throw new SheetFileError(
        'corrupt_file',
        `Tệp CSV sai cấu trúc${lines ? ` gần dòng ${lines}` : ''}: ${e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'có dấu ngoặc kép (") mở mà không đóng' : 'không tách được các ô'}. Hãy mở tệp bằng Excel, sửa và lưu lại.`,
      );
    }
    throw e;
  }
}
