import { prepareDatabase } from '../../db/prepare-database.js';
import { rebuildScanFacts } from '../../inspection/scan-facts.js';
import { parse } from '../args.js';
import { type Command, EXIT, UsageError } from '../io.js';
import { withDatabase } from '../open-database.js';

const USAGE = `Cách dùng: thonghanh db migrate
       thonghanh db rebuild-scan-facts

migrate: áp dụng các bản di chuyển cơ sở dữ liệu còn thiếu và nạp danh mục đơn vị hành chính.
rebuild-scan-facts: tính lại từ nhật ký quét các bảng tổng hợp (số lượt quét theo giờ, theo
đơn vị và ngày, cặp lượt quét gần nhau, lần quét đầu và cuối của mỗi giấy), trong một giao dịch.
Cơ sở dữ liệu: DATABASE_URL (PostgreSQL) hoặc tệp SQLite trong THONGHANH_DATA_DIR (./data).`;

export const dbCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const { positionals } = parse(args, {});
    if (positionals[0] === 'rebuild-scan-facts' && positionals.length === 1) {
      return withDatabase(io, async (db) => {
        const t0 = performance.now();
        await db.transaction().execute((tx) => rebuildScanFacts(tx));
        io.out(`Đã tính lại dữ liệu tổng hợp từ nhật ký quét (${Math.round(performance.now() - t0)} ms).`);
        return EXIT.ok;
      });
    }
    if (positionals[0] !== 'migrate' || positionals.length !== 1)
      throw new UsageError('thiếu lệnh con "migrate" hoặc "rebuild-scan-facts"');
    return withDatabase(io, async (db) => {
      const { migrations, adminUnitsInserted } = await prepareDatabase(db);
      io.out(migrations.length > 0 ? `Đã áp dụng: ${migrations.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
      if (adminUnitsInserted > 0) io.out(`Đã nạp ${adminUnitsInserted} đơn vị hành chính.`);
      return EXIT.ok;
    });
  },
};
