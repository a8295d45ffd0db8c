import fc from 'fast-check';
import { z } from 'zod';
import { hostileKey, hostileValue } from './hostile-values.js';

type JsonSchema = Record<string, unknown>;

/**
 * Values seen in the server's answers, by property name (`id`, `wardCode`, `taxCode`…).
 * Generated objects often reuse them, so a request names a business, a dossier or a ward
 * that exists and gets past "not found" into the handler's real work.
 */
export class ValuePool {
  private readonly byKey = new Map<string, unknown[]>();
  private readonly seen = new Set<string>();

  add(key: string, value: unknown): void {
    if (value === null || typeof value === 'object') return;
    if (typeof value === 'string' && (value.length === 0 || value.length > 200)) return;
    const mark = `${key}\u0000${typeof value}\u0000${String(value)}`;
    if (this.seen.has(mark)) return;
    this.seen.add(mark);
    const list = this.byKey.get(key) ?? [];
    this.byKey.set(key, list);
    // Bounded: the newest values replace old ones (a round-robin slot), so memory stays flat.
    if (list.length < 200) list.push(value);
    else list[this.seen.size % 200] = value;
  }

  /** Every scalar of a JSON answer, under the name of the property that holds it. */
  harvest(value: unknown, key = ''): void {
    if (Array.isArray(value)) for (const v of value.slice(0, 50)) this.harvest(v, key);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) this.harvest(v, k);
    } else if (key) this.add(key, value);
  }

  /** The `i`-th known value of `key` (ids also answer for `businessId`, `dossierId`…), or undefined. */
  pick(key: string, i: number): unknown {
    const list = this.byKey.get(key) ?? (/Id$/.test(key) ? this.byKey.get('id') : undefined);
    if (!list || list.length === 0) return undefined;
    return list[i % list.length];
  }

  get size(): number {
    return this.seen.size;
  }
}

/** The JSON Schema of a zod schema's input (what a client sends), with `$ref`s left to resolve. */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const TEXT_UNITS = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -.,/@',
  ...'ăâđêôơưĂÂĐÊÔƠƯàảãáạằắặầấậèéẹềếệìíịòóọồốộờớợùúụừứựỳýỵ',
];
const text = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...TEXT_UNITS), minLength: min, maxLength: max });

/**
 * Arbitrary values that follow a JSON Schema (as zod writes it) closely enough to pass
 * most checks: object keys, types, enums, lengths, patterns, ranges. Refinements the
 * schema cannot express (check digits, cross-field rules) are reached through `pool`,
 * which offers values the server itself returned under the same property name.
 */
export function arbitraryOf(
  schema: JsonSchema,
  pool: ValuePool,
  root: JsonSchema = schema,
  key = '',
): fc.Arbitrary<unknown> {
  const own = fromSchema(schema, pool, root, key);
  if (!key) return own;
  // 35%: a value the server returned under this name (when there is one).
  return fc.tuple(fc.integer({ min: 0, max: 99 }), fc.nat(), own).map(([p, i, v]) => {
    if (p >= 35) return v;
    const known = pool.pick(key, i);
    return known === undefined ? v : known;
  });
}

