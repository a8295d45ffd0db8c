import { fieldOfHeader, type StaffField } from './staff-columns.js';

/**
 * Reads an uploaded staff list back in the browser, only to fill the form of a row that has
 * to be fixed: `.csv` (UTF-8, `,` or `;`) and `.xlsx` (the first sheet; ZIP inflated with
 * the browser's DecompressionStream, XML with DOMParser). Rows are keyed by spreadsheet row
 * number (header = 1), cells by field. Anything unreadable gives an empty map: the form then
 * starts empty.
 *
 * The same kind of caps as the server's (packages/server/src/staff/import/limits.ts) keep a
 * hostile file from freezing the tab: declared sizes and ratios checked before inflating,
 * inflated bytes counted while inflating, DOCTYPE/ENTITY refused before DOMParser sees them.
 * Such a file gives `refused` (shown in the import panel) and no rows.
 */
export type SheetRows = Map<number, Partial<Record<StaffField, string>>>;

/** Why the browser would not read a file: a cap, as on the server. */
export type SheetRefusal = 'size' | 'ratio' | 'entries' | 'doctype';

export interface SheetRead {
  rows: SheetRows;
  refused: SheetRefusal | null;
}

export const SHEET_LIMITS = {
  zipEntries: 1000,
  sheetBytes: 64 * 1024 * 1024,
  sharedStringsBytes: 32 * 1024 * 1024,
  partBytes: 8 * 1024 * 1024,
  compressionRatio: 200,
  ratioFloorBytes: 512 * 1024,
} as const;

class SheetTooComplex extends Error {
  constructor(readonly reason: SheetRefusal) {
    super(reason);
  }
}

export async function readStaffRows(file: File): Promise<SheetRead> {
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    const grid = isZip ? await readXlsxGrid(bytes) : readCsvGrid(bytes);
    return { rows: toRows(grid), refused: null };
  } catch (e) {
    return { rows: new Map(), refused: e instanceof SheetTooComplex ? e.reason : null };
  }
}

/** Rows of cells (row index 0 = spreadsheet row 1). */
type Grid = Array<Array<string | undefined>>;

function toRows(grid: Grid): SheetRows {
  const header = grid[0] ?? [];
  const fields = header.map((h) => (h ? fieldOfHeader(h) : null));
  const out: SheetRows = new Map();
  grid.forEach((cells, i) => {
    if (i === 0) return;
    const row: Partial<Record<StaffField, string>> = {};
    cells.forEach((v, c) => {
      const f = fields[c];
      if (f && v !== undefined && v !== '') row[f] = v;
    });
    if (Object.keys(row).length) out.set(i + 1, row);
  });
  return out;
}

// ---- CSV

export function readCsvGrid(bytes: Uint8Array): Grid {
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: Grid = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(cell.trim());
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell.trim());
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell.trim());
    rows.push(row);
  }
  return rows;
}

// ---- XLSX

