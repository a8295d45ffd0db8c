import type * as QrcodeModule from 'qrcode';
import type { QRCode, QRCodeSegment } from 'qrcode';
import { lazyRequire } from '../lazy-require.js';

/** Loaded on first use, not at start-up (lazy-require.ts). */
const qrcode = lazyRequire<typeof QrcodeModule>('qrcode');

/**
 * A permit QR text (spec §3): `<ORIGIN>/p1#<DIGITS>`, ORIGIN without white space, DIGITS at
 * least one ASCII digit. The greedy ORIGIN makes the split fall on the last `/p1#`.
 */
const PERMIT_TEXT = /^([^\p{White_Space}]+\/p1#)([0-9]+)$/u;

/** The error-correction level of every code the system prints (spec §3). */
export const QR_ECC = 'M' as const;

/** Modules of light margin around every rendered code (spec §3). */
export const QUIET_ZONE = 4;

/**
 * The QR segments of a text: for a permit text, byte mode for `<ORIGIN>/p1#` and numeric mode
 * for DIGITS (spec §3); any other text is one byte segment (UTF-8, no ECI).
 */
export function permitQrSegments(text: string): QRCodeSegment[] {
  const m = PERMIT_TEXT.exec(text);
  if (!m) return [{ mode: 'byte', data: utf8(text) }];
  return [
    { mode: 'byte', data: utf8(m[1] as string) },
    { mode: 'numeric', data: m[2] as string },
  ];
}

/** The modules of a QR symbol, without quiet zone. */
export interface QrMatrix {
  /** QR version 1–40. */
  version: number;
  /** Modules per side: 17 + 4 × version. */
  size: number;
  /** Row-major, `size × size`, 1 for a dark module. */
  modules: Uint8Array;
}

/** The text cannot be made into a QR code (empty, or too long for version 40 at level M). */
export class QrCapacityError extends Error {
  override name = 'QrCapacityError';
}

/** Builds the QR symbol of a text with the segments above at error-correction level M. */
export function qrMatrix(text: string): QrMatrix {
  if (text.length === 0) throw new QrCapacityError('nội dung mã QR trống');
  let code: QRCode;
  try {
    code = qrcode.create(permitQrSegments(text), { errorCorrectionLevel: QR_ECC });
  } catch (e) {
    throw new QrCapacityError(
      `nội dung quá dài cho một mã QR (mức sửa lỗi M, tối đa phiên bản 40): ${(e as Error).message}`,
    );
  }
  const { size, data } = code.modules;
  const modules = new Uint8Array(size * size);
  for (let i = 0; i < modules.length; i++) modules[i] = data[i] ? 1 : 0;
  return { version: code.version, size, modules };
}

/** The QR version (1–40) that the text needs at error-correction level M. */
export function qrVersion(text: string): number {
  return qrMatrix(text).version;
}

function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
