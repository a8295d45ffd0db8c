import { KeyProblemError } from '../keys/key-problem-error.js';
import { COMMANDS } from './commands.js';
import { type CliIo, EXIT, processIo, UsageError } from './io.js';

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
  const entry = COMMANDS[name];
  if (!entry) {
    io.err(`Lỗi: không có lệnh "${name}".\n\n${helpText()}`);
    return EXIT.usage;
  }
  const command = await entry.load();
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
    if (e instanceof KeyProblemError) {
      io.err(`Lỗi (${e.problem}): ${e.message}`);
      return EXIT.negative;
    }
    throw e;
  }
}
