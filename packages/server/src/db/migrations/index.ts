import type { Migration } from 'kysely';
import * as m001 from './001-foundation.js';
import * as m002 from './002-workflow.js';
import * as m003 from './003-keys-permits.js';
import * as m004 from './004-scans.js';
import * as m005 from './005-rate-limits.js';
import * as m006 from './006-evidence.js';
import * as m007 from './007-inspection.js';
import * as m008 from './008-permit-batches.js';
import * as m009 from './009-ward-leader.js';
import * as m010 from './010-business-changes.js';
import * as m011 from './011-inspection-speed.js';
import * as m012 from './012-never-scanned-order.js';

/**
 * Every migration, by name; applied in name order. Add a new one as `NNN-name.ts` and list
 * it here (a static list: no directory scanning, works the same under tsx and bundlers).
 */
export const MIGRATIONS: Record<string, Migration> = {
  '001-foundation': m001,
  '002-workflow': m002,
  '003-keys-permits': m003,
  '004-scans': m004,
  '005-rate-limits': m005,
  '006-evidence': m006,
  '007-inspection': m007,
  '008-permit-batches': m008,
  '009-ward-leader': m009,
  '010-business-changes': m010,
  '011-inspection-speed': m011,
  '012-never-scanned-order': m012,
};
