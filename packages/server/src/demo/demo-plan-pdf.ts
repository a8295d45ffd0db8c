import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';

const require = createRequire(import.meta.url);

let cached: Promise<Uint8Array> | undefined;

/**
 * The demo's plan file: a one-page A4 PDF, in Vietnamese (Be Vietnam Pro, subset), saying
 * it is sample data. Made once per process and stored for every demo dossier.
 */
export function demoPlanPdf(): Promise<Uint8Array> {
  cached ??= build();
  return cached;
}

async function build(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(
    readFileSync(require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf')),
    { subset: true },
  );
  const bold = await doc.embedFont(
    readFileSync(require.resolve('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf')),
    { subset: true },
  );
  doc.setTitle('Kế hoạch sản xuất, kinh doanh đảm bảo phòng, chống dịch (dữ liệu mẫu)');
  const page = doc.addPage([595.28, 841.89]);
  const lines: Array<[string, boolean, number]> = [
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true, 12],
    ['Độc lập – Tự do – Hạnh phúc', false, 12],
    ['', false, 12],
    ['KẾ HOẠCH SẢN XUẤT, KINH DOANH', true, 15],
    ['ĐẢM BẢO PHÒNG, CHỐNG DỊCH COVID-19', true, 15],
    ['', false, 12],
    ['1. Bố trí sản xuất theo phương án "3 tại chỗ" hoặc "1 cung đường 2 điểm đến".', false, 11],
    ['2. Người lao động đi lại theo đúng lộ trình và thời gian làm việc đã đăng ký.', false, 11],
    ['3. Đo thân nhiệt, khai báo y tế, khử khuẩn hằng ngày; giữ khoảng cách 2 mét.', false, 11],
    ['4. Thủ trưởng đơn vị chịu trách nhiệm về giấy đi đường đã cấp.', false, 11],
    ['', false, 11],
    ['Kèm theo: danh sách người lao động cần đi lại.', false, 11],
    ['', false, 11],
    ['TÀI LIỆU MẪU CỦA BẢN TRÌNH DIỄN — không có giá trị pháp lý.', true, 11],
  ];
  let y = 780;
  for (const [text, isBold, size] of lines) {
    const f = isBold ? bold : font;
    const width = f.widthOfTextAtSize(text, size);
    const centred = size >= 12;
    page.drawText(text, { x: centred ? (595.28 - width) / 2 : 60, y, size, font: f, color: rgb(0.1, 0.1, 0.1) });
    y -= size * 1.8;
  }
  return doc.save({ useObjectStreams: true });
}
