import type ExcelJSModule from 'exceljs';
import { lazyRequire } from '../../lazy-require.js';
import { columnLetter, STAFF_COLUMNS } from './columns.js';
import { MAX_DATA_ROWS } from './import-staff-file.js';
import { MAX_FILE_BYTES } from './sniff.js';
import { EXAMPLE_PERSON } from './validate-rows.js';

/** Loaded on first use, not at start-up (lazy-require.ts). */
const ExcelJS = lazyRequire<typeof ExcelJSModule>('exceljs');

/**
 * The downloadable staff list template. Row 1 is the header, row 2 a fictitious example
 * person (Nguyễn Văn Mẫu) that the import recognises and skips with a warning, so a list
 * filled in below the example without deleting it never registers a person who does not
 * exist. Importing the untouched template therefore reads 0 rows (error `no_rows`).
 */

export const TEMPLATE_SHEET = 'Danh sách người lao động';
export const GUIDE_SHEET = 'Hướng dẫn';

const REQUIRED_FILL = 'FFFCE4C4';
const OPTIONAL_FILL = 'FFE7EEF7';

interface DataValidationsApi {
  add(range: string, validation: ExcelJSModule.DataValidation): void;
}

export async function buildStaffTemplateXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thông hành';
  wb.created = new Date(Date.UTC(2021, 7, 1));
  const ws = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = STAFF_COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    ...(c.text && { style: { numFmt: '@' } }),
  }));
  const header = ws.getRow(1);
  STAFF_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? REQUIRED_FILL : OPTIONAL_FILL } };
    cell.border = { bottom: { style: 'thin' } };
    cell.note = `${c.required ? 'Bắt buộc. ' : 'Không bắt buộc. '}${c.help}`;
  });
  header.height = 32;
  const example = ws.getRow(2);
  STAFF_COLUMNS.forEach((c, i) => {
    const cell = example.getCell(i + 1);
    cell.value = c.example;
    cell.font = { italic: true, color: { argb: 'FF7F7F7F' } };
    if (c.text) cell.numFmt = '@';
  });
  const last = MAX_DATA_ROWS + 1;
  const validations = (ws as unknown as { dataValidations: DataValidationsApi }).dataValidations;
  const letter = (key: string) => columnLetter(STAFF_COLUMNS.findIndex((c) => c.key === key));
  validations.add(`${letter('idType')}2:${letter('idType')}${last}`, {
    type: 'list',
    allowBlank: true,
    formulae: ['"CCCD,CMND,Hộ chiếu"'],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Loại giấy tờ',
    error: 'Chọn CCCD, CMND hoặc Hộ chiếu.',
    showInputMessage: true,
    promptTitle: 'Loại giấy tờ',
    prompt: 'CCCD, CMND hoặc Hộ chiếu',
  });
  validations.add(`${letter('scheduleDays')}2:${letter('scheduleDays')}${last}`, {
    type: 'list',
    allowBlank: true,
    formulae: ['"T2-T6,T2-T7,Hằng ngày"'],
    // A suggestion list: other forms (T2,T4,T6 …) stay allowed.
    showErrorMessage: false,
    showInputMessage: true,
    promptTitle: 'Ngày làm việc',
    prompt: 'Ví dụ: T2-T7; T2,T4,T6; Thứ Hai - Thứ Sáu; CN; Hằng ngày',
  });

  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.columns = [{ width: 28 }, { width: 12 }, { width: 90 }, { width: 30 }];
  const intro = [
    'DANH SÁCH NGƯỜI LAO ĐỘNG CẦN ĐI LẠI: HƯỚNG DẪN ĐIỀN',
    `Điền ở trang "${TEMPLATE_SHEET}", mỗi người một dòng, bắt đầu từ dòng 2. Không sửa, không xóa dòng tiêu đề (dòng 1); có thể đổi thứ tự cột.`,
    `Dòng 2 là ví dụ (người không có thật: ${EXAMPLE_PERSON.fullName}); khi tải lên, dòng này được bỏ qua. Hãy xóa nó và điền người thật.`,
    'Cột tô màu cam là bắt buộc; cột màu xanh có thể để trống.',
    'Chỉ nhập giá trị, không dùng công thức (ô bắt đầu bằng =). Không dùng dấu < > trong các ô.',
    'Các cột số giấy tờ, ngày sinh, điện thoại, mã phường/xã và giờ đã định dạng Văn bản (Text) để giữ số 0 ở đầu: khi dán dữ liệu từ nơi khác, dùng "Dán đặc biệt → Chỉ giá trị".',
    `Tối đa ${MAX_DATA_ROWS.toLocaleString('vi-VN')} người và ${MAX_FILE_BYTES / 1024 / 1024} MB mỗi tệp. Lưu dưới dạng Excel (.xlsx) hoặc "CSV UTF-8 (Comma delimited)"; không dùng định dạng .xls cũ.`,
    'Mỗi người chỉ ghi một lần: hai dòng trùng số giấy tờ, hoặc trùng họ tên và ngày sinh, là lỗi.',
  ];
  intro.forEach((line, i) => {
    const row = guide.getRow(i + 1);
    row.getCell(1).value = line;
    if (i === 0) row.getCell(1).font = { bold: true, size: 13 };
  });
  const tableStart = intro.length + 2;
  const head = guide.getRow(tableStart);
  ['Cột', 'Bắt buộc', 'Cách ghi', 'Ví dụ'].forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: OPTIONAL_FILL } };
  });
  STAFF_COLUMNS.forEach((c, i) => {
    const row = guide.getRow(tableStart + 1 + i);
    row.values = [c.header, c.required ? 'Có' : 'Không', c.help, c.example];
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top' };
    row.getCell(2).alignment = { vertical: 'top' };
    row.getCell(4).alignment = { vertical: 'top' };
    row.getCell(4).numFmt = '@';
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function csvField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The same template as CSV: UTF-8 with a BOM (so Excel shows Vietnamese letters), cells
 * separated by ";" as Vietnamese Excel (comma decimal separator) expects, header and the
 * example row.
 */
export function buildStaffTemplateCsv(): Uint8Array {
  const lines = [STAFF_COLUMNS.map((c) => csvField(c.header)), STAFF_COLUMNS.map((c) => csvField(c.example))];
  const text = `\uFEFF${lines.map((l) => l.join(';')).join('\r\n')}\r\n`;
  return new TextEncoder().encode(text);
}
