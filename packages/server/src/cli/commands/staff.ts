import { readFileSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { readAdminUnitsFile } from '../../jurisdictions/read-admin-units-file.js';
import {
  buildStaffTemplateCsv,
  buildStaffTemplateXlsx,
  importStaffFile,
  MAX_DATA_ROWS,
  MAX_FILE_BYTES,
} from '../../staff/import/index.js';
import { parse } from '../args.js';
import { type CliIo, type Command, EXIT, UsageError } from '../io.js';

const USAGE = `Cách dùng: thonghanh staff validate TỆP.xlsx|TỆP.csv
           thonghanh staff template --out TỆP.xlsx|TỆP.csv

validate  Đọc và kiểm tra danh sách người lao động (Excel .xlsx, hoặc CSV UTF-8 phân cách
          bằng dấu phẩy, chấm phẩy hoặc tab), như khi tải lên; in một dòng JSON
          {"rows","valid","errors","warnings"}, mỗi vấn đề {"row","field","code","message"}
          (row: số dòng trong bảng tính, dòng tiêu đề là dòng 1; 0: cả tệp).
          Mã phường/xã được đối chiếu với danh mục đơn vị hành chính kèm theo máy chủ.
          Tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB và ${MAX_DATA_ROWS.toLocaleString('vi-VN')} người mỗi tệp.
          Mã thoát: 0 khi không có lỗi, 1 khi có lỗi, 2 khi gọi lệnh sai.
template  Ghi tệp mẫu để điền danh sách: Excel (.xlsx, kèm trang "Hướng dẫn") hoặc CSV UTF-8,
          theo đuôi tên tệp --out. Không ghi đè tệp đã có.`;

let wardCodes: Set<string> | null = null;

/** Ward codes of the administrative units list shipped with the server. */
function shippedWardCodes(): Set<string> {
  wardCodes ??= new Set(
    readAdminUnitsFile()
      .filter((u) => u.level === 'ward')
      .map((u) => u.code),
  );
  return wardCodes;
}

async function validate(positionals: string[], io: CliIo): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('cần đúng một tệp danh sách người lao động (.xlsx hoặc .csv)');
  const file = positionals[0] as string;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolve(io.cwd, file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'không có tệp này'
        : code === 'EISDIR'
          ? 'đây là thư mục, không phải tệp'
          : code === 'EACCES'
            ? 'không có quyền đọc'
            : (e as Error).message;
    throw new UsageError(`không đọc được tệp danh sách ${file}: ${why}`);
  }
  const codes = shippedWardCodes();
  const result = await importStaffFile(bytes, { wardExists: (code) => codes.has(code) });
  io.out(JSON.stringify({ rows: result.rows, valid: result.valid, errors: result.errors, warnings: result.warnings }));
  return result.errors.length === 0 ? EXIT.ok : EXIT.negative;
}

async function template(out: string | undefined, io: CliIo): Promise<number> {
  if (!out) throw new UsageError('thiếu --out (tệp .xlsx hoặc .csv)');
  const ext = extname(out).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new UsageError(`--out phải là tệp .xlsx hoặc .csv (nhận "${out}")`);
  const data = ext === '.xlsx' ? await buildStaffTemplateXlsx() : buildStaffTemplateCsv();
  try {
    writeFileSync(resolve(io.cwd, out), data, { flag: 'wx' });
  } catch (e) {
    const exists = (e as NodeJS.ErrnoException).code === 'EEXIST';
    throw new UsageError(
      exists ? `tệp ${out} đã có; chọn tên khác để không ghi đè` : `không ghi được tệp ${out}: ${(e as Error).message}`,
    );
  }
  io.out(`Đã ghi tệp mẫu danh sách người lao động: ${out}`);
  return EXIT.ok;
}

export const staffCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parse(args, { out: { type: 'string' } });
    const [sub, ...rest] = positionals;
    if (sub === 'validate') {
      if (values.out !== undefined) throw new UsageError('--out chỉ dùng với "staff template"');
      return validate(rest, io);
    }
    if (sub === 'template') {
      if (rest.length > 0) throw new UsageError('"staff template" chỉ nhận --out TỆP');
      return template(values.out, io);
    }
    throw new UsageError(sub === undefined ? 'thiếu lệnh con: validate hoặc template' : `không có lệnh con "${sub}"`);
  },
};
