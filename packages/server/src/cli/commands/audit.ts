import { verifyAuditChain } from '../../audit/verify-audit-chain.js';
import { migrateOrThrow } from '../../db/migrate.js';
import { parse } from '../args.js';
import { type Command, EXIT, UsageError } from '../io.js';
import { withDatabase } from '../open-database.js';

const USAGE = `Cách dùng: thonghanh audit verify

Kiểm tra chuỗi băm của nhật ký kiểm tra. In một đối tượng JSON
{"ok","rows","firstBroken"?: {"seq","reason"}}; mã thoát 0 khi chuỗi nguyên vẹn, 1 khi có
dòng bị sửa, xóa hoặc chèn (firstBroken là dòng hỏng đầu tiên).`;

const REASONS: Record<string, string> = {
  seq_gap: 'thiếu dòng ngay trước dòng này',
  prev_hash_mismatch: 'không nối với dòng trước',
  hash_mismatch: 'nội dung dòng đã bị sửa',
  missing_rows: 'các dòng cuối đã bị xóa',
};

export const auditCommand: Command = {
  summary: 'kiểm tra chuỗi băm của nhật ký kiểm tra (audit verify)',
  usage: USAGE,
  async run(args, io) {
    const { positionals } = parse(args, {});
    if (positionals[0] !== 'verify' || positionals.length !== 1) throw new UsageError('thiếu lệnh con "verify"');
    return withDatabase(io, async (db) => {
      await migrateOrThrow(db);
      const report = await verifyAuditChain(db);
      io.out(JSON.stringify(report));
      if (report.firstBroken) {
        io.err(`Nhật ký bị hỏng tại dòng ${report.firstBroken.seq}: ${REASONS[report.firstBroken.reason]}.`);
      }
      return report.ok ? EXIT.ok : EXIT.negative;
    });
  },
};
