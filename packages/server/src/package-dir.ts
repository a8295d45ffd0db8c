import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The server package's folder (the one holding its package.json), found by walking up from
 * this module: the same answer from src/ run by tsx and from any chunk the build writes to
 * dist/, where `import.meta.dirname` has another depth. Shipped files (assets/, the web
 * app's dist/) are reached from here, never by counting `../`.
 */
function findPackageDir(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const SERVER_PACKAGE_DIR = findPackageDir(import.meta.dirname);
