import { Readable } from 'node:stream';
import type ExcelJSModule from 'exceljs';
import { lazyRequire } from '../../lazy-require.js';
import { type Cell, type RowSink, SheetFileError } from './cells.js';
import { columnLetter } from './columns.js';
import { IMPORT_LIMITS } from './limits.js';
import { type RawRow, SheetXmlError, SheetXmlScanner } from './sheet-xml.js';
import { tooComplex, xmlTooComplex, zipTooComplex } from './too-complex.js';
import { guardXml, XmlGuardError } from './xml-guard.js';
import { checkDeclaredSize, inflateText, readZipDirectory, type ZipEntry, ZipLimitError } from './zip.js';

/** Loaded on first use, not at start-up (lazy-require.ts). */
const ExcelJS = lazyRequire<typeof ExcelJSModule>('exceljs');

/**
 * Reads the first worksheet of an .xlsx row by row: exceljs's streaming reader for the
 * small parts, fed by our own ZIP reading rather than its unzipper pipeline, because as
 * shipped (4.4.0) that pipeline:
 * - decodes each inflated chunk on its own, so a Vietnamese letter split across two chunks
 *   becomes U+FFFD ("Nguy�n"): about one row in a thousand of a real list
 *   (exceljs issues #2063, #2084, #2316; the fixes were never merged);
 * - parses a worksheet as soon as it meets it when shared strings came first, before
 *   styles and workbook.xml if those come later in the archive (dates then read as plain
 *   numbers), and otherwise copies it to a temporary file first;
 * - has no ceiling on inflated sizes.
 * Here the parts are inflated in the order the parser needs (relationships, workbook,
 * styles, shared strings, then the sheet), as text decoded across chunk boundaries, each
 * under the ceilings of limits.ts (declared sizes checked before inflating, inflated bytes
 * and compression ratio while inflating, the XML guard on the text), and the sheet is
 * pulled row by row so that reading stops as soon as the caller has enough. The small parts
 * are parsed by exceljs, through the WorkbookReader methods its own pipeline calls; the
 * sheet by sheet-xml.ts, which answers each cell as exceljs's WorksheetReader did.
 */

interface Relationship {
  Id: string;
  Type: string;
  Target: string;
}

interface ExcelCell {
  value: unknown;
  numFmt?: string;
}

