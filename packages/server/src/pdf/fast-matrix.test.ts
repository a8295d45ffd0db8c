import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { fastQrMatrix, maskPenalty, PRINT_MASK } from '../qr/fast-matrix.js';
import { permitQrSegments, QrCapacityError, qrMatrix } from '../qr/segments.js';
import { qrImageMaxBytes, qrPathOps, writeQrImageBits } from './qr-path.js';
import { REFERENCE_QR_TEXT } from './sample-permits.js';

/** Texts of every QR version 1–40 at level M: permit texts (byte + numeric) and plain ones. */
function texts(): string[] {
  const out: string[] = ['x', 'https://a.vn/p1#1', 'Đ'];
  for (let len = 1; len < 5700; len += len < 200 ? 7 : len < 2000 ? 29 : 53) {
    let digits = '';
    for (let i = 0; i < len; i++) digits += String((i * 7919 + len * 31) % 10);
    out.push(`https://giaydiduong.longbien.example/p1#${digits}`);
    if (len < 2200) out.push(`Giấy đi đường ${digits.slice(0, len >> 1)}`);
  }
  return out;
}

function same(a: Uint8Array, b: ArrayLike<number | boolean>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== (b[i] ? 1 : 0)) return false;
  return true;
}

describe('fastQrMatrix (qr/fast-matrix.ts)', () => {
  it('builds, for every version and every mask, exactly the symbol the qrcode package builds', () => {
    const versions = new Set<number>();
    for (const text of texts()) {
      let ref: ReturnType<typeof create> | undefined;
      for (let mask = 0; mask < 8; mask++) {
        try {
          ref = create(permitQrSegments(text), { errorCorrectionLevel: 'M', maskPattern: mask as 0 });
        } catch {
          ref = undefined;
          break; // too long for version 40: checked below
        }
        const fast = fastQrMatrix(text, { mask });
        expect(fast.version, text.slice(0, 60)).toBe(ref.version);
        expect(same(fast.modules, ref.modules.data), `${text.length} chars, mask ${mask}`).toBe(true);
      }
      if (ref) versions.add(ref.version);
      else expect(() => fastQrMatrix(text)).toThrow(QrCapacityError);
    }
    expect(versions.size).toBe(40);
  });

  it("chooses, with mask 'best', the mask that qrcode's full penalty scoring chooses", () => {
    for (const text of texts().filter((_, i) => i % 5 === 0)) {
      let ref: ReturnType<typeof qrMatrix>;
      try {
        ref = qrMatrix(text);
      } catch {
        continue;
      }
      const best = fastQrMatrix(text, { mask: 'best' });
      expect(same(best.modules, ref.modules)).toBe(true);
      expect(maskPenalty(best.modules, best.size)).toBeLessThanOrEqual(
        maskPenalty(fastQrMatrix(text, { mask: (best.mask + 1) % 8 }).modules, best.size),
      );
    }
  });

  it('uses PRINT_MASK by default and refuses an empty text or a bad mask', () => {
    expect(fastQrMatrix(REFERENCE_QR_TEXT)).toMatchObject({ version: 17, size: 85, mask: PRINT_MASK });
    expect(() => fastQrMatrix('')).toThrow(QrCapacityError);
    expect(() => fastQrMatrix('x', { mask: 8 })).toThrow(RangeError);
  });
});

describe('QR drawing (qr-path.ts)', () => {
  const m = fastQrMatrix(REFERENCE_QR_TEXT);

  it('covers exactly the dark modules with the rectangles of the path', () => {
    const painted = new Uint8Array(m.size * m.size);
    let rects = 0;
    for (const line of qrPathOps(m).trim().split('\n')) {
      const [x, y, w, h, op] = line.split(' ');
      expect(op).toBe('re');
      rects++;
      for (let dy = 0; dy < Number(h); dy++) {
        for (let dx = 0; dx < Number(w); dx++) {
          const row = m.size - 1 - (Number(y) + dy); // path y grows upwards from the bottom row
          const i = row * m.size + Number(x) + dx;
          expect(painted[i]).toBe(0); // no overlaps
          painted[i] = 1;
        }
      }
    }
    expect(same(painted, m.modules)).toBe(true);
    // Merged runs: far fewer rectangles than dark modules.
    expect(rects).toBeLessThan(m.modules.reduce((n, v) => n + v, 0) / 1.8);
  });

  it('packs the image mask one bit per module, rows padded to bytes', () => {
    const out = new Uint8Array(qrImageMaxBytes(m.size));
    expect(writeQrImageBits(m, out, 0)).toBe(m.size * 11);
    for (let y = 0; y < m.size; y++) {
      for (let x = 0; x < m.size; x++) {
        const bit = ((out[y * 11 + (x >> 3)] as number) >> (7 - (x & 7))) & 1;
        expect(bit).toBe(m.modules[y * m.size + x]);
      }
      expect((out[y * 11 + 10] as number) & 0b0000_0111).toBe(0);
    }
  });
});