function fromSchema(schema: JsonSchema, pool: ValuePool, root: JsonSchema, key: string): fc.Arbitrary<unknown> {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = (root.$defs as Record<string, JsonSchema> | undefined)?.[name];
    return target ? fc.constant(null).chain(() => arbitraryOf(target, pool, root, key)) : fc.jsonValue();
  }
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  for (const k of ['anyOf', 'oneOf'] as const) {
    const options = schema[k];
    if (Array.isArray(options) && options.length > 0) {
      return fc.oneof(...(options as JsonSchema[]).map((o) => arbitraryOf(o, pool, root, key)));
    }
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0)
    return arbitraryOf(schema.allOf[0] as JsonSchema, pool, root, key);
  const type = Array.isArray(schema.type) ? (schema.type[0] as string) : (schema.type as string | undefined);
  switch (type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
    case 'number':
      return numberOf(schema, type === 'integer');
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = (schema.items as JsonSchema | undefined) ?? {};
      const min = (schema.minItems as number | undefined) ?? 0;
      const max = Math.min((schema.maxItems as number | undefined) ?? min + 4, min + 4);
      if (Array.isArray(schema.prefixItems)) {
        return fc.tuple(...(schema.prefixItems as JsonSchema[]).map((s) => arbitraryOf(s, pool, root, key)));
      }
      return fc.array(arbitraryOf(items, pool, root, key), { minLength: min, maxLength: max });
    }
    case 'object':
      return objectOf(schema, pool, root);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const min = (schema.minLength as number | undefined) ?? 0;
  const max = Math.min((schema.maxLength as number | undefined) ?? min + 30, min + 60);
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'uuid') return fc.uuid();
  if (typeof schema.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(schema.pattern, 'u'));
    } catch {
      // A pattern fast-check cannot generate from: plain text, mutation does the rest.
    }
  }
  return text(min, max);
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const exMin = schema.exclusiveMinimum as number | undefined;
  const exMax = schema.exclusiveMaximum as number | undefined;
  let min = (schema.minimum as number | undefined) ?? (exMin !== undefined ? exMin + (integer ? 1 : 1e-9) : -1e6);
  let max = (schema.maximum as number | undefined) ?? (exMax !== undefined ? exMax - (integer ? 1 : 1e-9) : 1e6);
  min = Math.max(min, -Number.MAX_SAFE_INTEGER);
  max = Math.min(max, Number.MAX_SAFE_INTEGER);
  if (min > max) return fc.constant(min);
  // Small values most of the time (pages, counts), the ends of the range some of the time.
  const typical = integer
    ? fc.integer({ min: Math.max(min, Math.min(max, -5)), max: Math.min(max, Math.max(min, 60)) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const wide = integer ? fc.maxSafeInteger().map((n) => clamp(n, min, max)) : fc.constantFrom(min, max);
  return fc.oneof(
    { weight: 4, arbitrary: typical },
    { weight: 1, arbitrary: wide },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
  );
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

function objectOf(schema: JsonSchema, pool: ValuePool, root: JsonSchema): fc.Arbitrary<unknown> {
  const props = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const keys = Object.keys(props);
  const extra = schema.additionalProperties;
  if (keys.length === 0) {
    if (extra && typeof extra === 'object') {
      const names = schema.propertyNames as JsonSchema | undefined;
      const keyArb = names && (names.enum || names.pattern) ? (stringOf(names) as fc.Arbitrary<string>) : text(1, 12);
      return fc.dictionary(keyArb, arbitraryOf(extra as JsonSchema, pool, root), { maxKeys: 4 });
    }
    return fc.constant({});
  }
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const k of keys) model[k] = arbitraryOf(props[k] as JsonSchema, pool, root, k);
  return fc.record(model, { requiredKeys: keys.filter((k) => required.has(k)) });
}

// ─── Mutation ──────────────────────────────────────────────────────────────────────────

type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add'; at: number; key: string; value: unknown }
  | { kind: 'wrap'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: hostileKey, value: hostileValue }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrap' as const), at: fc.nat() }) },
);

/** Places in a JSON value where a mutation can land: [parent, key] pairs, plus the root. */
function slots(value: unknown): Array<[Record<string, unknown> | unknown[] | null, string | number]> {
  const out: Array<[Record<string, unknown> | unknown[] | null, string | number]> = [[null, '']];
  // Only the first levels and items: an earlier mutation may have put a deep or huge value here.
  const walk = (v: unknown, depth: number) => {
    if (depth > 8 || out.length > 200) return;
    if (Array.isArray(v)) {
      v.slice(0, 20).forEach((x, i) => {
        out.push([v, i]);
        walk(x, depth + 1);
      });
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v).slice(0, 40)) {
        out.push([v as Record<string, unknown>, k]);
        walk(x, depth + 1);
      }
    }
  };
  walk(value, 0);
  return out;
}

function applyMutation(value: unknown, m: Mutation): unknown {
  const all = slots(value);
  const [parent, key] = all[m.at % all.length] as (typeof all)[number];
  const current = parent === null ? value : (parent as Record<string | number, unknown>)[key];
  const set = (v: unknown): unknown => {
    if (parent === null) return v;
    (parent as Record<string | number, unknown>)[key] = v;
    return value;
  };
  switch (m.kind) {
    // Copies: fast-check hands the same constant objects to many cases, and a later mutation
    // must not write into them (that once made a value contain itself).
    case 'replace':
      return set(structuredClone(m.value));
    case 'wrap':
      return set([current]);
    case 'delete':
      if (parent === null) return undefined;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      return value;
    case 'add': {
      const target = current && typeof current === 'object' && !Array.isArray(current) ? current : value;
      if (target && typeof target === 'object' && !Array.isArray(target)) {
        Object.defineProperty(target, m.key, {
          value: structuredClone(m.value),
          enumerable: true,
          configurable: true,
          writable: true,
        });
        return value;
      }
      return set({ [m.key]: structuredClone(m.value) });
    }
  }
}

/**
 * Half the time a value of the schema, half the time that value broken 1 to 3 ways
 * (a field replaced by a hostile value, removed, an unknown key added, wrapped in an array).
 */
export function validOrMutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.boolean(), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([v, keep, ms]) => {
    if (keep) return v;
    let out: unknown = structuredClone(v);
    for (const m of ms) out = applyMutation(out, m);
    return out;
  });
}
