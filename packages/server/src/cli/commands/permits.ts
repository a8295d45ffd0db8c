import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { renderPermitsPdf } from '../../pdf/render-permits.js';
import { printData } from '../../permits/permit-print.js';
import { countPermits, PERMIT_STATES, type PermitState, permitPages } from '../../permits/permit-query.js';
import { parse } from '../args.js';
import { type Command, EXIT, UsageError } from '../io.js';
import { withDatabase } from '../open-database.js';

const USAGE = `Cách dùng: thonghanh permits print --business MÃ_SỐ_THUẾ --out TỆP.pdf
           [--layout A5|A4x2] [--status active|revoked|expired]

In các giấy đi đường của một doanh nghiệp (mặc định: giấy còn hiệu lực) thành một PDF theo
mẫu của Thành phố, theo thứ tự số giấy: A5 (mặc định) một giấy một trang, A4x2 hai giấy
trên một trang A4. Đọc cơ sở dữ liệu của máy chủ (DATABASE_URL, THONGHANH_DATA_DIR) từng
trang và ghi PDF dần ra tệp: bộ nhớ không tăng theo số giấy. Không ghi đè tệp đã có.`;

export const permitsCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      business: { type: 'string' },
      out: { type: 'string' },
      layout: { type: 'string' },
      status: { type: 'string' },
    });
    if (positionals[0] !== 'print' || positionals.length !== 1) throw new UsageError('thiếu lệnh con "print"');
    const taxCode = values.business?.trim();
    if (!taxCode) throw new UsageError('thiếu --business (mã số thuế của doanh nghiệp)');
    if (!values.out) throw new UsageError('thiếu --out (tệp PDF sẽ ghi)');
    const layout = values.layout ?? 'A5';
    if (layout !== 'A5' && layout !== 'A4x2') throw new UsageError('--layout phải là A5 hoặc A4x2');
    const state = (values.status ?? 'active') as PermitState;
    if (!PERMIT_STATES.includes(state)) throw new UsageError('--status phải là active, revoked hoặc expired');
    const out = resolve(io.cwd, values.out);
    return withDatabase(io, async (db) => {
      const business = await db
        .selectFrom('businesses')
        .select(['id', 'name'])
        .where('tax_code', '=', taxCode)
        .executeTakeFirst();
      if (!business) {
        io.err(`Lỗi: không có doanh nghiệp mã số thuế ${taxCode}.`);
        return EXIT.negative;
      }
      const filter = { businessId: business.id, state, now: new Date() };
      const count = await countPermits(db, filter);
      let file: ReturnType<typeof createWriteStream>;
      try {
        file = createWriteStream(out, { flags: 'wx' });
        await new Promise<void>((ok, fail) => file.once('open', () => ok()).once('error', fail));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new UsageError(
          code === 'EEXIST'
            ? `tệp ${values.out} đã có, không ghi đè`
            : `không ghi được ${values.out}: ${(e as Error).message}`,
        );
      }
      const started = Date.now();
      const result = await renderPermitsPdf(printData(db, permitPages(db, filter)), file, {
        layout,
        title: business.name,
      });
      file.end();
      await finished(file);
      const seconds = (Date.now() - started) / 1000;
      io.out(
        `Đã in ${result.permits} giấy đi đường của ${business.name} (${count} giấy, ${result.pages} trang ${layout}) vào ${values.out}: ${Math.round(result.bytes / 1024)} KB trong ${seconds.toFixed(1)} giây.`,
      );
      return EXIT.ok;
    });
  },
};
