import fc from 'fast-check';
import {
  buildStaffTemplateCsv,
  buildStaffTemplateXlsx,
  importStaffFile,
} from '../packages/server/src/staff/import/index.js';
import {
  csvText,
  HEADERS,
  person,
  personRow,
  type RawCellValue,
  rawXlsx,
  utf8,
  utf16,
  windows1258,
  zipOf,
} from '../packages/server/test/support/staff-files.js';
import { bytesMutation, mutateBytes } from './byte-mutation.js';
import { hostileString } from './hostile-values.js';
import type { FuzzTarget } from './target.js';

/** One cell as users' tools write them: text, numbers (dates, phone numbers lose their 0), formulas, blanks. */
const cell: fc.Arbitrary<RawCellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.nat(2000).map((i) => personRow(person(i))[i % HEADERS.length] as string) },
  { weight: 2, arbitrary: hostileString.map((s) => s.slice(0, 5000)) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.constantFrom(44197, 1e21, -1, 0.5),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      formula: fc.constantFrom('SUM(A1:A2)', 'HYPERLINK("http://x")', '1/0', ''),
      result: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
    }),
  },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** A header row (the template's, shuffled, cut, or junk) and up to 12 rows of mostly valid people. */
const table: fc.Arbitrary<RawCellValue[][]> = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(HEADERS as RawCellValue[]) },
      { weight: 1, arbitrary: fc.shuffledSubarray(HEADERS as RawCellValue[]) },
      { weight: 1, arbitrary: fc.array(cell, { maxLength: 20 }) },
    ),
    fc.array(
      fc.oneof(
        { weight: 2, arbitrary: fc.nat(200_000).map((i) => personRow(person(i)) as RawCellValue[]) },
        { weight: 2, arbitrary: fc.array(cell, { minLength: 0, maxLength: HEADERS.length + 3 }) },
        {
          weight: 2,
          arbitrary: fc
            .tuple(fc.nat(200_000), fc.nat(HEADERS.length - 1), cell)
            .map(([i, c, v]) => personRow(person(i)).map((x, j) => (j === c ? v : x)) as RawCellValue[]),
        },
      ),
      { maxLength: 12 },
    ),
  )
  .map(([h, rows]) => [h, ...rows]);

const asText = (v: RawCellValue): string => (v === null ? '' : typeof v === 'object' ? `=${v.formula}` : String(v));

/** XML edits that keep the archive valid but break the sheet: the XML reader's own input. */
const xmlEdit = fc.record({
  at: fc.nat(),
  cut: fc.nat(20),
  insert: fc.constantFrom(
    '<',
    '>',
    '&',
    '&#0;',
    '&#xD800;',
    '<c r="XFD1048577" t="s"><v>99999999</v></c>',
    '<v>-1</v>',
    ']]>',
    '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
    '&a;',
    '<row r="0">',
    '<row r="4294967296">',
    '</sheetData>',
    '\u0000',
    '',
  ),
});

function sheetXml(rows: RawCellValue[][]): string {
  const body = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row.map((v) => (v === null ? '' : typeof v === 'number' ? `<c><v>${v}</v></c>` : `<c t="inlineStr"><is><t>${asText(v).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`)).join('')}</row>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/** The archive rawXlsx writes, but with the sheet's XML edited. */
function brokenXmlXlsx(rows: RawCellValue[][], edits: Array<{ at: number; cut: number; insert: string }>): Uint8Array {
  let xml = sheetXml(rows);
  for (const e of edits) {
    const at = e.at % (xml.length + 1);
    xml = xml.slice(0, at) + e.insert + xml.slice(at + e.cut);
  }
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipOf([
    [
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ],
    ['xl/worksheets/sheet1.xml', xml],
  ]);
}

type FileCase = { kind: string; bytes: Uint8Array };

