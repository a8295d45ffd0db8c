import { resolve } from 'node:path';
import { RestoreError, restoreBackup } from '../../backup/restore-backup.js';
import { parse } from '../args.js';
import { type Command, EXIT, UsageError } from '../io.js';
import { configFrom } from './backup.js';

const USAGE = `Cách dùng: thonghanh restore TỆP.tar.gz [--force] [--no-pg-restore]

Khôi phục một bản sao lưu của "thonghanh backup" vào thư mục dữ liệu (THONGHANH_DATA_DIR) và,
với PostgreSQL, vào cơ sở dữ liệu DATABASE_URL. Kiểm tra toàn bộ tệp trước (tổng kiểm SHA-256
từng mục, manifest): tệp hỏng hoặc thiếu thì từ chối và không ghi gì. Thư mục dữ liệu phải
trống (chưa có cơ sở dữ liệu, tệp tải lên, mốc nhật ký).

--force          khôi phục đè lên dữ liệu có sẵn; dữ liệu cũ được chuyển sang before-restore-…/
--no-pg-restore  PostgreSQL: không chạy pg_restore, chỉ in lệnh.

Khóa chính và khóa nhật ký không nằm trong bản sao lưu (trừ khi sao lưu với --include-keys):
chép chúng vào keys/ trước khi chạy "thonghanh serve" (docs/operations.md).`;

export const restoreCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      force: { type: 'boolean' },
      'no-pg-restore': { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('cần đúng một tên tệp sao lưu');
    const config = configFrom(io);
    try {
      const r = await restoreBackup(config, resolve(io.cwd, positionals[0] as string), {
        force: values.force === true,
        pgRestore: values['no-pg-restore'] ? 'skip' : 'auto',
      });
      io.out(`Đã khôi phục ${r.files} tệp vào ${config.dataDir} (bản sao lưu lúc ${r.manifest.createdAt}).`);
      if (r.movedAside) io.out(`Dữ liệu cũ đã được chuyển sang ${r.movedAside}.`);
      for (const n of r.notes) io.err(`Cần làm tiếp: ${n}`);
      return EXIT.ok;
    } catch (e) {
      if (e instanceof RestoreError) {
        io.err(`Lỗi (${e.problem}): ${e.message}`);
        return EXIT.negative;
      }
      throw e;
    }
  },
};
