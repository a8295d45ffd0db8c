import type { Config } from './config.js';

/**
 * What start-up says when PUBLIC_URL is not set outside the demo: every printed QR code
 * carries the public address, and the default one (this machine, `localhost`) opens nothing
 * on a checkpoint officer's phone. `null` when there is nothing to say.
 */
export function publicUrlWarning(config: Config, demo: boolean): string[] | null {
  if (demo || config.publicUrlFromEnv) return null;
  return [
    'CẢNH BÁO: chưa đặt PUBLIC_URL.',
    `Mã QR in trên giấy đi đường sẽ trỏ tới ${config.publicUrl}`,
    'và điện thoại ở chốt kiểm soát sẽ không mở được địa chỉ này.',
    'Đặt PUBLIC_URL bằng địa chỉ công khai của máy chủ, ví dụ',
    '  PUBLIC_URL=https://thonghanh.ducgiang.gov.vn',
    'rồi khởi động lại trước khi cấp và in giấy đi đường.',
  ];
}

/** Lines in a box drawn with box-drawing characters, for a message nobody should miss. */
export function boxed(lines: string[]): string {
  const width = Math.max(...lines.map((l) => [...l.normalize('NFC')].length));
  const pad = (l: string) => l + ' '.repeat(width - [...l.normalize('NFC')].length);
  return [`╔${'═'.repeat(width + 2)}╗`, ...lines.map((l) => `║ ${pad(l)} ║`), `╚${'═'.repeat(width + 2)}╝`, ''].join(
    '\n',
  );
}
