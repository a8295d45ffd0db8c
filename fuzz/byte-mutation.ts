import fc from 'fast-check';

/** Byte-level edits of a valid file or message, the way corruption and tampering look. */
export type ByteEdit =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; value: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'delete'; at: number; count: number }
  | { op: 'truncate'; at: number }
  | { op: 'duplicate'; at: number; count: number };

export const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('set' as const),
      at: fc.nat(),
      // CBOR's interesting bytes: lengths 24-27 and 31 of each major type, 0x00, 0xff.
      value: fc.oneof(
        fc.constantFrom(0x00, 0x18, 0x19, 0x1a, 0x1b, 0x1f, 0x5f, 0x7f, 0x9f, 0xbf, 0xd2, 0xf7, 0xff),
        fc.nat(255),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 16 }) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('duplicate' as const),
      at: fc.nat(),
      count: fc.integer({ min: 1, max: 64 }),
    }),
  },
);

export const bytesMutation: fc.Arbitrary<ByteEdit[]> = fc.array(byteEdit, { minLength: 1, maxLength: 4 });

/** Applies the edits in order (positions wrap around the current length). */
export function mutateBytes(input: Uint8Array, edits: readonly ByteEdit[]): Uint8Array {
  let b: Uint8Array = Uint8Array.from(input);
  for (const e of edits) {
    const at = b.length === 0 ? 0 : e.at % b.length;
    switch (e.op) {
      case 'flip':
        if (b.length > 0) b[at] = (b[at] as number) ^ (1 << e.bit);
        break;
      case 'set':
        if (b.length > 0) b[at] = e.value;
        break;
      case 'insert':
        b = concat(b.subarray(0, at), e.bytes, b.subarray(at));
        break;
      case 'delete':
        b = concat(b.subarray(0, at), b.subarray(at + e.count));
        break;
      case 'truncate':
        b = b.slice(0, at);
        break;
      case 'duplicate':
        b = concat(b.subarray(0, at + e.count), b.subarray(at));
        break;
    }
  }
  return b;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
