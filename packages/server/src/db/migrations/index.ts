import type { Migration } from 'kysely';
import * as m001 from './001-foundation.js';

/**
 * Every migration, by name; applied in name order. Add a new one as `NNN-name.ts` and list
 * it here (a static list: no directory scanning, works the same under tsx and bundlers).
 */
export const MIGRATIONS: Record<string, Migration> = {
  '001-foundation': m001,
};
