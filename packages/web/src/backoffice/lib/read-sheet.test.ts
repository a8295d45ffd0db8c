import { describe, expect, it } from 'vitest';
import { readCsvGrid, readStaffRows, SHEET_LIMITS } from './read-sheet.js';
import { fieldOfHeader } from './staff-columns.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('reading a staff list back for the fix-a-row form', () => {
  it('reads CSV with a BOM, quotes, doubled quotes and semicolons', () => {
    expect(readCsvGrid(bytes('\uFEFFHọ và tên;Nơi ở\r\n"Lê Thị Thu";"Số 9, ngõ 2 ""A"""\r\n'))).toEqual([
      ['Họ và tên', 'Nơi ở'],
      ['Lê Thị Thu', 'Số 9, ngõ 2 "A"'],
    ]);
  });

  it('matches headers as people write them: case, diacritics and notes in brackets do not matter', () => {
    expect(fieldOfHeader('Ngày sinh (dd/mm/yyyy)')).toBe('dateOfBirth');
    expect(fieldOfHeader('HO TEN')).toBe('fullName');
    expect(fieldOfHeader('Lộ trình: đi từ')).toBe('routeFrom');
    expect(fieldOfHeader('STT')).toBeNull();
  });
});

/** A ZIP of deflated entries; `declared` replaces the true inflated size in the directory. */
async function zipOf(files: Array<{ name: string; text: string; declared?: number }>): Promise<File> {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const data = enc.encode(f.text);
    const stream = new Blob([data]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const packed = new Uint8Array(await new Response(stream).arrayBuffer());
    const name = enc.encode(f.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, packed.length, true);
    lv.setUint32(22, f.declared ?? data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const c = new Uint8Array(46 + name.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, packed.length, true);
    cv.setUint32(24, f.declared ?? data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    c.set(name, 46);
    parts.push(local, packed);
    central.push(c);
    offset += local.length + packed.length;
  }
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, files.length, true);
  ev.setUint16(10, files.length, true);
  ev.setUint32(
    12,
    central.reduce((n, c) => n + c.length, 0),
    true,
  );
  ev.setUint32(16, offset, true);
  return new File([...parts, ...central, end] as BlobPart[], 'bom.xlsx');
}

describe('reading back a hostile workbook stops at the caps', () => {
  const big = `<workbook>${' '.repeat(SHEET_LIMITS.partBytes + 1)}</workbook>`;

  it('refuses a part declared larger than its cap, before inflating it', async () => {
    const r = await readStaffRows(await zipOf([{ name: 'xl/workbook.xml', text: big }]));
    expect([r.refused, r.rows.size]).toEqual(['size', 0]);
  });

  it('stops inflating a part whose declared size lies', async () => {
    const r = await readStaffRows(await zipOf([{ name: 'xl/workbook.xml', text: big, declared: 100 }]));
    expect(r.refused).toBe('ratio');
  });

  it('refuses DOCTYPE and ENTITY declarations (entity expansion)', async () => {
    const text = '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]><workbook>&a;</workbook>';
    expect((await readStaffRows(await zipOf([{ name: 'xl/workbook.xml', text }]))).refused).toBe('doctype');
  });

  it('refuses an archive of more entries than the cap', async () => {
    const files = Array.from({ length: SHEET_LIMITS.zipEntries + 1 }, (_, i) => ({ name: `x/${i}.xml`, text: '<a/>' }));
    expect((await readStaffRows(await zipOf(files))).refused).toBe('entries');
  });

  it('reads a CSV file as before, with nothing refused', async () => {
    const r = await readStaffRows(new File([bytes('Họ và tên;Nơi ở\nLê Thị Thu;Số 9\n')], 'ds.csv'));
    expect([r.refused, r.rows.get(2)]).toEqual([null, { fullName: 'Lê Thị Thu', residenceAddress: 'Số 9' }]);
  });
});
