import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { faceBytes } from '../packages/server/src/pdf/fonts.js';
import { A5_H, A5_W, MM } from '../packages/server/src/pdf/permit-form.js';
import {
  DEFAULT_VERIFY_CAPTION,
  formatDate,
  formatSchedule,
  ID_TYPE_LABEL,
  type PermitPrintData,
  placeAndDate,
} from '../packages/server/src/pdf/permit-print-data.js';
import { renderQrPng } from '../packages/server/src/qr/render.js';

/**
 * The benchmark baseline (bench/bulk-pdf.ts): the same form made the straightforward way, one
 * pdf-lib document held in memory and saved at the end, fonts embedded as subsets, text drawn
 * with pdf-lib's own wrapping, and the QR code as a PNG image per page (`renderQrPng`, which
 * builds the matrix with the `qrcode` package scoring all eight masks). A5 only. Not for
 * production: memory grows with the number of permits and it manages tens of pages a second.
 */
export async function renderPermitsPdfNaive(
  permits: AsyncIterable<PermitPrintData> | Iterable<PermitPrintData>,
  opts: { onProgress?: (done: number) => void } = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(faceBytes('regular'), { subset: true });
  const bold = await doc.embedFont(faceBytes('bold'), { subset: true });
  const italic = await doc.embedFont(faceBytes('italic'), { subset: true });
  doc.setTitle('Giấy đi đường');
  const left = 14 * MM;
  const width = A5_W - left - 12 * MM;
  const leftCol = width * 0.42;
  const rightX = left + leftCol + 6;
  const rightW = width - leftCol - 6;
  let done = 0;
  for await (const p of permits) {
    const page = doc.addPage([A5_W, A5_H]);
    const centre = (text: string, font: PDFFont, size: number, x: number, w: number, y: number) =>
      page.drawText(text, { x: x + (w - font.widthOfTextAtSize(text, size)) / 2, y, size, font });
    let y = A5_H - 10 * MM - 8;
    centre(p.unitName.normalize('NFC').toUpperCase(), bold, 8, left, leftCol, y);
    centre(`Số: ${p.serial.normalize('NFC')}`, regular, 9, left, leftCol, y - 24);
    centre('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold, 8, rightX, rightW, y);
    centre('Độc lập - Tự do - Hạnh phúc', bold, 9, rightX, rightW, y - 11.5);
    centre(placeAndDate(p.placeName.normalize('NFC'), p.issuedOn), italic, 8.5, rightX, rightW, y - 29);
    y -= 70;
    centre('GIẤY ĐI ĐƯỜNG', bold, 15, left, width, y);
    y -= 24;
    y = para(page, p.legalBasis, italic, 10, left, y, width);
    const fields: [string, string][] = [
      ['Cấp cho Ông/Bà', p.holder],
      ['Số CMND/CCCD/Hộ chiếu', `${p.idNumber} (${ID_TYPE_LABEL[p.idType]})`],
      ['Chức vụ', p.position ?? '–'],
      ['Nơi làm việc', p.workplace],
      ['Nơi ở', p.residence],
      ['Lý do', p.purpose],
      ['Lộ trình', `từ ${p.routeFrom} đến ${p.routeTo}`],
      ['Thời gian làm việc', formatSchedule(p.schedule)],
      ['Thời hạn', `từ ngày ${formatDate(p.validFrom)} đến ngày ${formatDate(p.validTo)}`],
    ];
    for (const [label, value] of fields) y = para(page, `${label}: ${value}`, regular, 11, left, y - 3, width);
    const png = await doc.embedPng(await renderQrPng(p.qrText, { scale: 4 })); // 4 px per module
    const box = 48 * MM;
    const boxX = left - 2 * MM;
    const boxY = 8 * MM + 29;
    page.drawImage(png, { x: boxX, y: boxY, width: box, height: box });
    page.drawText((p.verifyCaption ?? DEFAULT_VERIFY_CAPTION).normalize('NFC'), {
      x: left,
      y: boxY - 8,
      size: 7,
      font: italic,
      maxWidth: box - 4 * MM,
      lineHeight: 8.6,
      color: rgb(0, 0, 0),
    });
    const sigX = boxX + box + 8;
    const sigW = A5_W - 12 * MM - sigX;
    centre(p.signerTitle.normalize('NFC').toUpperCase(), bold, 10, sigX, sigW, boxY + box - 14);
    centre('(Ký, ghi rõ họ tên, đóng dấu)', italic, 8.5, sigX, sigW, boxY + box - 26);
    if (p.signerName) centre(p.signerName.normalize('NFC'), bold, 10.5, sigX, sigW, boxY + 22);
    opts.onProgress?.(++done);
  }
  return doc.save();
}

/** Draws a wrapped paragraph; returns the baseline below its last line. */
function para(page: PDFPage, text: string, font: PDFFont, size: number, x: number, y: number, width: number): number {
  const lead = size * 1.32;
  const space = font.widthOfTextAtSize(' ', size);
  let line = '';
  let lineWidth = 0;
  let lines = 0;
  for (const word of text.normalize('NFC').split(' ')) {
    const w = font.widthOfTextAtSize(word, size);
    if (line && lineWidth + space + w > width) {
      page.drawText(line, { x, y: y - lines * lead, size, font });
      lines++;
      line = word;
      lineWidth = w;
    } else if (line) {
      line = `${line} ${word}`;
      lineWidth += space + w;
    } else {
      line = word;
      lineWidth = w;
    }
  }
  if (line) {
    page.drawText(line, { x, y: y - lines * lead, size, font });
    lines++;
  }
  return y - lines * lead;
}
