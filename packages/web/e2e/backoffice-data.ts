/**
 * Test data for the back-office journeys: valid tax codes, staff lists as real .xlsx files
 * (exceljs), a small plan PDF. Fictitious people only.
 */
import { taxCodeCheckDigit } from '@thonghanh/core';
import ExcelJS from 'exceljs';

/** A valid 10-digit tax code starting with `first9`'s digits (the next prefix that has a check digit). */
export function taxCode(first9: string): string {
  for (let n = Number(first9); ; n++) {
    const s = String(n).padStart(9, '0');
    const d = taxCodeCheckDigit(s);
    if (d !== null) return `${s}${d}`;
  }
}

export interface Person {
  fullName: string;
  idType: string;
  idNumber: string;
  dateOfBirth: string;
  position: string;
  phone: string;
  residenceAddress: string;
  residenceWard: string;
  workplace: string;
  routeFrom: string;
  routeTo: string;
  routeWards: string;
  scheduleDays: string;
  scheduleStart: string;
  scheduleEnd: string;
}

const base = {
  idType: 'CCCD',
  workplace: 'Số 18 phố Đức Giang, Long Biên, Hà Nội',
  routeTo: 'Số 18 phố Đức Giang, Long Biên',
  residenceWard: '00124',
  routeWards: '00124, 00127',
  scheduleDays: 'T2-T7',
  scheduleStart: '07:30',
  scheduleEnd: '17:30',
};

/** CCCD: province 001 (Hà Nội), century/sex digit, two digits of the birth year, six digits. */
export const PEOPLE: Person[] = [
  {
    ...base,
    fullName: 'Nguyễn Thị Quỳnh Anh',
    idNumber: '001190012345',
    dateOfBirth: '12/04/1990',
    position: 'Kế toán',
    phone: '0912345678',
    residenceAddress: 'Số 12 ngõ 45 phố Ngọc Lâm, Long Biên',
    routeFrom: 'Số 12 ngõ 45 phố Ngọc Lâm',
  },
  {
    ...base,
    fullName: 'Trần Văn Bình',
    idNumber: '001088054321',
    dateOfBirth: '03/09/1988',
    position: 'Công nhân',
    phone: '0987654321',
    residenceAddress: 'Tổ 5 phường Thượng Thanh, Long Biên',
    routeFrom: 'Tổ 5 phường Thượng Thanh',
  },
  {
    ...base,
    fullName: 'Đỗ Minh Hải',
    idNumber: '001095011223',
    dateOfBirth: '21/11/1995',
    position: 'Lái xe',
    phone: '0903111222',
    residenceAddress: 'Số 3 phố Đức Giang, Long Biên',
    routeFrom: 'Số 3 phố Đức Giang',
  },
  {
    ...base,
    fullName: 'Lê Thị Thu',
    // Birth year 1992 but the CCCD says 1995: an error the test fixes in the page.
    idNumber: '001195033445',
    dateOfBirth: '07/07/1992',
    position: 'Công nhân',
    phone: '0934555666',
    residenceAddress: 'Số 9 ngõ 2 phố Gia Quất, Long Biên',
    routeFrom: 'Số 9 ngõ 2 phố Gia Quất',
  },
];

/** The CCCD that matches Lê Thị Thu's birth year (1992). */
export const FIXED_ID = '001192033445';

export const HEADERS: Array<[keyof Person, string]> = [
  ['fullName', 'Họ và tên'],
  ['idType', 'Loại giấy tờ'],
  ['idNumber', 'Số giấy tờ'],
  ['dateOfBirth', 'Ngày sinh'],
  ['position', 'Chức vụ'],
  ['phone', 'Số điện thoại'],
  ['residenceAddress', 'Nơi ở'],
  ['residenceWard', 'Mã phường/xã nơi ở'],
  ['workplace', 'Nơi làm việc'],
  ['routeFrom', 'Lộ trình: đi từ'],
  ['routeTo', 'Lộ trình: đến'],
  ['routeWards', 'Mã phường/xã trên lộ trình'],
  ['scheduleDays', 'Ngày làm việc'],
  ['scheduleStart', 'Giờ bắt đầu'],
  ['scheduleEnd', 'Giờ kết thúc'],
];

/** A staff list as Excel writes it: header in row 1, every cell text. */
export async function staffXlsx(people: Person[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(HEADERS.map(([, h]) => h));
  for (const p of people) ws.addRow(HEADERS.map(([k]) => p[k]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A one-page PDF with a line of text (the plan's scan stands in). */
export function planPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '');
  const stream = `BT /F1 18 Tf 60 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
