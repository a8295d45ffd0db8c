import {
  bytesEqual,
  bytesToDigits,
  digitsToBytes,
  loadTrustList,
  splitQrText,
  VERDICTS,
  type VerifyResult,
  verify,
  WARNINGS,
} from '@thonghanh/core';
import fc from 'fast-check';
import { loadFixture, loadTrustJson, type PermitFixture } from '../bench/fixtures.js';
import { nodeCryptoProvider } from '../packages/server/src/crypto/node-provider.js';
import { bytesMutation, mutateBytes } from './byte-mutation.js';
import type { FuzzTarget } from './target.js';

/** The example permits of the format (spec vectors), each with the time it is valid at. */
export const QR_FIXTURES: PermitFixture[] = (
  ['reference-permit', 'minimal-permit', 'unit-credential', 'reference-permit-es256'] as const
).map(loadFixture);

export const coseOf = (f: PermitFixture): Uint8Array => Uint8Array.from(Buffer.from(f.coseHex, 'hex'));

/** A scanned text: anything a camera could read, near-permits, and permits changed a little. */
interface QrCase {
  text: string;
  /** The signed bytes when the text came from a real permit (a `valid` verdict must keep them). */
  fixture: number | null;
}

const origins = fc.constantFrom(
  'https://giaydiduong.longbien.example',
  'http://localhost:3000',
  'https://a',
  '',
  'javascript:alert(1)',
  'https://giaydiduong.longbien.example/p1#',
);

const qrCase: fc.Arbitrary<QrCase> = fc.oneof(
  // Any text at all (other QR codes, CCCD cards, URLs, binary).
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((text) => ({ text, fixture: null })) },
  // A permit's shape with random digits.
  {
    weight: 2,
    arbitrary: fc
      .tuple(origins, fc.constantFrom('/p1#', '/p1', '/P1#', '/p2#', '/p1##'), fc.stringMatching(/^[0-9]{0,600}$/))
      .map(([o, p, d]) => ({ text: `${o}${p}${d}`, fixture: null })),
  },
  // A real permit with its text changed: digits flipped, cut, extended, the origin swapped.
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.nat(QR_FIXTURES.length - 1),
        fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom('flip', 'cut', 'insert', 'delete'), d: fc.nat(9) }), {
          minLength: 0,
          maxLength: 4,
        }),
        fc.option(origins, { nil: undefined }),
      )
      .map(([i, edits, origin]) => {
        const f = QR_FIXTURES[i] as PermitFixture;
        const split = splitQrText(f.text) as { origin: string; digits: string };
        let d = split.digits;
        for (const e of edits) {
          const at = d.length === 0 ? 0 : e.at % d.length;
          if (e.op === 'flip') d = d.slice(0, at) + String(e.d) + d.slice(at + 1);
          else if (e.op === 'cut') d = d.slice(0, at);
          else if (e.op === 'insert') d = d.slice(0, at) + String(e.d) + d.slice(at);
          else d = d.slice(0, at) + d.slice(at + 1);
        }
        return { text: `${origin ?? split.origin}/p1#${d}`, fixture: i };
      }),
  },
  // A real permit's COSE bytes changed (bits, bytes, lengths), then encoded as digits again:
  // this reaches the CBOR, COSE and claims decoders rather than the digit codec.
  {
    weight: 3,
    arbitrary: fc.tuple(fc.nat(QR_FIXTURES.length - 1), bytesMutation).map(([i, m]) => {
      const f = QR_FIXTURES[i] as PermitFixture;
      const split = splitQrText(f.text) as { origin: string; digits: string };
      return { text: `${split.origin}/p1#${bytesToDigits(mutateBytes(coseOf(f), m))}`, fixture: i };
    }),
  },
);

/** Built-in exceptions: verify's catch-all answering means a decoder threw where it should have refused. */
const CRASH = /^(TypeError|RangeError|ReferenceError|SyntaxError|Error|InternalError)\b/;

export function checkVerifyResult(r: VerifyResult, c: QrCase, fixtures: PermitFixture[]): void {
  if (!VERDICTS.includes(r.verdict)) throw new Error(`undocumented verdict ${String(r.verdict)}`);
  for (const w of r.warnings) if (!WARNINGS.includes(w)) throw new Error(`undocumented warning ${String(w)}`);
  if (r.warnings.length > 0 && r.verdict !== 'valid') throw new Error(`warnings with verdict ${r.verdict}`);
  if (r.detail && CRASH.test(r.detail)) throw new Error(`verify's safety net answered: ${r.detail}`);
  if (r.verdict === 'valid') {
    const split = splitQrText(c.text);
    const bytes = split ? digitsToBytes(split.digits) : null;
    const original = c.fixture === null ? undefined : fixtures[c.fixture];
    if (!bytes || !original || !bytesEqual(bytes, coseOf(original))) {
      throw new Error('a text whose signed bytes differ from every issued permit verified as valid');
    }
  }
}

export const qrTextTarget: FuzzTarget = {
  name: 'qr',
  description:
    'QR text → `verify` of @thonghanh/core (node:crypto, the spec trust list): only documented verdicts and warnings, never an exception caught by its safety net, `valid` only for the bytes that were signed',
  async open() {
    const loaded = await loadTrustList(loadTrustJson(), nodeCryptoProvider);
    if (!loaded.ok) throw new Error(`trust list: ${loaded.message}`);
    const trust = loaded.value;
    const verdicts: Record<string, number> = {};
    return {
      property: fc.asyncProperty(qrCase, fc.nat(QR_FIXTURES.length - 1), async (c, t) => {
        const at = new Date((QR_FIXTURES[t] as PermitFixture).verifyAt);
        const r = await verify(c.text, { crypto: nodeCryptoProvider, trust, at, checkpointWard: '00124' });
        verdicts[r.verdict] = (verdicts[r.verdict] ?? 0) + 1;
        checkVerifyResult(r, c, QR_FIXTURES);
      }),
      summary: () => verdicts,
      close: async () => {},
    };
  },
};
