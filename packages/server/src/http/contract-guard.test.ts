import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

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
  it('no route file builds zod schemas of its own', () => {
    const local = routeFiles.filter((f) => /from 'zod'/.test(readFileSync(join(SRC, f), 'utf8')));
    expect(local).toEqual([]);
  });

  it('every route file that validates anything imports @thonghanh/contract', () => {
    const validating = routeFiles.filter((f) =>
      /^\s+(params|query|body|response):/m.test(readFileSync(join(SRC, f), 'utf8')),
    );
    expect(validating.length).toBeGreaterThanOrEqual(20);
    for (const f of validating) expect(readFileSync(join(SRC, f), 'utf8'), f).toContain("from '@thonghanh/contract'");
  });
});
