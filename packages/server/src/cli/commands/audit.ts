import { existsSync } from 'node:fs';
import { auditAnchorer } from '../../audit/audit-anchorer.js';
import { AuditKeyError, findAuditKey } from '../../audit/audit-key.js';
import { type ChainBreak, verifyAuditChain } from '../../audit/verify-audit-chain.js';
import { systemClock } from '../../clock.js';
import { migrateOrThrow } from '../../db/migrate.js';
import { parse } from '../args.js';
import { type Command, EXIT, UsageError } from '../io.js';
import { withDatabase } from '../open-database.js';

const USAGE = `Cách dùng: thonghanh audit verify
           thonghanh audit anchor

verify  Kiểm tra nhật ký hệ thống: chuỗi băm, chữ ký của từng dòng (khóa nhật ký
        THONGHANH_AUDIT_KEY hoặc keys/audit.key) và các mốc đã ký trong
        <thư mục dữ liệu>/audit-anchors.log. In một đối tượng JSON
        {"ok","rows","firstBroken"?: {"seq","reason","line"?},"anchors"?,"anchor"?};
        mã thoát 0 khi nhật ký nguyên vẹn, 1 khi có vấn đề (firstBroken là vấn đề đầu tiên).
anchor  Kiểm tra rồi ký mốc cho đầu chuỗi hiện tại (máy chủ tự làm sau mỗi lần ghi;
        dùng sau khi nâng cấp hoặc khôi phục). Không ký khi nhật ký có vấn đề.

Mã lý do (reason): seq_gap, prev_hash_mismatch, hash_mismatch, missing_rows,
signature_mismatch, signature_missing, tail_cut, anchor_mismatch, anchor_forged,
key_missing, key_mismatch.`;

/** The Vietnamese sentence for each stable code (the JSON keeps the code). */
export const BREAK_MESSAGES: Record<ChainBreak, (seq: number, line?: number) => string> = {
  seq_gap: (s) => `thiếu dòng ngay trước dòng ${s} (dòng bị xóa hoặc đánh số lại)`,
  prev_hash_mismatch: (s) => `dòng ${s} không nối với dòng trước`,
  hash_mismatch: (s) => `nội dung dòng ${s} đã bị sửa`,
  missing_rows: (s) => `các dòng từ ${s} trở đi đã bị xóa khỏi cuối nhật ký`,
  signature_mismatch: (s) =>
    `chữ ký của dòng ${s} không khớp khóa nhật ký: dòng đã bị sửa rồi tính lại mã băm (hoặc được ghi không có khóa)`,
  signature_missing: (s) => `dòng ${s} không có chữ ký dù các dòng trước đã được ký`,
  tail_cut: (s) => `mốc đã ký cho biết nhật ký từng dài hơn: các dòng từ ${s} trở đi đã bị cắt khỏi cuối`,
  anchor_mismatch: (s) => `dòng ${s} không phải dòng đã được ký mốc: dòng cũ đã bị thay`,
  anchor_forged: (s, line) =>
    `dòng ${line ?? '?'} của tệp mốc (mốc ${s}) không có chữ ký hợp lệ của khóa nhật ký: mốc giả hoặc bị sửa`,
  key_missing: (s) => `nhật ký đã được ký (từ dòng ${s}) nhưng không có khóa nhật ký để kiểm tra`,
  key_mismatch: () => 'khóa nhật ký đang dùng không phải khóa đã ký nhật ký này',
};

export const auditCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const { positionals } = parse(args, {});
    const sub = positionals[0];
    if ((sub !== 'verify' && sub !== 'anchor') || positionals.length !== 1) {
      throw new UsageError('cần lệnh con "verify" hoặc "anchor"');
    }
    return withDatabase(io, async (db, config) => {
      await migrateOrThrow(db);
      let key: ReturnType<typeof findAuditKey>;
      try {
        key = findAuditKey(config);
      } catch (e) {
        if (e instanceof AuditKeyError) throw new UsageError(e.message);
        throw e;
      }
      const hasAnchors = existsSync(config.auditAnchorsFile);
      const report = await verifyAuditChain(db, {
        key,
        ...(hasAnchors ? { anchorsFile: config.auditAnchorsFile } : {}),
      });
      if (sub === 'verify') io.out(JSON.stringify(report));
      if (report.firstBroken) {
        const { seq, reason, line } = report.firstBroken;
        io.err(`Nhật ký hệ thống có vấn đề (${reason}): ${BREAK_MESSAGES[reason](seq, line)}.`);
        return EXIT.negative;
      }
      if (!hasAnchors && report.rows > 0) {
        io.err(
          `Chưa có tệp mốc ${config.auditAnchorsFile}: không phát hiện được các dòng bị cắt khỏi cuối nhật ký. ` +
            'Chạy "thonghanh audit anchor" (máy chủ cũng tự ký mốc sau mỗi lần ghi).',
        );
      }
      if (sub === 'anchor') {
        const errors: string[] = [];
        const outcome = await auditAnchorer(db, {
          keys: config,
          file: config.auditAnchorsFile,
          clock: systemClock,
          log: (level, message) => level === 'error' && errors.push(message),
        }).flush();
        if (!outcome || errors.length > 0) {
          io.err(`Không ký được mốc: ${errors.join('; ') || 'lỗi không rõ'}.`);
          return EXIT.negative;
        }
        io.out(
          outcome.kind === 'anchored'
            ? `Đã ký mốc cho dòng ${outcome.anchor.seq} vào ${config.auditAnchorsFile}.`
            : `Đầu chuỗi (dòng ${'seq' in outcome ? outcome.seq : 0}) đã có mốc.`,
        );
      }
      return EXIT.ok;
    });
  },
};
