import { ConfigError, loadConfig } from '../../config.js';
import { startServer } from '../../server.js';
import { parse } from '../args.js';
import { type Command, EXIT, UsageError } from '../io.js';

const USAGE = `Cách dùng: thonghanh serve [--port N] [--no-demo]

Chạy máy chủ: áp dụng các bản di chuyển cơ sở dữ liệu, nạp danh mục đơn vị hành chính,
tạo dữ liệu mẫu (Hà Nội → Long Biên → Đức Giang) nếu cơ sở dữ liệu chưa có tài khoản nào
(trừ khi có --no-demo hoặc NODE_ENV=production), rồi phục vụ API và ứng dụng web.

Biến môi trường: PORT (8080), HOST (0.0.0.0), THONGHANH_DATA_DIR (./data),
DATABASE_URL (postgres://… để dùng PostgreSQL; mặc định SQLite trong thư mục dữ liệu),
PUBLIC_URL (địa chỉ công khai, mã QR in ra trỏ tới đây; mặc định http://localhost:PORT;
https → cookie Secure và Strict-Transport-Security), SMTP_URL, NODE_ENV, LOG_LEVEL.`;

export const serveCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parse(args, { port: { type: 'string' }, 'no-demo': { type: 'boolean' } });
    if (positionals.length > 0) throw new UsageError(`không hiểu: ${positionals.join(' ')}`);
    let config: ReturnType<typeof loadConfig>;
    try {
      config = loadConfig({ ...process.env, ...(values.port !== undefined ? { PORT: values.port } : {}) }, io.cwd);
    } catch (e) {
      if (e instanceof ConfigError) throw new UsageError(e.message);
      throw e;
    }
    const demo = !values['no-demo'] && !config.production;
    const server = await startServer(config, { demo });
    const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL (DATABASE_URL)';
    // Without PUBLIC_URL the address to open is where it listens (PORT=0 picks one).
    io.out(`Thông hành đang chạy: ${config.publicUrlFromEnv ? config.publicUrl : server.listenUrl}`);
    io.out(`Đang lắng nghe: ${server.listenUrl}`);
    io.out(`Cơ sở dữ liệu: ${where}`);
    if (server.demo && server.demo.logins.length > 0) {
      io.out('');
      io.out(
        server.demo.seeded
          ? `Đã tạo dữ liệu mẫu. Mật khẩu chung của các tài khoản mẫu: ${server.demo.password}`
          : `Tài khoản mẫu (mật khẩu chung, nếu chưa đổi: ${server.demo.password}):`,
      );
      const width = Math.max(...server.demo.logins.map((l) => l.username.length));
      for (const l of server.demo.logins) io.out(`  ${l.username.padEnd(width)}  ${l.role}: ${l.note}`);
    }
    io.out('');
    io.out('Nhấn Ctrl+C để dừng.');
    await new Promise<void>((resolve) => {
      const stop = () => {
        io.out('Đang dừng máy chủ…');
        server.close().then(resolve, resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return EXIT.ok;
  },
};
