/**
 * A CBOR writer for building test inputs, written apart from the code under test so that
 * tests never check the encoder against itself. It writes what the strict decoder must
 * refuse too: duplicate keys, tags anywhere, raw bytes, floats, any map key order.
 */

/** A map written with exactly these entries, in this order (duplicates allowed). */
export interface Pairs {
  kind: 'pairs';
  pairs: ReadonlyArray<readonly [Item, Item]>;
}
export interface Tagged {
  kind: 'tag';
  tag: number | bigint;
  value: Item;
}
/** Bytes written as they are: for encodings no value describes (indefinite, non-shortest…). */
export interface Raw {
  kind: 'raw';
  bytes: Uint8Array;
}
export interface Float {
  kind: 'float';
  value: number;
  width: 16 | 32 | 64;
}

/**
 * A JavaScript Map is written in core deterministic order (RFC 8949 §4.2.1: keys sorted by
 * their encoded bytes), as an issuer writes it; `pairs` keeps any order.
 */
export type Item =
  | number
  | bigint
  | string
  | Uint8Array
  | boolean
  | null
  | undefined
  | Item[]
  | ReadonlyMap<Item, Item>
  | Pairs
  | Tagged
  | Raw
  | Float;

export const pairs = (...entries: Array<readonly [Item, Item]>): Pairs => ({ kind: 'pairs', pairs: entries });
export const tagged = (tag: number | bigint, value: Item): Tagged => ({ kind: 'tag', tag, value });
export const raw = (bytes: Uint8Array | string): Raw => ({
  kind: 'raw',
  bytes: typeof bytes === 'string' ? fromHex(bytes) : bytes,
});
export const float = (value: number, width: 16 | 32 | 64 = 64): Float => ({ kind: 'float', value, width });

export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(clean)) throw new Error(`not hex: ${hex}`);
  return Uint8Array.from(clean.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** The head of a data item: major type and argument, in the shortest form. */
export function head(major: number, argument: number | bigint): Uint8Array {
  const n = BigInt(argument);
  if (n < 0n) throw new RangeError('negative argument');
  const m = major << 5;
  if (n < 24n) return Uint8Array.of(m | Number(n));
  const widths: Array<[bigint, number, number]> = [
    [0x100n, 24, 1],
    [0x10000n, 25, 2],
    [0x100000000n, 26, 4],
    [0x10000000000000000n, 27, 8],
  ];
  for (const [limit, info, size] of widths) {
    if (n < limit) {
      const out = new Uint8Array(1 + size);
      out[0] = m | info;
      for (let i = 0; i < size; i++) out[size - i] = Number((n >> BigInt(8 * i)) & 0xffn);
      return out;
    }
  }
  throw new RangeError('argument beyond 64 bits');
}

const utf8 = new TextEncoder();

export function cbor(item: Item): Uint8Array {
  if (typeof item === 'number' || typeof item === 'bigint') {
    if (typeof item === 'number' && !Number.isSafeInteger(item)) throw new RangeError(`not an integer: ${item}`);
    const n = BigInt(item);
    return n >= 0n ? head(0, n) : head(1, -1n - n);
  }
  if (typeof item === 'string') {
    const bytes = utf8.encode(item);
    return concat(head(3, bytes.length), bytes);
  }
  if (item instanceof Uint8Array) return concat(head(2, item.length), item);
  if (item === false) return Uint8Array.of(0xf4);
  if (item === true) return Uint8Array.of(0xf5);
  if (item === null) return Uint8Array.of(0xf6);
  if (item === undefined) return Uint8Array.of(0xf7);
  if (Array.isArray(item)) return concat(head(4, item.length), ...item.map(cbor));
  if (item instanceof Map) {
    const entries = [...item.entries()].map(([k, v]) => [cbor(k), cbor(v)] as const);
    entries.sort((a, b) => compareBytes(a[0], b[0]));
    return concat(head(5, entries.length), ...entries.flat());
  }
  const special = item as Pairs | Tagged | Raw | Float;
  switch (special.kind) {
    case 'pairs':
      return concat(head(5, special.pairs.length), ...special.pairs.flatMap(([k, v]) => [cbor(k), cbor(v)]));
    case 'tag':
      return concat(head(6, special.tag), cbor(special.value));
    case 'raw':
      return special.bytes;
    case 'float': {
      if (special.width === 64) {
        const v = new DataView(new ArrayBuffer(9));
        v.setUint8(0, 0xfb);
        v.setFloat64(1, special.value);
        return new Uint8Array(v.buffer);
      }
      if (special.width === 32) {
        const v = new DataView(new ArrayBuffer(5));
        v.setUint8(0, 0xfa);
        v.setFloat32(1, special.value);
        return new Uint8Array(v.buffer);
      }
      throw new RangeError('write half floats with raw()');
    }
  }
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
