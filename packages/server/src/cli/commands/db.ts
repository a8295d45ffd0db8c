import { prepareDatabase } from '../../db/prepare-database.js';
import { parse } from '../args.js';
import { type Command, EXIT, UsageError } from '../io.js';
import { withDatabase } from '../open-database.js';

const USAGE = `Cách dùng: thonghanh db migrate

Áp dụng các bản di chuyển cơ sở dữ liệu còn thiếu và nạp danh mục đơn vị hành chính.
Cơ sở dữ liệu: DATABASE_URL (PostgreSQL) hoặc tệp SQLite trong THONGHANH_DATA_DIR (./data).`;

export const dbCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const { positionals } = parse(args, {});
    if (positionals[0] !== 'migrate' || positionals.length !== 1) throw new UsageError('thiếu lệnh con "migrate"');
    return withDatabase(io, async (db) => {
      const { migrations, adminUnitsInserted } = await prepareDatabase(db);
      io.out(migrations.length > 0 ? `Đã áp dụng: ${migrations.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
      if (adminUnitsInserted > 0) io.out(`Đã nạp ${adminUnitsInserted} đơn vị hành chính.`);
      return EXIT.ok;
    });
  },
};
