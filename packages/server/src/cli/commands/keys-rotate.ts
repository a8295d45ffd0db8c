import type { Alg } from '@thonghanh/core';
import { CLI_ACTOR } from '../../audit/append-audit.js';
import { findAdminUnit } from '../../jurisdictions/admin-units-query.js';
import { loadMasterKey, MasterKeyError } from '../../keys/master-key.js';
import { rotateWardKey } from '../../keys/ward-keys.js';
import { parse } from '../args.js';
import { type CliIo, EXIT, UsageError } from '../io.js';
import { withDatabase } from '../open-database.js';

export const KEYS_ROTATE_USAGE = `Cách dùng: thonghanh keys rotate --ward MÃ_PHƯỜNG [--alg EdDSA|ES256]

Thay khóa ký của UBND phường trong cơ sở dữ liệu của máy chủ (DATABASE_URL,
THONGHANH_DATA_DIR): khóa mới (mặc định EdDSA) ký mọi giấy từ nay; khóa cũ được thôi
dùng ngay (notAfter = lúc thay) nhưng vẫn ở trong danh sách tin cậy tới khi giấy nó đã
ký hết hạn. Khóa bí mật được mã hóa bằng khóa chủ (THONGHANH_MASTER_KEY hoặc
<thư mục dữ liệu>/keys/master.key).`;

/** `thonghanh keys rotate --ward CODE [--alg]`: the same rotation as the ward admin's route. */
export async function runKeysRotate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { ward: { type: 'string' }, alg: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`không hiểu: ${positionals.join(' ')}`);
  const ward = values.ward ?? '';
  if (!/^\d{5}$/.test(ward)) throw new UsageError('--ward phải là mã phường/xã 5 chữ số, ví dụ 00124');
  const alg = (values.alg ?? 'EdDSA') as Alg;
  if (alg !== 'EdDSA' && alg !== 'ES256') throw new UsageError('--alg phải là EdDSA hoặc ES256');
  return withDatabase(io, async (db, config) => {
    const unit = await findAdminUnit(db, ward);
    if (unit?.level !== 'ward') {
      io.err(`Lỗi: không có phường/xã mã ${ward} trong danh mục đơn vị hành chính.`);
      return EXIT.negative;
    }
    let master: ReturnType<typeof loadMasterKey>;
    try {
      master = loadMasterKey(config);
    } catch (e) {
      if (e instanceof MasterKeyError) throw new UsageError(e.message);
      throw e;
    }
    const { previous, current } = await db
      .transaction()
      .execute((tx) => rotateWardKey(tx, ward, alg, { master, actor: CLI_ACTOR, now: new Date() }));
    io.out(`Đã thay khóa ký của ${unit.name} (${ward}).`);
    io.out(`Khóa mới: ${current.kid} (${current.alg}), ký từ ${current.not_before}.`);
    io.out(
      previous
        ? `Khóa cũ: ${previous.kid} thôi ký từ ${previous.not_after}; vẫn trong danh sách tin cậy tới khi giấy nó đã ký hết hạn.`
        : 'Phường chưa có khóa nào trước đó.',
    );
    return EXIT.ok;
  });
}
