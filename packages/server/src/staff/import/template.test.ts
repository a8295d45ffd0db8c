import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { person } from '../../../test/support/staff-files.js';
import { STAFF_COLUMNS } from './columns.js';
import { importStaffFile } from './import-staff-file.js';
import { buildStaffTemplateCsv, buildStaffTemplateXlsx, GUIDE_SHEET, TEMPLATE_SHEET } from './template.js';
import { EXAMPLE_PERSON } from './validate-rows.js';
import { inflateText, readZipDirectory } from './zip.js';

const TODAY = '2021-08-15';
const letter = (key: string) => String.fromCharCode(65 + STAFF_COLUMNS.findIndex((c) => c.key === key));

describe('the xlsx template', async () => {
  const bytes = await buildStaffTemplateXlsx();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(TEMPLATE_SHEET) as ExcelJS.Worksheet;
  const sheetXml = async () => {
    const entries = readZipDirectory(bytes);
    let xml = '';
    for await (const s of inflateText(bytes, entries.get('xl/worksheets/sheet1.xml')!, 1e7)) xml += s;
    return xml;
  };

  it('has the header row, bold, frozen, with widths, required columns set apart', () => {
    expect(wb.worksheets[0]?.name).toBe(TEMPLATE_SHEET);
    const header = ws.getRow(1);
    STAFF_COLUMNS.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      expect(cell.value).toBe(c.header);
      expect(cell.font?.bold).toBe(true);
      expect(ws.getColumn(i + 1).width).toBe(c.width);
    });
    const fill = (key: string) => (header.getCell(letter(key)).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect(fill('fullName')).not.toBe(fill('position'));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('formats number, date, phone, ward and time columns as Text so Excel keeps what is typed', () => {
    for (const key of [
      'idNumber',
      'dateOfBirth',
      'phone',
      'residenceWard',
      'routeWards',
      'scheduleStart',
      'scheduleEnd',
    ]) {
      const col = ws.getColumn(letter(key));
      expect(col.numFmt, key).toBe('@');
      expect(ws.getCell(`${letter(key)}2`).numFmt, key).toBe('@');
    }
    expect(ws.getColumn(letter('fullName')).numFmt).toBeUndefined();
  });

  it('offers CCCD, CMND, Hộ chiếu as a list for the document type, and suggests working days', async () => {
    const xml = await sheetXml();
    const type = letter('idType');
    expect(xml).toMatch(
      new RegExp(
        `<dataValidation type="list"[^>]*sqref="${type}2:${type}20001"[^>]*>\\s*<formula1>&quot;CCCD,CMND,Hộ chiếu&quot;</formula1>`,
      ),
    );
    const days = letter('scheduleDays');
    expect(xml).toMatch(new RegExp(`sqref="${days}2:${days}20001"`));
  });

  it('has an example row with the fictitious person', () => {
    expect(ws.getCell('A2').value).toBe(EXAMPLE_PERSON.fullName);
    expect(ws.getCell(`${letter('idNumber')}2`).value).toBe(EXAMPLE_PERSON.idNumber);
  });

  it('explains every column in Vietnamese on a second sheet "Hướng dẫn"', () => {
    const guide = wb.getWorksheet(GUIDE_SHEET) as ExcelJS.Worksheet;
    expect(wb.worksheets.map((w) => w.name)).toEqual([TEMPLATE_SHEET, GUIDE_SHEET]);
    const texts: string[] = [];
    guide.eachRow((row) => {
      texts.push((row.values as unknown[]).filter((v) => typeof v === 'string').join(' | '));
    });
    for (const c of STAFF_COLUMNS) {
      const line = texts.find((t) => t.startsWith(`${c.header} |`));
      expect(line, c.header).toContain(c.help);
      expect(line).toContain(c.required ? '| Có |' : '| Không |');
    }
    expect(texts.join('\n')).toContain('Dòng 2 là ví dụ');
  });

  it('imports as no one: the example row is skipped with a warning', async () => {
    const r = await importStaffFile(bytes, { today: TODAY });
    expect(r).toMatchObject({ rows: 0, valid: 0, staff: [] });
    expect(r.errors.map((e) => e.code)).toEqual(['no_rows']);
    expect(r.warnings.map(({ row, code }) => ({ row, code }))).toEqual([{ row: 2, code: 'example_row' }]);
  });

  it('imports one valid row once the example is replaced by a person, zeros kept by the Text format', async () => {
    const p = person(9);
    STAFF_COLUMNS.forEach((c, i) => {
      ws.getRow(2).getCell(i + 1).value = p[c.key];
    });
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await importStaffFile(filled, { today: TODAY });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.staff.map((s) => [s.row, s.fullName, s.idNumber])).toEqual([[2, p.fullName, p.idNumber]]);
  });

  it('has example values that are valid themselves', async () => {
    const other = new ExcelJS.Workbook();
    await other.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    (other.worksheets[0] as ExcelJS.Worksheet).getCell('A2').value = 'Trần Thị Mẫu';
    const r = await importStaffFile(new Uint8Array(await other.xlsx.writeBuffer()), { today: TODAY });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.valid).toBe(1);
  });
});

describe('the csv template', () => {
  const bytes = buildStaffTemplateCsv();
  const text = new TextDecoder().decode(bytes);

  it('is UTF-8 with a BOM, separated by semicolons, header then the example', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // TextDecoder drops the BOM it read.
    const [header, example] = text.split('\r\n');
    expect(header?.split(';')).toEqual(STAFF_COLUMNS.map((c) => c.header));
    expect(example?.startsWith(`${EXAMPLE_PERSON.fullName};CCCD;${EXAMPLE_PERSON.idNumber};`)).toBe(true);
  });

  it('imports as no one, the example skipped', async () => {
    const r = await importStaffFile(bytes, { today: TODAY });
    expect(r.errors.map((e) => e.code)).toEqual(['no_rows']);
    expect(r.warnings.map((w) => w.code)).toEqual(['example_row']);
  });
});
