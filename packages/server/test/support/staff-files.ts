import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { STAFF_COLUMNS, type StaffField } from '../../src/staff/import/columns.js';

/**
 * Staff list files for tests and the benchmark, made the way users' tools make them:
 * workbooks written by exceljs, CSV in several encodings and delimiters. Every person is
 * generated (names combined from common parts, numbers from the row index): no real people.
 */

export const HEADERS: string[] = STAFF_COLUMNS.map((c) => c.header);

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Đức', 'Ngọc', 'Quang', 'Thanh'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hùng',
  'Lan',
  'Mai',
  'Nam',
  'Phương',
  'Quân',
  'Sơn',
  'Trang',
  'Tuấn',
  'Yến',
];

export type Person = Record<StaffField, string>;

/** The i-th generated person: every field valid, every person distinct (i < 224,000). */
export function person(i: number): Person {
  const name = `${FAMILY[i % 10]} ${MIDDLE[Math.floor(i / 10) % 8]} ${GIVEN[Math.floor(i / 80) % 16]}`;
  const dob = new Date(Date.UTC(1970, 0, 1) + (i % 14_000) * 86_400_000);
  const year = dob.getUTCFullYear();
  const female = MIDDLE[Math.floor(i / 10) % 8] === 'Thị';
  const digit4 = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
  const dd = String(dob.getUTCDate()).padStart(2, '0');
  const mm = String(dob.getUTCMonth() + 1).padStart(2, '0');
  return {
    fullName: name,
    idType: 'CCCD',
    idNumber: `001${digit4}${String(year % 100).padStart(2, '0')}${String(i).padStart(6, '0')}`,
    dateOfBirth: `${dd}/${mm}/${year}`,
    position: i % 3 === 0 ? 'Công nhân' : 'Nhân viên kho',
    phone: `09${String(i).padStart(8, '0')}`,
    residenceAddress: `Số ${(i % 200) + 1} ngõ ${(i % 40) + 1} phố Mẫu, phường Đức Giang, quận Long Biên`,
    residenceWard: '00124',
    workplace: 'Công ty TNHH Mẫu, phường Việt Hưng',
    routeFrom: `Số ${(i % 200) + 1} ngõ ${(i % 40) + 1} phố Mẫu, phường Đức Giang`,
    routeTo: 'Công ty TNHH Mẫu, phường Việt Hưng',
    routeWards: '00124, 00127',
    scheduleDays: i % 2 === 0 ? 'T2-T7' : 'Thứ Hai - Thứ Sáu',
    scheduleStart: '07:30',
    scheduleEnd: '17:00',
  };
}

/** The person as a row of cells in template column order. */
export function personRow(p: Person): string[] {
  return STAFF_COLUMNS.map((c) => p[c.key]);
}

export type XlsxValue = ExcelJS.CellValue;

/** A workbook whose first sheet holds these rows from row 1 (undefined: an empty cell). */
export async function xlsxOf(
  rows: (XlsxValue | undefined)[][],
  opts: { sheets?: { name: string; rows: XlsxValue[][] }[]; numFmts?: Record<string, string> } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    r.forEach((v, j) => {
      if (v !== undefined) row.getCell(j + 1).value = v;
    });
  });
  for (const [address, fmt] of Object.entries(opts.numFmts ?? {})) ws.getCell(address).numFmt = fmt;
  for (const s of opts.sheets ?? []) {
    const other = wb.addWorksheet(s.name);
    for (const r of s.rows) other.addRow(r);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text of these rows. */
export function csvText(rows: string[][], delimiter = ','): string {
  return `${rows.map((r) => r.map((v) => csvField(v, delimiter)).join(delimiter)).join('\r\n')}\r\n`;
}

export function utf8(text: string, bom = false): Uint8Array {
  return new TextEncoder().encode(bom ? `\uFEFF${text}` : text);
}

export function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, endian === 'le');
  for (let i = 0; i < text.length; i++) view.setUint16(2 + 2 * i, text.charCodeAt(i), endian === 'le');
  return out;
}

/**
 * Windows-1258 (the Vietnamese ANSI code page) bytes of text whose letters it holds
 * precomposed or as base letter + combining tone mark, as Excel's "CSV (Comma delimited)"
 * writes on a Vietnamese Windows.
 */
