/**
 * Every command of `thonghanh`: its one-line summary and how to load it. Commands load
 * lazily (a dynamic import each) so that `thonghanh --help` loads none and `thonghanh verify`
 * does not load the server, the PDF or the Excel code. The build turns each import into its
 * own chunk (packages/server/build.mjs).
 */
import type { Command } from './io.js';

export interface CommandEntry {
  /** One line for the help listing. */
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  keys: {
    summary: 'tạo khóa ký của UBND phường (keys generate), thay khóa ký trên máy chủ (keys rotate)',
    load: async () => (await import('./commands/keys.js')).keysCommand,
  },
  sign: {
    summary: 'ký claims, in nội dung mã QR',
    load: async () => (await import('./commands/sign.js')).signCommand,
  },
  verify: {
    summary: 'xác minh mã QR (nội dung hoặc ảnh), in kết luận JSON',
    load: async () => (await import('./commands/verify.js')).verifyCommand,
  },
  qr: {
    summary: 'vẽ mã QR ra tệp PNG hoặc SVG',
    load: async () => (await import('./commands/qr.js')).qrCommand,
  },
  serve: {
    summary: 'chạy máy chủ (API, ứng dụng web; dữ liệu mẫu nếu cơ sở dữ liệu trống)',
    load: async () => (await import('./commands/serve.js')).serveCommand,
  },
  db: {
    summary:
      'áp dụng các bản di chuyển cơ sở dữ liệu (db migrate); tính lại dữ liệu tổng hợp từ nhật ký quét (db rebuild-scan-facts)',
    load: async () => (await import('./commands/db.js')).dbCommand,
  },
  users: {
    summary: 'tạo tài khoản để khởi tạo hệ thống (users create)',
    load: async () => (await import('./commands/users.js')).usersCommand,
  },
  audit: {
    summary: 'kiểm tra và ký mốc nhật ký hệ thống (audit verify | anchor)',
    load: async () => (await import('./commands/audit.js')).auditCommand,
  },
  staff: {
    summary: 'kiểm tra tệp danh sách người lao động (staff validate), tạo tệp mẫu (staff template)',
    load: async () => (await import('./commands/staff.js')).staffCommand,
  },
  permits: {
    summary: 'in giấy đi đường của một doanh nghiệp ra PDF (permits print)',
    load: async () => (await import('./commands/permits.js')).permitsCommand,
  },
  backup: {
    summary: 'sao lưu cơ sở dữ liệu, tệp tải lên và mốc nhật ký vào một tệp (backup TỆP)',
    load: async () => (await import('./commands/backup.js')).backupCommand,
  },
  restore: {
    summary: 'khôi phục một bản sao lưu vào thư mục dữ liệu trống (restore TỆP)',
    load: async () => (await import('./commands/restore.js')).restoreCommand,
  },
};
