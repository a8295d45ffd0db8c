import QRCode, { type QRCodeSegment } from 'qrcode';
import { type FixtureName, loadFixture } from './fixtures.js';

/** The version every permit must fit (spec goal): 85 × 85 modules. */
export const MAX_VERSION = 17;

export interface QrVersionRow {
  name: string;
  fixture: FixtureName;
  alg: string;
  origin: string;
  textLength: number;
  digits: number;
  /** Bytes of COSE_Sign1 the digits carry. */
  coseBytes: number;
  version: number;
  /** Modules per side without quiet zone. */
  modules: number;
  /** Digits that could still be added before the code outgrows MAX_VERSION (negative: over). */
  digitsLeftAtMax: number;
}

const CASES: Array<{ name: string; fixture: FixtureName }> = [
  { name: 'reference permit (EdDSA)', fixture: 'reference-permit' },
  { name: 'minimal permit, required fields only', fixture: 'minimal-permit' },
  { name: 'unit credential', fixture: 'unit-credential' },
  { name: 'reference permit signed with ES256', fixture: 'reference-permit-es256' },
];

/** Byte mode for `<ORIGIN>/p1#`, numeric mode for the digits (spec §3). */
export function permitSegments(text: string): { prefix: string; digits: string; segments: QRCodeSegment[] } {
  const at = text.lastIndexOf('/p1#') + '/p1#'.length;
  const prefix = text.slice(0, at);
  const digits = text.slice(at);
  if (!/^[0-9]+$/.test(digits)) throw new Error('not a permit text');
  return {
    prefix,
    digits,
    segments: [
      { data: new TextEncoder().encode(prefix), mode: 'byte' },
      { data: digits, mode: 'numeric' },
    ],
  };
}

function fits(prefix: string, digits: number, version: number): boolean {
  try {
    QRCode.create(
      [
        { data: new TextEncoder().encode(prefix), mode: 'byte' },
        { data: '0'.repeat(digits), mode: 'numeric' },
      ],
      { errorCorrectionLevel: 'M', version },
    );
    return true;
  } catch {
    return false;
  }
}

/** Most digits that fit beside the prefix at a version (binary search over QRCode.create). */
function capacity(prefix: string, version: number): number {
  let lo = 0;
  let hi = 8000;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fits(prefix, mid, version)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** QR version at error-correction level M of each example credential. */
export function benchQrVersion(): QrVersionRow[] {
  return CASES.map(({ name, fixture }) => {
    const f = loadFixture(fixture);
    const { prefix, digits, segments } = permitSegments(f.text);
    const code = QRCode.create(segments, { errorCorrectionLevel: 'M' });
    return {
      name,
      fixture,
      alg: f.alg,
      origin: f.origin,
      textLength: f.text.length,
      digits: digits.length,
      coseBytes: f.coseHex.length / 2,
      version: code.version,
      modules: code.modules.size,
      digitsLeftAtMax: capacity(prefix, MAX_VERSION) - digits.length,
    };
  });
}
