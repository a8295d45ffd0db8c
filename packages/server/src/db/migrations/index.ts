import type { Migration } from 'kysely';
import * as m001 from './001-foundation.js';
import * as m002 from './002-workflow.js';
import * as m003 from './003-keys-permits.js';
import * as m004 from './004-scans.js';
import * as m012 from './012-rate-limits.js';
import * as m014 from './014-evidence.js';
import * as m015 from './015-inspection.js';

/**
 * Every migration, by name; applied in name order. Add a new one as `NNN-name.ts` and list
 * it here (a static list: no directory scanning, works the same under tsx and bundlers).
 */
export const MIGRATIONS: Record<string, Migration> = {
  '001-foundation': m001,
  '002-workflow': m002,
  '003-keys-permits': m003,
  '004-scans': m004,
  '012-rate-limits': m012,
  '014-evidence': m014,
  '015-inspection': m015,
};
