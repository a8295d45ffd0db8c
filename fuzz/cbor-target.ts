import { CborError, decodeCbor, decodeClaims, decodeSign1 } from '@thonghanh/core';
import fc from 'fast-check';
import { bytesMutation, mutateBytes } from './byte-mutation.js';
import { coseOf, QR_FIXTURES } from './qr-text-target.js';
import type { FuzzTarget } from './target.js';

const COSE = QR_FIXTURES.map(coseOf);
/** The claims (COSE payload) of each example: the second decoder on the way. */
const PAYLOADS = COSE.map((c) => {
  const s = decodeSign1(c);
  if (!s.ok) throw new Error('an example permit does not decode');
  return s.value.payload;
});

/** Bytes near the format: random, a header byte then random, and real messages and claims corrupted. */
const cborBytes: fc.Arbitrary<{ kind: 'cose' | 'claims' | 'random'; bytes: Uint8Array }> = fc.oneof(
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ kind: 'random' as const, bytes })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(0xd2, 0x84, 0xa5, 0x9f, 0xbf, 0x5f, 0x7f, 0xfb, 0x1b, 0xc1),
        fc.uint8Array({ maxLength: 64 }),
      )
      .map(([h, rest]) => ({ kind: 'random' as const, bytes: Uint8Array.from([h, ...rest]) })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.nat(COSE.length - 1), bytesMutation)
      .map(([i, m]) => ({ kind: 'cose' as const, bytes: mutateBytes(COSE[i] as Uint8Array, m) })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.nat(PAYLOADS.length - 1), bytesMutation)
      .map(([i, m]) => ({ kind: 'claims' as const, bytes: mutateBytes(PAYLOADS[i] as Uint8Array, m) })),
  },
);

export const cborTarget: FuzzTarget = {
  name: 'cbor',
  description:
    'CBOR/COSE bytes → `decodeCbor` (throws only CborError), `decodeSign1` and `decodeClaims` (a result, never an exception)',
  async open() {
    const counts: Record<string, number> = { cborOk: 0, cborRefused: 0, sign1Ok: 0, claimsOk: 0 };
    return {
      property: fc.asyncProperty(cborBytes, async ({ bytes }) => {
        try {
          decodeCbor(bytes, { outerTags: [18] });
          counts.cborOk = (counts.cborOk ?? 0) + 1;
        } catch (e) {
          if (!(e instanceof CborError)) throw new Error(`decodeCbor threw ${String(e)}`);
          counts.cborRefused = (counts.cborRefused ?? 0) + 1;
        }
        const sign1 = decodeSign1(bytes);
        if (sign1.ok) counts.sign1Ok = (counts.sign1Ok ?? 0) + 1;
        else if (sign1.code !== 'malformed') throw new Error(`decodeSign1 failed with ${String(sign1.code)}`);
        const claims = decodeClaims(bytes);
        if (claims.ok) counts.claimsOk = (counts.claimsOk ?? 0) + 1;
        else if (claims.code !== 'malformed') throw new Error(`decodeClaims failed with ${String(claims.code)}`);
      }),
      summary: () => counts,
      close: async () => {},
    };
  },
};
