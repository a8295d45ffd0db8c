import { cborTarget } from './cbor-target.js';
import { jsonRoutesTarget } from './json-routes-target.js';
import { qrTextTarget } from './qr-text-target.js';
import { staffFileTarget } from './staff-file-target.js';
import type { FuzzTarget } from './target.js';

/** Whether DATABASE_URL names a PostgreSQL server (then the routes are fuzzed there too). */
export const hasPostgres = (): boolean => /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

/** Every fuzzed path, in the order `npm run fuzz` runs them. */
export function allTargets(): FuzzTarget[] {
  return [
    qrTextTarget,
    cborTarget,
    staffFileTarget,
    jsonRoutesTarget('sqlite'),
    ...(hasPostgres() ? [jsonRoutesTarget('postgres')] : []),
  ];
}
