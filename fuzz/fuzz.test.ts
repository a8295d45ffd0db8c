/**
 * A short, seeded run of every fuzzed path inside `npm test` (`npm run fuzz` runs 100,000
 * cases per path): a regression that crashes a decoder or makes a route answer 5xx is
 * caught here, with the seed and the case to replay. The JSON routes run on SQLite, and on
 * PostgreSQL when DATABASE_URL is set.
 */
import { describe, expect, it } from 'vitest';
import { cborTarget } from './cbor-target.js';
import { jsonRoutesTarget } from './json-routes-target.js';
import { qrTextTarget } from './qr-text-target.js';
import { runTarget } from './run-target.js';
import { staffFileTarget } from './staff-file-target.js';
import type { FuzzTarget } from './target.js';
import { hasPostgres } from './targets.js';

const SEED = 20210815;

async function expectNoFailure(target: FuzzTarget, runs: number): Promise<void> {
  const r = await runTarget(target, { runs, seed: SEED });
  expect(r.failure ? `${r.failure.message}\n${r.failure.replay}` : undefined).toBeUndefined();
  expect(r.runs).toBe(runs);
}

describe('fuzz (a short seeded run of npm run fuzz)', () => {
  it('QR text: verify answers a documented verdict, never through its safety net', () =>
    expectNoFailure(qrTextTarget, 1500));

  it('CBOR/COSE bytes: the decoders refuse with CborError or a malformed result, never crash', () =>
    expectNoFailure(cborTarget, 3000));

  it('staff files: xlsx and csv, valid and broken, give a report with stable codes, never an exception', () =>
    expectNoFailure(staffFileTarget, 150));

  it(
    'JSON routes on SQLite: no 5xx, every error a code of the errors table',
    () => expectNoFailure(jsonRoutesTarget('sqlite'), 300),
    300_000,
  );

  it.skipIf(!hasPostgres())(
    'JSON routes on PostgreSQL: no 5xx, every error a code of the errors table',
    () => expectNoFailure(jsonRoutesTarget('postgres'), 300),
    300_000,
  );
});
