/**
 * The back office's view of the API is the contract's: every response shape in api-types.ts is
 * a `z.infer` of packages/contract (a field the server renames breaks the typecheck of the
 * screen that reads it). Until every resource had moved, the hand-written interfaces were
 * checked against the served OpenAPI document; none is left, and this keeps it so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const source = readFileSync(join(import.meta.dirname, 'api-types.ts'), 'utf8');

/** Generic wrappers, not shapes of a resource. */
const GENERIC = ['Items', 'Page'];

describe('api-types.ts takes the API’s shapes from the contract', () => {
  it('has no hand-written interface but the generic list wrappers', () => {
    const interfaces = [...source.matchAll(/^export interface (\w+)/gm)].map((m) => m[1]);
    expect(interfaces.filter((name) => !GENERIC.includes(name as string))).toEqual([]);
  });

  it('spells out no union of codes (states, statuses, actions come from the contract)', () => {
    const unions = [...source.matchAll(/^export type (\w+)\s*=\s*\|?\s*'/gm)].map((m) => m[1]);
    expect(unions).toEqual([]);
  });

  it('takes only types from the contract’s root and zod (values only from zod-free subpaths)', () => {
    const values = [...source.matchAll(/^(?:import|export) (?!type )[^;]*from '([^']+)'/gm)].map((m) => m[1]);
    expect(values.filter((from) => from === '@thonghanh/contract' || from === 'zod')).toEqual([]);
    expect(values.length).toBeGreaterThan(0); // WARD_ROLES, from the zod-free roles subpath
  });
});
