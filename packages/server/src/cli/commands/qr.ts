import { type Command, UsageError } from '../io.js';

/** PLACEHOLDER (to be replaced): renders a QR text as PNG or SVG. */
export const qrCommand: Command = {
  summary: 'vẽ mã QR ra tệp PNG hoặc SVG',
  usage: 'Cách dùng: thonghanh qr --out tệp.png|tệp.svg NỘI_DUNG',
  async run() {
    throw new UsageError('chưa hỗ trợ');
  },
};
