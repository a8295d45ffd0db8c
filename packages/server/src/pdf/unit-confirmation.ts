import fontkit from '@pdf-lib/fontkit';
import { LineCapStyle, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { QUIET_ZONE, qrMatrix } from '../qr/segments.js';
import { cleanText, faceBytes } from './fonts.js';
import { MM } from './permit-form.js';
import { formatDate, ID_TYPE_LABEL, type PermitPrintData, placeAndDate } from './permit-print-data.js';
import { type PdfSignature, signPdfDocument } from './sign-pdf.js';

/** One person on the unit's approved staff list. */
export interface ConfirmationStaff {
  fullName: string;
  idType: PermitPrintData['idType'];
  idNumber: string;
  position: string;
  routeFrom: string;
  routeTo: string;
}

/** The ward's confirmation ("xác nhận") of a unit's plan and staff list, with the unit QR. */
export interface UnitConfirmationData {
  /** "Đức Giang" or "Phường Đức Giang" (a missing "Phường"/"Xã"/"Thị trấn" is added as "Phường"). */
  wardName: string;
  /** "Long Biên" or "Quận Long Biên" (a missing "Quận"/"Huyện"/"Thị xã"/"Thành phố" is added as "Quận"). */
  districtName: string;
  /** Place of the date line, e.g. "Hà Nội". */
  placeName: string;
  /** Number of the confirmation, e.g. "125/XN-UBND". */
  approvalRef: string;
  /** YYYY-MM-DD */
  approvedOn: string;
  unit: { name: string; taxCode: string; address: string };
  /** YYYY-MM-DD, the approved plan's period. */
  planPeriod: { from: string; to: string };
  staff: ConfirmationStaff[];
  /** The unit credential's QR text (spec §3). */
  unitQrText: string;
  /** E.g. "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"; "\n" starts a new line. */
  signerTitle: string;
  signerName?: string;
  /** The representative's commitment made when submitting (ký cam kết): name and date (YYYY-MM-DD). */
  commitment?: { name: string; on: string };
}

const A4_W = 210 * MM;
const A4_H = 297 * MM;
const ML = 25 * MM;
const MR = 15 * MM;
const MT = 18 * MM;
const MB = 18 * MM;
const CW = A4_W - ML - MR;
const BLACK = rgb(0, 0, 0);

/** Table columns: title, share of the width. */
const COLUMNS: [string, number][] = [
  ['STT', 0.06],
  ['Họ và tên', 0.22],
  ['Số giấy tờ', 0.19],
  ['Chức vụ', 0.14],
  ['Lộ trình', 0.39],
];
const CELL_PAD = 3.5;
const TABLE_SIZE = 9.5;
const TABLE_LEAD = 11.5;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

/**
 * The ward's confirmation of a unit as an A4 PDF: header (district and ward committee, number;
 * national motto, place and date), title XÁC NHẬN, the text confirming the plan and the
 * attached staff list, the unit QR (mã QR của đơn vị) with its caption and the signature block,
 * then the staff list as a table over as many pages as needed, its header row repeated on each
 * page, and page numbers. pdf-lib, subset fonts: a document of hundreds of rows, not thousands
 * per second.
 */
export async function renderUnitConfirmationPdf(data: UnitConfirmationData): Promise<Uint8Array> {
  return (await buildUnitConfirmation(data)).save();
}

/**
 * The same confirmation, digitally signed with the ward's document key (PAdES, see
 * pdf/sign-pdf.ts): what the ward leader's approval hands out.
 */
export async function renderSignedUnitConfirmationPdf(
  data: UnitConfirmationData,
  signature: PdfSignature,
): Promise<Uint8Array> {
  return signPdfDocument(await buildUnitConfirmation(data), signature);
}

async function buildUnitConfirmation(data: UnitConfirmationData): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const f: Fonts = {
    regular: await doc.embedFont(faceBytes('regular'), { subset: true }),
    bold: await doc.embedFont(faceBytes('bold'), { subset: true }),
    italic: await doc.embedFont(faceBytes('italic'), { subset: true }),
  };
  const ward = withPrefix(cleanText(data.wardName), ['phường', 'xã', 'thị trấn'], 'phường');
  const district = withPrefix(cleanText(data.districtName), ['quận', 'huyện', 'thị xã', 'thành phố'], 'quận');
  doc.setTitle(`Xác nhận ${cleanText(data.approvalRef)} – ${cleanText(data.unit.name)}`);
  doc.setLanguage('vi-VN');
  doc.setProducer('Thong hanh');
  doc.setCreator('Thong hanh');

  let page = doc.addPage([A4_W, A4_H]);
  const pages: PDFPage[] = [page];

  // Header: left the committees and the number, right the national motto and the date.
  const leftW = CW * 0.42;
  const rightX = ML + leftW + 8;
  const rightW = CW - leftW - 8;
  let y = A4_H - MT - 10;
  let ly = y;
  for (const line of wrapText(`UBND ${district.toUpperCase()}`, f.regular, 11, leftW)) {
    centre(page, line, f.regular, 11, ML, leftW, ly);
    ly -= 15;
  }
  for (const line of wrapText(`UBND ${ward.toUpperCase()}`, f.bold, 11, leftW)) {
    centre(page, line, f.bold, 11, ML, leftW, ly);
    ly -= 15;
  }
  rule(page, ML + leftW / 2 - 25, ML + leftW / 2 + 25, ly + 8);
  ly -= 7;
  centre(page, `Số: ${cleanText(data.approvalRef)}`, f.regular, 11, ML, leftW, ly);
  centre(
    page,
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    f.bold,
    fitSize('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', f.bold, 11, rightW),
    rightX,
    rightW,
    y,
  );
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  centre(page, motto, f.bold, 12, rightX, rightW, y - 15);
  const mw = f.bold.widthOfTextAtSize(motto, 12);
  rule(page, rightX + (rightW - mw) / 2, rightX + (rightW + mw) / 2, y - 18.5);
  centre(page, placeAndDate(cleanText(data.placeName), data.approvedOn), f.italic, 11, rightX, rightW, y - 38);
  y = Math.min(ly, y - 38) - 40;

  // Title and text.
  centre(page, 'XÁC NHẬN', f.bold, 16, ML, CW, y);
  y -= 18;
  for (const line of wrapText(
    'Kế hoạch sản xuất, kinh doanh đáp ứng yêu cầu phòng, chống dịch và danh sách người lao động cần đi lại',
    f.bold,
    12,
    CW - 40,
  )) {
    centre(page, line, f.bold, 12, ML, CW, y);
    y -= 15;
  }
  y -= 12;
  const unitName = cleanText(data.unit.name);
  const paragraphs: [string, PDFFont][] = [
    [`Ủy ban nhân dân ${ward} xác nhận:`, f.bold],
    [
      `Đơn vị: ${unitName}; mã số thuế: ${cleanText(data.unit.taxCode)}; địa chỉ: ${cleanText(data.unit.address)}.`,
      f.regular,
    ],
    [
      `Đã đăng ký kế hoạch sản xuất, kinh doanh đáp ứng yêu cầu phòng, chống dịch, thời gian thực hiện từ ngày ${formatDate(data.planPeriod.from)} đến ngày ${formatDate(data.planPeriod.to)}, đã được Trạm Y tế ${ward} xác nhận, kèm theo danh sách ${data.staff.length} người lao động cần đi lại dưới đây.`,
      f.regular,
    ],
    [
      'Đơn vị chỉ được cấp giấy đi đường cho người có tên trong danh sách này, theo đúng lộ trình đã đăng ký, không cấp cho người ngoài danh sách; thủ trưởng đơn vị chịu trách nhiệm về mọi giấy đi đường đã cấp.',
      f.regular,
    ],
  ];
  if (data.commitment?.name.trim()) {
    paragraphs.push([
      `Người đại diện đơn vị, ông/bà ${cleanText(data.commitment.name)}, đã ký cam kết khi nộp hồ sơ ngày ${formatDate(data.commitment.on)}.`,
      f.italic,
    ]);
  }
  for (const [text, font] of paragraphs) {
    for (const line of wrapText(text, font, 12, CW)) {
      page.drawText(line, { x: ML, y, size: 12, font, color: BLACK });
      y -= 16;
    }
    y -= 3;
  }

  // Unit QR (left) with its caption, signature block (right).
  const box = 45 * MM;
  y -= 6;
  const qrTop = y;
  drawQr(page, data.unitQrText, ML - 2 * MM, qrTop, box);
  let cy = qrTop - box - 10;
  for (const line of wrapText(
    'Mã QR của đơn vị: quét bằng camera điện thoại hoặc Zalo để kiểm tra xác nhận này',
    f.italic,
    9,
    box,
  )) {
    centre(page, line, f.italic, 9, ML - 2 * MM, box, cy);
    cy -= 11;
  }
  const sigX = ML + box + 20;
  const sigW = A4_W - MR - sigX;
  let sy = qrTop - 14;
  for (const part of data.signerTitle.split('\n')) {
    for (const line of wrapText(cleanText(part).toUpperCase(), f.bold, 12, sigW)) {
      centre(page, line, f.bold, 12, sigX, sigW, sy);
      sy -= 15;
    }
  }
  centre(page, '(Ký, ghi rõ họ tên, đóng dấu)', f.italic, 11, sigX, sigW, sy);
  if (data.signerName?.trim()) centre(page, cleanText(data.signerName), f.bold, 12, sigX, sigW, qrTop - box + 6);
  y = Math.min(cy, qrTop - box) - 26;

  // The staff list.
  const widths = COLUMNS.map(([, share]) => share * CW);
  const newPage = () => {
    page = doc.addPage([A4_W, A4_H]);
    pages.push(page);
    return A4_H - MT;
  };
  if (y < MB + 120) y = newPage();
  for (const line of wrapText('DANH SÁCH NGƯỜI LAO ĐỘNG CẦN ĐI LẠI', f.bold, 12, CW)) {
    centre(page, line, f.bold, 12, ML, CW, y);
    y -= 15;
  }
  centre(
    page,
    `(Kèm theo xác nhận số ${cleanText(data.approvalRef)} ngày ${formatDate(data.approvedOn)} của UBND ${ward})`,
    f.italic,
    10.5,
    ML,
    CW,
    y,
  );
  y -= 12;
  const header = COLUMNS.map(([title], i) => wrapText(title, f.bold, TABLE_SIZE, (widths[i] as number) - 2 * CELL_PAD));
  y = drawRow(page, header, f.bold, widths, y, true);
  data.staff.forEach((s, i) => {
    const cells = [
      `${i + 1}`,
      cleanText(s.fullName),
      `${cleanText(s.idNumber)} (${ID_TYPE_LABEL[s.idType] ?? s.idType})`,
      cleanText(s.position),
      `Từ ${cleanText(s.routeFrom)} đến ${cleanText(s.routeTo)}`,
    ].map((text, c) => wrapText(text, f.regular, TABLE_SIZE, (widths[c] as number) - 2 * CELL_PAD));
    if (y - rowHeight(cells) < MB + 14) {
      y = newPage();
      y = drawRow(page, header, f.bold, widths, y, true);
    }
    y = drawRow(page, cells, f.regular, widths, y, false);
  });

  pages.forEach((p, i) => {
    centre(p, `Trang ${i + 1}/${pages.length}`, f.regular, 9, ML, CW, MB - 8);
  });
  return doc;
}

