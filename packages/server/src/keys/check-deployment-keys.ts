import { join } from 'node:path';
import { auditKeyMismatch, auditKeyMissing, findAuditKey } from '../audit/audit-key.js';
import type { Config } from '../config.js';
import type { Executor } from '../db/schema.js';
import { KeyProblemError } from './key-problem-error.js';
import { findMasterKey, MASTER_KEY_FILE } from './master-key.js';

export type DeploymentKeyProblem =
  | 'master_key_missing'
  | 'master_key_mismatch'
  | 'audit_key_missing'
  | 'audit_key_mismatch'
  | 'audit_key_invalid'
  | 'master_key_invalid';

/** The data cannot be used with the keys at hand: printed as is by `serve`, exit 1. */
export class DeploymentKeyError extends KeyProblemError<DeploymentKeyProblem> {
  override name = 'DeploymentKeyError';
}

/**
 * Before anything writes (start-up, after migrations): the keys kept apart from the database
 * must be the ones its data needs. Today a restore without `master.key` would start, make a
 * fresh master key and fail every issuance with a 500; this names the problem instead:
 *
 * - the wards' current signing keys are sealed with `ward_keys.master_key_id`: that master key
 *   must be loadable (THONGHANH_MASTER_KEY or keys/master.key) — and never made afresh here;
 * - the audit log's head names the audit key that signs it (`audit_head.key_id`).
 *
 * Retired ward keys are not checked: they never sign again, and after `thonghanh keys rotate`
 * (the way on when a master key is lost for good) only the new current keys matter.
 */
export async function checkDeploymentKeys(
  db: Executor,
  config: Pick<Config, 'masterKey' | 'keysDir' | 'auditKey'>,
): Promise<void> {
  const sealed = await db
    .selectFrom('ward_current_keys as c')
    .innerJoin('ward_keys as k', 'k.id', 'c.key_id')
    .select(['k.master_key_id', 'k.ward_code'])
    .execute();
  const needed = [...new Set(sealed.map((r) => r.master_key_id))];
  if (needed.length > 0) {
    const where = config.masterKey ? 'THONGHANH_MASTER_KEY' : join(config.keysDir, MASTER_KEY_FILE);
    let master: ReturnType<typeof findMasterKey>;
    try {
      master = findMasterKey(config);
    } catch (e) {
      throw new DeploymentKeyError(
        'master_key_invalid',
        `Không đọc được khóa chính (${where}): ${(e as Error).message}`,
      );
    }
    if (!master) {
      throw new DeploymentKeyError(
        'master_key_missing',
        `Không khởi động được: thiếu khóa chính (master key) ${needed.join(', ')}. ` +
          `Khóa ký của ${sealed.length} phường trong cơ sở dữ liệu được niêm phong bằng khóa này, nhưng không có ` +
          `THONGHANH_MASTER_KEY và không có tệp ${where}. Bản sao lưu dữ liệu không chứa khóa chính (giữ riêng là có chủ ý). ` +
          `Hãy chép tệp master.key từ nơi cất giữ khóa vào ${config.keysDir} (quyền 0600) hoặc đặt THONGHANH_MASTER_KEY, ` +
          'rồi chạy lại. Nếu khóa chính đã mất hẳn: thay khóa ký từng phường (thonghanh keys rotate --ward MÃ); ' +
          'các giấy đã cấp vẫn xác minh được bằng khóa công khai. Xem docs/operations.md.',
      );
    }
    const wrong = sealed.filter((r) => r.master_key_id !== master.id);
    if (wrong.length > 0) {
      throw new DeploymentKeyError(
        'master_key_mismatch',
        `Không khởi động được: khóa chính đang dùng (${master.id}, từ ${where}) không phải khóa đã niêm phong ` +
          `khóa ký của ${wrong.length} phường (cần ${[...new Set(wrong.map((r) => r.master_key_id))].join(', ')}). ` +
          'Thường gặp khi khôi phục dữ liệu mà không mang theo đúng tệp master.key. Hãy đặt lại đúng khóa chính rồi ' +
          'chạy lại. Xem docs/operations.md.',
      );
    }
  }

  const head = await db.selectFrom('audit_head').select('key_id').where('id', '=', 1).executeTakeFirst();
  if (head?.key_id) {
    let key: ReturnType<typeof findAuditKey>;
    try {
      key = findAuditKey(config, { fresh: true });
    } catch (e) {
      throw new DeploymentKeyError('audit_key_invalid', `Không khởi động được: ${(e as Error).message}`);
    }
    if (!key)
      throw new DeploymentKeyError(
        'audit_key_missing',
        `Không khởi động được. ${auditKeyMissing(config, head.key_id).message}`,
      );
    if (key.id !== head.key_id) {
      throw new DeploymentKeyError(
        'audit_key_mismatch',
        `Không khởi động được. ${auditKeyMismatch(config, key, head.key_id).message}`,
      );
    }
  }
}
