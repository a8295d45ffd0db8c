import { AuditKeyError } from '../audit/audit-key.js';
import { DeploymentKeyError } from '../keys/check-deployment-keys.js';
import { auditCommand } from './commands/audit.js';
import { backupCommand } from './commands/backup.js';
import { dbCommand } from './commands/db.js';
import { keysCommand } from './commands/keys.js';
import { permitsCommand } from './commands/permits.js';
import { qrCommand } from './commands/qr.js';
import { restoreCommand } from './commands/restore.js';
import { serveCommand } from './commands/serve.js';
import { signCommand } from './commands/sign.js';
import { staffCommand } from './commands/staff.js';
import { usersCommand } from './commands/users.js';
import { verifyCommand } from './commands/verify.js';
import { type CliIo, type Command, EXIT, processIo, UsageError } from './io.js';

/** Every command of `thonghanh`, by name. */
export const COMMANDS: Record<string, Command> = {
  keys: keysCommand,
  sign: signCommand,
  verify: verifyCommand,
  qr: qrCommand,
  serve: serveCommand,
  db: dbCommand,
  users: usersCommand,
  audit: auditCommand,
  staff: staffCommand,
  permits: permitsCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

export function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'thonghanh: giấy đi đường có mã QR ký số (Thông hành)',
    '',
    'Cách dùng: thonghanh <lệnh> [tùy chọn]',
    '',
    'Lệnh:',
    ...lines,
    '',
    'Xem hướng dẫn từng lệnh: thonghanh <lệnh> --help',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    // Called wrongly: like every usage error, on stderr with exit 2 (stdout stays clean).
    io.err(`Lỗi: thiếu tên lệnh.\n\n${helpText()}`);
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Lỗi: không có lệnh "${name}".\n\n${helpText()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`Lỗi: ${e.message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    // The data and the keys kept apart from it do not match: say which and what to do, no stack.
    if (e instanceof DeploymentKeyError || e instanceof AuditKeyError) {
      io.err(`Lỗi (${e.problem}): ${e.message}`);
      return EXIT.negative;
    }
    throw e;
  }
}