/** "Đức Giang" → "phường Đức Giang"; "Phường Đức Giang" → "phường Đức Giang" (for use in a sentence). */
function withPrefix(name: string, prefixes: string[], add: string): string {
  const lower = name.toLocaleLowerCase('vi');
  const p = prefixes.find((p) => lower.startsWith(`${p} `));
  return p ? p + name.slice(p.length) : `${add} ${name}`;
}

function rowHeight(cells: string[][]): number {
  return Math.max(...cells.map((c) => c.length)) * TABLE_LEAD + 2 * CELL_PAD - (TABLE_LEAD - TABLE_SIZE) + 2;
}

/** Draws one table row with its top at y; returns its bottom. */
function drawRow(
  page: PDFPage,
  cells: string[][],
  font: PDFFont,
  widths: number[],
  y: number,
  header: boolean,
): number {
  const h = rowHeight(cells);
  let x = ML;
  if (header) page.drawRectangle({ x: ML, y: y - h, width: CW, height: h, color: rgb(0.92, 0.92, 0.92) });
  cells.forEach((lines, c) => {
    const w = widths[c] as number;
    lines.forEach((line, i) => {
      const ty = y - CELL_PAD - TABLE_SIZE * 0.85 - i * TABLE_LEAD;
      if (header || c === 0) centre(page, line, font, TABLE_SIZE, x, w, ty);
      else page.drawText(line, { x: x + CELL_PAD, y: ty, size: TABLE_SIZE, font, color: BLACK });
    });
    page.drawRectangle({ x, y: y - h, width: w, height: h, borderColor: BLACK, borderWidth: 0.5 });
    x += w;
  });
  return y - h;
}