/** The WorkbookReader methods and state that its own `parse()` uses (exceljs 4.4.0). */
interface WorkbookReaderInternals {
  workbookRels?: Relationship[];
  model?: { sheets?: { id: number; name: string; rId: string }[] };
  sharedStrings?: unknown[];
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
  properties?: { model?: { date1904?: boolean } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Calls `sink` with each non-empty row of the workbook's first worksheet, in order, until it
 * returns false. Throws SheetFileError when the file is not a readable workbook.
 */
export async function readXlsxRows(bytes: Uint8Array, sink: RowSink): Promise<void> {
  let entries: Map<string, ZipEntry>;
  try {
    entries = readZipDirectory(bytes);
  } catch (e) {
    if (e instanceof ZipLimitError) throw zipTooComplex(e);
    throw corrupt();
  }
  if (!entries.has('xl/workbook.xml')) throw notAWorkbook(entries);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookReaderInternals;
  const text = (entry: ZipEntry, maxBytes: number) =>
    guardXml(entry.name, inflateText(bytes, entry, { maxBytes }), IMPORT_LIMITS);
  const part = (name: string, max: number = IMPORT_LIMITS.partBytes): Readable | null => {
    const entry = entries.get(name);
    return entry ? Readable.from(text(entry, max)) : null;
  };
  try {
    // The parts read, refused on their declared sizes before any is inflated.
    for (const [name, max] of [
      ['xl/_rels/workbook.xml.rels', IMPORT_LIMITS.partBytes],
      ['xl/workbook.xml', IMPORT_LIMITS.partBytes],
      ['xl/styles.xml', IMPORT_LIMITS.partBytes],
      ['xl/sharedStrings.xml', IMPORT_LIMITS.sharedStringsBytes],
    ] as const) {
      const entry = entries.get(name);
      if (entry) checkDeclaredSize(entry, { maxBytes: max });
    }
    const rels = part('xl/_rels/workbook.xml.rels');
    if (rels) await reader._parseRels(rels);
    await reader._parseWorkbook(part('xl/workbook.xml') as Readable);
    const targets = reader.workbookRels ?? [];
    const styles = part(partPath(targets, 'styles') ?? 'xl/styles.xml');
    if (styles) await reader._parseStyles(styles);
    const strings = part(
      partPath(targets, 'sharedStrings') ?? 'xl/sharedStrings.xml',
      IMPORT_LIMITS.sharedStringsBytes,
    );
    if (strings) for await (const _ of reader._parseSharedStrings(strings));
    const sheetName = firstSheetPath(reader);
    const sheetEntry = sheetName === null ? undefined : entries.get(sheetName);
    if (sheetEntry === undefined) {
      throw new SheetFileError('corrupt_file', 'Không tìm thấy trang tính nào trong tệp Excel. Hãy mở và lưu lại tệp.');
    }
    checkDeclaredSize(sheetEntry, { maxBytes: IMPORT_LIMITS.sheetBytes });
    const scanner = new SheetXmlScanner(
      {
        sharedStrings: reader.sharedStrings,
        styleModel: (id) => reader.styles.getStyleModel(id),
        date1904: reader.properties?.model?.date1904 === true,
      },
      IMPORT_LIMITS.rowCells,
    );
    let read = 0;
    const rows: RawRow[] = [];
    for await (const chunk of text(sheetEntry, IMPORT_LIMITS.sheetBytes)) {
      scanner.push(chunk, rows);
      for (const row of rows) {
        // Empty rows are not handed on, so they are counted here: a million of them is a bomb too.
        if (++read > IMPORT_LIMITS.sheetRows) throw tooComplex('rows');
        if (row.cells.length === 0) continue;
        const number = row.number;
        const cells: (Cell | undefined)[] = [];
        for (const raw of row.cells) {
          const c = toCell(raw, `${letterOf(raw.column - 1)}${number}`);
          if (c?.kind === 'text' && c.text.length > IMPORT_LIMITS.cellChars) throw tooComplex('text');
          if (c) cells[raw.column - 1] = c;
        }
        if (cells.length === 0) continue;
        if (!sink({ row: number, cells })) return;
      }
      rows.length = 0;
    }
    scanner.end();
  } catch (e) {
    if (e instanceof SheetFileError) throw e;
    if (e instanceof SheetXmlError && e.reason === 'cells') throw tooComplex('cells');
    if (e instanceof ZipLimitError) throw zipTooComplex(e);
    if (e instanceof XmlGuardError) throw xmlTooComplex(e);
    throw corrupt();
  }
}

const LETTERS = Array.from({ length: 64 }, (_, i) => columnLetter(i));
const letterOf = (index: number) => LETTERS[index] ?? columnLetter(index);

function corrupt(): SheetFileError {
  return new SheetFileError(
    'corrupt_file',
    'Không đọc được tệp Excel: tệp bị hỏng hoặc không đầy đủ. Hãy mở tệp bằng Excel, lưu lại dưới dạng .xlsx rồi tải lên lại.',
  );
}

function notAWorkbook(entries: Map<string, ZipEntry>): SheetFileError {
  if (entries.has('content.xml') || entries.has('mimetype')) {
    return new SheetFileError(
      'not_a_spreadsheet',
      'Tệp là bảng tính OpenDocument (.ods). Hãy mở bằng LibreOffice hoặc Excel và lưu lại dưới dạng Excel (.xlsx).',
    );
  }
  if (entries.has('word/document.xml')) {
    return new SheetFileError(
      'not_a_spreadsheet',
      'Tệp là văn bản Word, không phải bảng tính. Hãy dùng tệp mẫu Excel (.xlsx) của danh sách người lao động.',
    );
  }
  return new SheetFileError(
    'not_a_spreadsheet',
    'Tệp là tệp nén (zip) nhưng không phải bảng tính Excel. Hãy tải lên tệp .xlsx hoặc .csv.',
  );
}

/** The archive path of a workbook part found by its relationship type ("styles", "sharedStrings"). */
function partPath(rels: Relationship[], type: string): string | null {
  const rel = rels.find((r) => r.Type?.endsWith(`/${type}`));
  return rel ? resolveTarget(rel.Target) : null;
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** The archive path of the first worksheet in the workbook's own order (not the archive's). */
function firstSheetPath(reader: WorkbookReaderInternals): string | null {
  const first = reader.model?.sheets?.[0];
  const rel = first && reader.workbookRels?.find((r) => r.Id === first.rId);
  return rel ? resolveTarget(rel.Target) : null;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function timeOfDay(d: Date): string {
  const minutes = Math.round((d.getTime() - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())) / 60_000);
  const m = Math.min(minutes, 1440);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** One exceljs cell value as a Cell; null for an empty cell. */
function toCell(cell: ExcelCell, address: string): Cell | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return { kind: 'text', text: v, address };
  if (typeof v === 'boolean') return { kind: 'text', text: v ? 'TRUE' : 'FALSE', address };
  if (typeof v === 'number') {
    // A number shown with leading zeros by a "000000000" format: take what the sheet shows.
    const fmt = cell.numFmt;
    if (fmt && /^0+$/.test(fmt) && Number.isSafeInteger(v) && v >= 0) {
      return { kind: 'text', text: String(v).padStart(fmt.length, '0'), address };
    }
    return { kind: 'number', value: v, address };
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { kind: 'error', text: '#VALUE!', address };
    // exceljs reads serial dates as UTC midnight plus the time of day.
    const date = v.getUTCFullYear() < 1900 ? '' : isoDate(v);
    return { kind: 'date', date, time: timeOfDay(v), address };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      return { kind: 'formula', formula: String(o.formula ?? o.sharedFormula ?? ''), address };
    }
    if ('error' in o) return { kind: 'error', text: String(o.error), address };
    if (Array.isArray(o.richText)) {
      const text = (o.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
      return { kind: 'text', text, address };
    }
    if (typeof o.text === 'string') return { kind: 'text', text: o.text, address };
  }
  return { kind: 'text', text: String(v), address };
}