function staffFiles(templates: { xlsx: Uint8Array; csv: Uint8Array }): fc.Arbitrary<FileCase> {
  const csvBytes = fc
    .tuple(
      table,
      fc.constantFrom(',', ';', '\t', '|'),
      fc.constantFrom('utf8', 'utf8bom', 'utf16le', 'utf16be', 'win1258'),
    )
    .map(([rows, d, enc]) => {
      const text = csvText(
        rows.map((r) => r.map(asText)),
        d,
      );
      if (enc === 'utf8' || enc === 'utf8bom') return utf8(text, enc === 'utf8bom');
      if (enc === 'win1258') {
        try {
          return windows1258(text);
        } catch {
          return utf8(text);
        }
      }
      return utf16(text, enc === 'utf16le' ? 'le' : 'be');
    });
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(table, fc.boolean())
        .map(([rows, shared]) => ({ kind: 'xlsx', bytes: rawXlsx(rows, { sharedStrings: shared }) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(table, fc.array(xmlEdit, { minLength: 1, maxLength: 3 }))
        .map(([rows, e]) => ({ kind: 'xlsx-xml', bytes: brokenXmlXlsx(rows, e) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(table, bytesMutation)
        .map(([rows, m]) => ({ kind: 'xlsx-bytes', bytes: mutateBytes(rawXlsx(rows), m) })),
    },
    {
      weight: 1,
      arbitrary: bytesMutation.map((m) => ({ kind: 'template-xlsx', bytes: mutateBytes(templates.xlsx, m) })),
    },
    { weight: 3, arbitrary: csvBytes.map((bytes) => ({ kind: 'csv', bytes })) },
    {
      weight: 1,
      arbitrary: fc.tuple(csvBytes, bytesMutation).map(([b, m]) => ({ kind: 'csv-bytes', bytes: mutateBytes(b, m) })),
    },
    {
      weight: 1,
      arbitrary: bytesMutation.map((m) => ({ kind: 'template-csv', bytes: mutateBytes(templates.csv, m) })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom([], [0x50, 0x4b, 3, 4], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xd0, 0xcf, 0x11, 0xe0]),
          fc.uint8Array({ maxLength: 300 }),
        )
        .map(([head, rest]) => ({ kind: 'random', bytes: Uint8Array.from([...head, ...rest]) })),
    },
  );
}

const STABLE_CODE = /^[a-z][a-z0-9_]*$/;

export const staffFileTarget: FuzzTarget = {
  name: 'staff',
  description:
    'staff list files (xlsx: valid, with broken XML, corrupted bytes; csv in 5 encodings and 4 delimiters, corrupted) → `importStaffFile`, the reader behind the upload and `thonghanh staff validate`: a report with stable error codes and Vietnamese messages, never an exception; a file-level error saves no row',
  async open() {
    const templates = { xlsx: await buildStaffTemplateXlsx(), csv: buildStaffTemplateCsv() };
    const counts: Record<string, number> = {};
    return {
      property: fc.asyncProperty(staffFiles(templates), async ({ kind, bytes }) => {
        const r = await importStaffFile(bytes, { today: '2021-08-15' });
        const outcome = `${kind}:${r.errors.length === 0 ? 'accepted' : r.staff.length > 0 ? 'partly' : 'refused'}`;
        counts[outcome] = (counts[outcome] ?? 0) + 1;
        for (const p of [...r.errors, ...r.warnings]) {
          if (!STABLE_CODE.test(p.code)) throw new Error(`unstable problem code ${JSON.stringify(p.code)}`);
          if (typeof p.message !== 'string' || p.message.trim() === '')
            throw new Error(`problem ${p.code} without a message`);
        }
        if (r.errors.some((e) => e.row === 0) && r.staff.length > 0) throw new Error('a file-level error kept rows');
        if (r.staff.length !== r.valid) throw new Error(`valid = ${r.valid} but ${r.staff.length} rows kept`);
      }),
      summary: () => counts,
      close: async () => {},
    };
  },
};