export function windows1258(text: string): Uint8Array {
  const precomposed: Record<string, number> = {
    Ă: 0xc3,
    ă: 0xe3,
    Â: 0xc2,
    â: 0xe2,
    Ê: 0xca,
    ê: 0xea,
    Ô: 0xd4,
    ô: 0xf4,
    Ơ: 0xd5,
    ơ: 0xf5,
    Ư: 0xdd,
    ư: 0xfd,
    Đ: 0xd0,
    đ: 0xf0,
    À: 0xc0,
    à: 0xe0,
    Á: 0xc1,
    á: 0xe1,
    È: 0xc8,
    è: 0xe8,
    É: 0xc9,
    é: 0xe9,
    Í: 0xcd,
    í: 0xed,
    Ì: 0xcc,
    ì: 0xec,
    Ó: 0xd3,
    ó: 0xf3,
    Ò: 0xd2,
    ò: 0xf2,
    Ú: 0xda,
    ú: 0xfa,
    Ù: 0xd9,
    ù: 0xf9,
  };
  const marks: Record<string, number> = {
    '\u0300': 0xcc,
    '\u0301': 0xec,
    '\u0303': 0xde,
    '\u0309': 0xd2,
    '\u0323': 0xf2,
  };
  const bytes: number[] = [];
  for (const ch of text.normalize('NFD').normalize('NFC')) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else if (precomposed[ch] !== undefined) bytes.push(precomposed[ch] as number);
    else {
      // Base letter (possibly with its own breve, circumflex or horn) + a tone mark.
      const parts = ch.normalize('NFD');
      const tone = [...parts].find((c) => marks[c] !== undefined);
      const base = [...parts]
        .filter((c) => c !== tone)
        .join('')
        .normalize('NFC');
      const b = base.length === 1 && base.charCodeAt(0) < 0x80 ? base.charCodeAt(0) : precomposed[base];
      if (b === undefined || tone === undefined) throw new Error(`not in Windows-1258: ${ch}`);
      bytes.push(b, marks[tone] as number);
    }
  }
  return new Uint8Array(bytes);
}

/** A ZIP archive of these files, in this order, deflated (crc and sizes in the local headers). */
export function zipOf(files: [string, string | Uint8Array][]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const packed = deflateRawSync(data);
    const nameBytes = new TextEncoder().encode(name);
    const crc = crc32(data);
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, packed.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const entry = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, packed.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    entry.set(nameBytes, 46);
    chunks.push(local, packed);
    central.push(entry);
    offset += local.length + packed.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, files.length, true);
  ev.setUint16(10, files.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of all) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type RawCellValue = string | number | { formula: string; result?: string } | null;

export interface RawXlsxOptions {
  /** Strings in a shared strings table (as Excel writes) or inline (as some generators do). */
  sharedStrings?: boolean;
  /** Order of the parts in the archive: Excel's (sheet before styles and strings) by default. */
  order?: 'excel' | 'strings-first';
  /** Leave out the optional r="…" attributes of rows and cells. */
  omitRowNumbers?: boolean;
}

/**
 * An .xlsx written by hand, part by part: fast for large files and able to reproduce what
 * other tools write (inline strings, part order, rows without numbers).
 */
export function rawXlsx(rows: RawCellValue[][], opts: RawXlsxOptions = {}): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sheetRows: string[] = [];
  rows.forEach((row, r) => {
    const cells = row.map((v, c) => {
      if (v === null) return '';
      const ref = opts.omitRowNumbers ? '' : ` r="${columnName(c)}${r + 1}"`;
      if (typeof v === 'number') return `<c${ref}><v>${v}</v></c>`;
      if (typeof v === 'object') {
        const result = v.result === undefined ? '' : `<v>${xmlEscape(v.result)}</v>`;
        return `<c${ref} t="str"><f>${xmlEscape(v.formula)}</f>${result}</c>`;
      }
      if (!opts.sharedStrings) return `<c${ref} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(v)}</t></is></c>`;
      let i = index.get(v);
      if (i === undefined) {
        i = strings.length;
        strings.push(v);
        index.set(v, i);
      }
      return `<c${ref} t="s"><v>${i}</v></c>`;
    });
    sheetRows.push(`<row${opts.omitRowNumbers ? '' : ` r="${r + 1}"`}>${cells.join('')}</row>`);
  });
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}"><sheetData>${sheetRows.join('')}</sheetData></worksheet>`;
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
  };
  if (opts.sharedStrings) {
    parts['xl/sharedStrings.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}" count="${strings.length}" uniqueCount="${strings.length}">` +
      strings.map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`).join('') +
      '</sst>';
  }
  const order =
    opts.order === 'strings-first'
      ? [
          '[Content_Types].xml',
          '_rels/.rels',
          'xl/sharedStrings.xml',
          'xl/_rels/workbook.xml.rels',
          'xl/worksheets/sheet1.xml',
          'xl/workbook.xml',
        ]
      : [
          '[Content_Types].xml',
          '_rels/.rels',
          'xl/workbook.xml',
          'xl/_rels/workbook.xml.rels',
          'xl/worksheets/sheet1.xml',
          'xl/sharedStrings.xml',
        ];
  return zipOf(order.filter((n) => parts[n] !== undefined).map((n) => [n, parts[n] as string]));
}

function columnName(i: number): string {
  return i < 26
    ? String.fromCharCode(65 + i)
    : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26));
}
