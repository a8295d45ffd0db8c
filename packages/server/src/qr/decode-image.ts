import type { Result } from '@thonghanh/core';

/**
 * PLACEHOLDER (to be replaced): decodes every QR code in a PNG or JPEG file, in reading
 * order. Errors: `image_unreadable` (missing file, not PNG/JPEG).
 */
export async function decodeQrImage(path: string, cwd: string): Promise<Result<string[], 'image_unreadable'>> {
  void path;
  void cwd;
  return { ok: false, code: 'image_unreadable', message: 'chưa hỗ trợ đọc ảnh' };
}