/** Inflates, counting: past `max` bytes, or `ratio` times the compressed size, it stops. */
async function inflateRaw(data: Uint8Array, max: number): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    const reason =
      total > max
        ? 'size'
        : total > SHEET_LIMITS.ratioFloorBytes && total > SHEET_LIMITS.compressionRatio * data.length
          ? 'ratio'
          : null;
    if (reason) {
      await reader.cancel();
      throw new SheetTooComplex(reason);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

const capOf = (name: string) =>
  name.includes('worksheets/')
    ? SHEET_LIMITS.sheetBytes
    : name.endsWith('sharedStrings.xml')
      ? SHEET_LIMITS.sharedStringsBytes
      : SHEET_LIMITS.partBytes;

/** The ZIP's entries by name (central directory), inflated on demand, each under its cap. */
function zipEntries(bytes: Uint8Array): Map<string, () => Promise<Uint8Array>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip');
  const count = view.getUint16(eocd + 10, true);
  if (count > SHEET_LIMITS.zipEntries) throw new SheetTooComplex('entries');
  let p = view.getUint32(eocd + 16, true);
  const entries = new Map<string, () => Promise<Uint8Array>>();
  const names = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) break;
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const inflated = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    entries.set(name, async () => {
      // The declared size first (cheap), then the count while inflating (sizes can lie).
      const max = capOf(name);
      if (inflated > max) throw new SheetTooComplex('size');
      if (inflated > SHEET_LIMITS.ratioFloorBytes && inflated > SHEET_LIMITS.compressionRatio * Math.max(size, 1))
        throw new SheetTooComplex('ratio');
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + size);
      if (method === 0 && data.length > max) throw new SheetTooComplex('size');
      return method === 0 ? data : inflateRaw(data, max);
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Parsed XML; a DOCTYPE or ENTITY declaration (entity expansion) is refused before DOMParser. */
function xml(bytes: Uint8Array): Document {
  const text = new TextDecoder().decode(bytes);
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) throw new SheetTooComplex('doctype');
  return new DOMParser().parseFromString(text, 'application/xml');
}
const children = (el: Element | Document, name: string) => [...el.getElementsByTagName(name)];

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel serial day → dd/mm/yyyy (1900 system). */
function serialDate(v: number): string {
  const d = new Date(Math.round((v - 25569) * 86_400_000));
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

function serialTime(v: number): string {
  const minutes = Math.round((v % 1) * 24 * 60);
  return `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
}

async function readXlsxGrid(bytes: Uint8Array): Promise<Grid> {
  const zip = zipEntries(bytes);
  const read = async (name: string) => {
    const get = zip.get(name);
    return get ? xml(await get()) : null;
  };
  const workbook = await read('xl/workbook.xml');
  const rels = await read('xl/_rels/workbook.xml.rels');
  const firstSheet = workbook ? children(workbook, 'sheet')[0] : undefined;
  const rid =
    firstSheet?.getAttribute('r:id') ??
    firstSheet?.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
  const target = rels
    ? children(rels, 'Relationship')
        .find((r) => r.getAttribute('Id') === rid)
        ?.getAttribute('Target')
    : null;
  const sheetPath = target
    ? target.startsWith('/')
      ? target.slice(1)
      : `xl/${target.replace(/^\.\//, '')}`
    : 'xl/worksheets/sheet1.xml';
  const sheet = await read(sheetPath);
  if (!sheet) return [];
  const sharedDoc = await read('xl/sharedStrings.xml');
  const shared = sharedDoc
    ? children(sharedDoc, 'si').map((si) =>
        children(si, 't')
          .map((t) => t.textContent ?? '')
          .join(''),
      )
    : [];
  const grid: Grid = [];
  const headers: string[] = [];
  for (const r of children(sheet, 'row')) {
    const rowNo = Number(r.getAttribute('r'));
    const cells: Array<string | undefined> = [];
    for (const c of children(r, 'c')) {
      const ref = c.getAttribute('r');
      if (!ref) continue;
      const col = columnIndex(ref);
      const type = c.getAttribute('t');
      const v = children(c, 'v')[0]?.textContent ?? '';
      let text: string;
      if (type === 's') text = shared[Number(v)] ?? '';
      else if (type === 'inlineStr')
        text = children(c, 't')
          .map((t) => t.textContent ?? '')
          .join('');
      else if (type === 'b') text = v === '1' ? 'TRUE' : 'FALSE';
      else if (type === 'str' || type === 'e') text = v;
      else {
        const num = Number(v);
        const field = rowNo > 1 ? fieldOfHeader(headers[col] ?? '') : null;
        if (v !== '' && Number.isFinite(num) && field === 'dateOfBirth' && num > 1000) text = serialDate(num);
        else if (v !== '' && Number.isFinite(num) && (field === 'scheduleStart' || field === 'scheduleEnd') && num < 1)
          text = serialTime(num);
        else text = v;
      }
      cells[col] = text.trim();
      if (rowNo === 1) headers[col] = text;
    }
    grid[rowNo - 1] = cells;
  }
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return grid;
}
