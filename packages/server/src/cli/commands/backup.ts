import { resolve } from 'node:path';
import { BackupError, createBackup } from '../../backup/create-backup.js';
import { type Config, ConfigError, loadConfig } from '../../config.js';
import { parse } from '../args.js';
import { type CliIo, type Command, EXIT, UsageError } from '../io.js';

const USAGE = `Cách dùng: thonghanh backup TỆP.tar.gz [--include-keys] [--no-pg-dump]

Sao lưu vào một tệp: cơ sở dữ liệu (SQLite: bản sao trực tuyến, máy chủ vẫn chạy được;
PostgreSQL: bản pg_dump khi có pg_dump trên PATH, nếu không thì in lệnh pg_dump cần chạy),
các tệp đã tải lên (uploads/), các mốc đã ký của nhật ký (audit-anchors.log) và manifest.json
(phiên bản, thời điểm, số dòng mỗi bảng, tổng kiểm SHA-256 của từng tệp).

--include-keys  chép cả khóa chính (keys/master.key) và khóa nhật ký (keys/audit.key).
                Mặc định KHÔNG: giữ khóa tách khỏi bản sao lưu dữ liệu (docs/operations.md).
--no-pg-dump    PostgreSQL: không chạy pg_dump, chỉ in lệnh.`;

export function configFrom(io: CliIo): Config {
  try {
    return loadConfig(process.env, io.cwd);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}

export const backupCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      'include-keys': { type: 'boolean' },
      'no-pg-dump': { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('cần đúng một tên tệp sao lưu');
    const config = configFrom(io);
    const out = resolve(io.cwd, positionals[0] as string);
    try {
      const { manifest, warnings } = await createBackup(config, out, {
        includeKeys: values['include-keys'] === true,
        pgDump: values['no-pg-dump'] ? 'skip' : 'auto',
      });
      const rows = Object.values(manifest.database.counts).reduce((a, b) => a + b, 0);
      const uploads = manifest.files.filter((f) => f.path.startsWith('uploads/')).length;
      io.out(`Đã sao lưu vào ${out}`);
      io.out(
        `  cơ sở dữ liệu: ${manifest.database.entry ?? 'KHÔNG có (xem cảnh báo)'}; ${rows.toLocaleString('vi-VN')} dòng; ` +
          `nhật ký đến dòng ${manifest.database.auditHead.seq}`,
      );
      io.out(`  tệp tải lên: ${uploads}; khóa: ${manifest.keysIncluded ? 'CÓ' : 'không'}`);
      for (const w of warnings) io.err(`Lưu ý: ${w}`);
      return EXIT.ok;
    } catch (e) {
      if (e instanceof BackupError) {
        io.err(`Lỗi: ${e.message}`);
        return EXIT.negative;
      }
      throw e;
    }
  },
};
