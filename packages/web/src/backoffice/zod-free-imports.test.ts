/**
 * The back office's first load holds no zod: its files take only types from the contract's root
 * and from zod, and values (labels, limits, roles) from the contract's zod-free subpaths
 * (`@thonghanh/contract/dossier-states`, …). A value import from the root would bring zod into
 * the bundle (+26 kB gzip, as in the checkpoint app) without failing any other test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB_SRC = join(import.meta.dirname, '..');
/** What index.html loads: the back office, its words and its help pages. */
const DIRS = ['backoffice', 'i18n', 'help'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the back office imports no zod', () => {
  const files = DIRS.flatMap((d) => sources(join(WEB_SRC, d)));

  it('takes only types from the contract’s root and zod', () => {
    const offending = files.flatMap((file) => {
      const src = readFileSync(file, 'utf8');
      const values = [...src.matchAll(/^(?:import|export) (?!type )[^;]*?from '([^']+)'/gms)].map((m) => m[1]);
      return values
        .filter((from) => from === '@thonghanh/contract' || from === 'zod')
        .map((from) => `${relative(WEB_SRC, file)}: ${from}`);
    });
    expect(offending).toEqual([]);
  });

  it('reads the contract’s labels through a zod-free subpath', () => {
    const vi = readFileSync(join(WEB_SRC, 'i18n', 'vi.ts'), 'utf8');
    expect(vi).toMatch(/from '@thonghanh\/contract\/dossier-states'/);
    expect(files.length).toBeGreaterThan(50);
  });
});
