import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './io.js';

type Options = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** node:util parseArgs with every mistake turned into a UsageError with a clear message. */
export function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const { message, code } = e as Error & { code?: string };
    // Node writes English (“Unknown option '--x'. To specify …”): say it in Vietnamese.
    const option = /'(-[^'\s]*)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`tùy chọn không hợp lệ: ${option}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(
        message.includes('argument missing') ? `thiếu giá trị cho ${option}` : `${option} không nhận giá trị`,
      );
    }
    throw new UsageError(message);
  }
}

/** Reads a JSON file named on the command line; a missing or broken file is a usage error. */
export function readJsonFile(path: string, cwd: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch {
    throw new UsageError(`không đọc được ${what}: ${path}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`${what} không phải JSON hợp lệ (${path}): ${(e as Error).message}`);
  }
}
