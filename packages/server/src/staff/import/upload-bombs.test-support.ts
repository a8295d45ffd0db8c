/**
 * Hostile staff-list files for tests, the benchmark and manual replays: each small on the
 * wire and ruinous when read naively (issue 9, item 2). Huge parts are never held in
 * memory: a repeated chunk is deflated once with a full flush (byte-aligned, no reference
 * to earlier data), so its compressed bytes can be repeated as they are.
 *
 * `node --import tsx bench/write-upload-bombs.ts DIR` writes them all to DIR.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { columnLetter, STAFF_COLUMNS } from './columns.js';

export interface Bomb {
  name: string;
  /** What it does, in a few words (for the bench and the docs). */
  what: string;
  bytes: Uint8Array;
  /** Bytes it inflates to (every entry). */
  inflated: number;
  /** The file-level code it must get. */
  expect: 'file_too_complex' | 'corrupt_file' | 'too_many_rows';
}

/** A run of the same text, `times` times. */
interface Run {
  text: string;
  times: number;
}

type Content = string | Run[];

interface Entry {
  name: string;
  content: Content;
  /** Sizes written in the headers instead of the true ones (a lying archive). */
  declared?: number;
}

const MiB = 1024 * 1024;
const enc = new TextEncoder();

function deflateRuns(runs: Run[]): { data: Uint8Array[]; size: number; crc: number } {
  const data: Uint8Array[] = [];
  let size = 0;
  let crc = 0;
  for (const run of runs) {
    const bytes = enc.encode(run.text);
    // Full flush: the piece ends byte-aligned and the next starts with an empty window.
    const packed = deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
    for (let i = 0; i < run.times; i++) {
      data.push(packed);
      crc = crc32(bytes, crc);
    }
    size += bytes.length * run.times;
  }
  data.push(deflateRawSync(new Uint8Array(0)));
  return { data, size, crc };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A ZIP of deflated entries; `declared` sizes go into both headers when given. */
export function zipEntries(entries: Entry[]): { bytes: Uint8Array; inflated: number } {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  let inflated = 0;
  for (const e of entries) {
    const runs = typeof e.content === 'string' ? [{ text: e.content, times: 1 }] : e.content;
    const { data, size, crc } = deflateRuns(runs);
    inflated += size;
    const packed = concat(data);
    const declared = e.declared ?? size;
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(14, crc >>> 0, true);
    lv.setUint32(18, packed.length, true);
    lv.setUint32(22, declared, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const c = new Uint8Array(46 + name.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(16, crc >>> 0, true);
    cv.setUint32(20, packed.length, true);
    cv.setUint32(24, declared, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    c.set(name, 46);
    chunks.push(local, packed);
    central.push(c);
    offset += local.length + packed.length;
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, size, true);
  ev.setUint32(16, offset, true);
  return { bytes: concat([...chunks, ...central, end]), inflated };
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** The template's header, so that reading goes past row 1 as it would for a real list. */
export const HEADER_ROW = `<row r="1">${STAFF_COLUMNS.map((c, i) => `<c r="${columnLetter(i)}1" t="inlineStr"><is><t>${c.header}</t></is></c>`).join('')}</row>`;

function skeleton(): Entry[] {
  return [
    {
      name: '[Content_Types].xml',
      content: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      content: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      content: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
  ];
}

const SHEET_OPEN = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}"><sheetData>`;
const SHEET_CLOSE = '</sheetData></worksheet>';

/** A workbook whose first sheet is `sheet` (runs of text), with optional shared strings. */
export function bombXlsx(
  sheet: Run[],
  opts: { sharedStrings?: Run[]; declaredSheet?: number; declaredStrings?: number } = {},
) {
  const entries = skeleton();
  entries.push({ name: 'xl/worksheets/sheet1.xml', content: sheet, declared: opts.declaredSheet });
  if (opts.sharedStrings)
    entries.push({ name: 'xl/sharedStrings.xml', content: opts.sharedStrings, declared: opts.declaredStrings });
  return zipEntries(entries);
}

const once = (text: string): Run => ({ text, times: 1 });
const A_MIB: Run = { text: 'A'.repeat(MiB), times: 1 };
const times = (run: Run, n: number): Run => ({ text: run.text, times: n });

/** One inline-string cell of `mib` MiB of "A" below the header row. */
export function hugeInlineString(mib: number, lie = false) {
  return bombXlsx(
    [
      once(`${SHEET_OPEN}${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>`),
      times(A_MIB, mib),
      once(`</t></is></c></row>${SHEET_CLOSE}`),
    ],
    lie ? { declaredSheet: 1000 } : {},
  );
}

/** A shared strings table of `mib` MiB: one string per MiB, the sheet pointing at the first. */
export function hugeSharedStrings(mib: number, lie = false) {
  return bombXlsx([once(`${SHEET_OPEN}${HEADER_ROW}<row r="2"><c r="A2" t="s"><v>0</v></c></row>${SHEET_CLOSE}`)], {
    sharedStrings: [
      once(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}">`),
      times({ text: `<si><t>${'B'.repeat(MiB - 14)}</t></si>`, times: 1 }, mib),
      once('</sst>'),
    ],
    declaredStrings: lie ? 1000 : undefined,
  });
}

/**
 * `n` rows of one person each, ~120 bytes a row, all numbered 2 (every cell has the same
 * address), so that the text repeats and compresses ~280 times.
 */
export function manyRows(n: number, lie = false) {
  const row =
    '<row r="2"><c r="A2" t="inlineStr"><is><t>Nguyễn Văn An</t></is></c><c r="C2" t="inlineStr"><is><t>001090000001</t></is></c></row>';
  const perChunk = 10_000;
  return bombXlsx(
    [
      once(SHEET_OPEN + HEADER_ROW),
      times({ text: row.repeat(perChunk), times: 1 }, Math.floor(n / perChunk)),
      once(row.repeat(n % perChunk) + SHEET_CLOSE),
    ],
    lie ? { declaredSheet: 1000 } : {},
  );
}

/** `n` empty numbered rows (each distinct), then nothing: only the row cap stops them early. */
export function manyEmptyRows(n: number) {
  const runs: Run[] = [once(SHEET_OPEN + HEADER_ROW)];
  let text = '';
  for (let r = 2; r <= n + 1; r++) text += `<row r="${r}"/>`;
  runs.push(once(text + SHEET_CLOSE));
  return bombXlsx(runs);
}

/** Elements nested `depth` deep inside a cell. */
export function deepNesting(depth: number) {
  return bombXlsx([
    once(`${SHEET_OPEN}${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is>`),
    once('<r>'.repeat(depth)),
    once('</r>'.repeat(depth)),
    once(`</is></c></row>${SHEET_CLOSE}`),
  ]);
}

/** The classic "billion laughs": entities ten deep, each ten times the one below. */
export function entityExpansion() {
  const entities = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  const sheet = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE worksheet [${entities.join('')}]>\n<worksheet xmlns="${NS}"><sheetData>${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row>${SHEET_CLOSE}`;
  return bombXlsx([once(sheet)]);
}

/** Whitespace that compresses about a thousand times, under the sheet's size cap. */
export function highRatio(mib: number, lie = false) {
  return bombXlsx(
    [
      once(SHEET_OPEN + HEADER_ROW),
      times({ text: '<row/>'.repeat(Math.floor(MiB / 6)), times: 1 }, mib),
      once(SHEET_CLOSE),
    ],
    lie ? { declaredSheet: 1000 } : {},
  );
}

/** An ordinary small workbook cut off in the middle (an interrupted download). */
export function truncated() {
  const whole = bombXlsx([
    once(
      `${SHEET_OPEN}${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>Nguyễn Văn An</t></is></c></row>${SHEET_CLOSE}`,
    ),
  ]);
  return { bytes: whole.bytes.subarray(0, Math.floor(whole.bytes.length / 2)), inflated: whole.inflated };
}

/** Every bomb, as the tests, the benchmark and the replay script use them. */
export function uploadBombs(): Bomb[] {
  const b = (name: string, what: string, made: { bytes: Uint8Array; inflated: number }, expect: Bomb['expect']) => ({
    name,
    what,
    expect,
    ...made,
  });
  return [
    b('inline-string-500mib', 'one cell holding a 500 MiB inline string', hugeInlineString(500), 'file_too_complex'),
    b(
      'inline-string-500mib-lying',
      'the same, the ZIP declaring 1,000 bytes',
      hugeInlineString(500, true),
      'file_too_complex',
    ),
    b('shared-strings-300mib', 'a 300 MiB shared strings table', hugeSharedStrings(300), 'file_too_complex'),
    b(
      'shared-strings-300mib-lying',
      'the same, the ZIP declaring 1,000 bytes',
      hugeSharedStrings(300, true),
      'file_too_complex',
    ),
    b('rows-543mb', '4.3 million rows of one person (543 MB of XML)', manyRows(4_300_000), 'file_too_complex'),
    b('rows-543mb-lying', 'the same, the ZIP declaring 1,000 bytes', manyRows(4_300_000, true), 'file_too_complex'),
    b('empty-rows-200k', '200,000 empty numbered rows', manyEmptyRows(200_000), 'file_too_complex'),
    b('deep-nesting', 'elements nested 20,000 deep in a cell', deepNesting(20_000), 'file_too_complex'),
    b('high-ratio-48mib', '48 MiB of empty rows compressed ~1000 times', highRatio(48), 'file_too_complex'),
    b('high-ratio-48mib-lying', 'the same, the ZIP declaring 1,000 bytes', highRatio(48, true), 'file_too_complex'),
    b('doctype-entities', 'DOCTYPE with nested entities ("billion laughs")', entityExpansion(), 'file_too_complex'),
    b('truncated-zip', 'a workbook cut in half', truncated(), 'corrupt_file'),
  ];
}
