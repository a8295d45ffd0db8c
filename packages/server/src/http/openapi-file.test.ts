import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiText } from './openapi-file.js';

describe('docs/openapi.json', () => {
  it('is the document the contract and the routes generate now (run `npm run openapi` after a change)', () => {
    const file = readFileSync(join(import.meta.dirname, '../../../../docs/openapi.json'), 'utf8');
    // Compared as text: a stale file shows the first differing line, not a deep-equal dump.
    const stale = file.split('\n');
    const fresh = openApiText().split('\n');
    const first = fresh.findIndex((line, i) => line !== stale[i]);
    expect(
      first === -1 && stale.length === fresh.length ? null : { line: first + 1, was: stale[first], now: fresh[first] },
    ).toBeNull();
  });
});
