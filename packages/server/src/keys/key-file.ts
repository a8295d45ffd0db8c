import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A 32-byte secret kept apart from the database: base64 on one line in `<keysDir>/<name>`,
 * mode 0600. With `create`, a missing file is made with 32 random bytes ('wx': an existing
 * key is never overwritten, even when two processes start at once); without it a missing file
 * is `null`. A file readable by others (made by hand, or by a restore) is tightened to 0600.
 */
export function readKeyFile(keysDir: string, name: string, options: { create: boolean }): string | null {
  const path = join(keysDir, name);
  if (options.create) {
    mkdirSync(keysDir, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if ((mode & 0o077) !== 0) chmodSync(path, 0o600);
  return readFileSync(path, 'utf8');
}

/** The name of a key without revealing it: the first 8 bytes of its SHA-256, hex. */
export const keyIdOf = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 16);
