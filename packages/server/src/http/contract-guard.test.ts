import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

/**
 * Route files whose request and response schemas are not in packages/contract yet. Shrink
 * this list as they move; a new route file must import its schemas from the contract.
 */
const NOT_MOVED_YET = ['staff/list/routes.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const routeFiles = sourceFiles(SRC)
  .filter((f) => readFileSync(f, 'utf8').includes('defineRoute({'))
  .map((f) => relative(SRC, f).replaceAll('\\', '/'))
  .filter((f) => f !== 'http/route.ts') // defines defineRoute (and shows it in a comment)
  .sort();

describe('route files take their schemas from the contract', () => {
  it('no route file outside the allow-list builds zod schemas of its own', () => {
    const local = routeFiles.filter((f) => /from 'zod'/.test(readFileSync(join(SRC, f), 'utf8')));
    expect(local.filter((f) => !NOT_MOVED_YET.includes(f))).toEqual([]);
  });

  it('the allow-list names only route files not moved yet (moved ones leave it)', () => {
    const stillLocal = NOT_MOVED_YET.filter((f) => {
      try {
        const text = readFileSync(join(SRC, f), 'utf8');
        return /from 'zod'/.test(text) || !text.includes("from '@thonghanh/contract'");
      } catch {
        return false;
      }
    });
    expect(stillLocal).toEqual(NOT_MOVED_YET);
  });

  it('the route files that moved, and validate anything, import @thonghanh/contract', () => {
    const moved = routeFiles.filter(
      (f) =>
        !NOT_MOVED_YET.includes(f) && /^\s+(params|query|body|response):/m.test(readFileSync(join(SRC, f), 'utf8')),
    );
    expect(moved.length).toBeGreaterThanOrEqual(8);
    for (const f of moved) expect(readFileSync(join(SRC, f), 'utf8'), f).toContain("from '@thonghanh/contract'");
  });
});
