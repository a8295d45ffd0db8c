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
    const msg = (e as Error).message;
    throw new UsageError(msg.replace(/^Unknown option '(.*)'.*$/s, 'tùy chọn không hợp lệ: $1'));
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
