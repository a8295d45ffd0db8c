import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { DEFAULT_PNG_SCALE, MAX_PNG_SCALE, renderQrPng, renderQrSvg } from '../../qr/render.js';
import { QrCapacityError, QUIET_ZONE, qrMatrix } from '../../qr/segments.js';
import { parse } from '../args.js';
import { type Command, EXIT, UsageError } from '../io.js';

const USAGE = `Cách dùng: thonghanh qr --out tệp.png|tệp.svg [--scale N] NỘI_DUNG

Vẽ mã QR của NỘI_DUNG (đặt trong dấu nháy) vào tệp PNG hoặc SVG, theo đuôi tên tệp --out.
Nội dung dạng <URL>/p1#<chữ số> được mã hóa thành hai đoạn (byte và số) như mục 3 của
đặc tả; mức sửa lỗi M, lề trắng 4 ô. --scale: số điểm ảnh mỗi ô của ảnh PNG
(1–${MAX_PNG_SCALE}, mặc định ${DEFAULT_PNG_SCALE}).`;

export const qrCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parse(args, { out: { type: 'string' }, scale: { type: 'string' } });
    if (!values.out) throw new UsageError('thiếu --out (tệp .png hoặc .svg)');
    const ext = extname(values.out).toLowerCase();
    if (ext !== '.png' && ext !== '.svg') {
      throw new UsageError(`--out phải là tệp .png hoặc .svg (nhận "${values.out}")`);
    }
    if (positionals.length !== 1) throw new UsageError('cần đúng một nội dung mã QR (đặt trong dấu nháy)');
    const text = positionals[0] as string;
    if (text.length === 0) throw new UsageError('nội dung mã QR trống');
    let scale: number | undefined;
    if (values.scale !== undefined) {
      if (ext !== '.png') throw new UsageError('--scale chỉ dùng với tệp .png');
      scale = /^[0-9]+$/.test(values.scale) ? Number(values.scale) : Number.NaN;
      if (!(scale >= 1 && scale <= MAX_PNG_SCALE)) {
        throw new UsageError(`--scale phải là số nguyên từ 1 đến ${MAX_PNG_SCALE}`);
      }
    }
    let matrix: ReturnType<typeof qrMatrix>;
    try {
      matrix = qrMatrix(text);
    } catch (e) {
      if (e instanceof QrCapacityError) throw new UsageError(e.message);
      throw e;
    }
    const data = ext === '.png' ? await renderQrPng(text, scale === undefined ? {} : { scale }) : renderQrSvg(text);
    const path = resolve(io.cwd, values.out);
    try {
      writeFileSync(path, data);
    } catch (e) {
      throw new UsageError(`không ghi được tệp ${values.out}: ${(e as Error).message}`);
    }
    const side = matrix.size + 2 * QUIET_ZONE;
    io.out(`Đã ghi ${values.out}: mã QR phiên bản ${matrix.version}, mức sửa lỗi M, ${side}×${side} ô (cả lề).`);
    return EXIT.ok;
  },
};