function centre(page: PDFPage, text: string, font: PDFFont, size: number, x: number, w: number, y: number): void {
  page.drawText(text, { x: x + (w - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color: BLACK });
}

function rule(page: PDFPage, x1: number, x2: number, y: number): void {
  page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness: 0.6, color: BLACK, lineCap: LineCapStyle.Butt });
}

function fitSize(text: string, font: PDFFont, max: number, width: number): number {
  let size = max;
  while (size > 6 && font.widthOfTextAtSize(text, size) > width) size -= 0.25;
  return size;
}

/** Greedy line breaking at spaces; a word wider than the line is broken between characters. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of cleanText(text).split(' ')) {
    if (word === '') continue;
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const ch of word) {
      if (line && font.widthOfTextAtSize(line + ch, size) > width) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** The QR code as filled vector rectangles (runs of dark modules), its box's top-left at (x, top). */
export function drawQr(page: PDFPage, text: string, x: number, top: number, box: number): void {
  const { size, modules } = qrMatrix(text);
  const module = box / (size + 2 * QUIET_ZONE);
  let d = '';
  for (let r = 0; r < size; r++) {
    let c = 0;
    while (c < size) {
      if (!modules[r * size + c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < size && modules[r * size + c]) c++;
      d += `M${start + QUIET_ZONE} ${r + QUIET_ZONE}h${c - start}v1h${start - c}z`;
    }
  }
  page.drawSvgPath(d, { x, y: top, scale: module, color: BLACK });
}
