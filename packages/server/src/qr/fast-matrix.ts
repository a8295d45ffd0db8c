import type { QRCodeSegment } from 'qrcode';
import { permitQrSegments, QrCapacityError, type QrMatrix } from './segments.js';

/**
 * A QR encoder for bulk printing: the same symbols as `qrMatrix` in segments.ts (same
 * segments, level M, same version), built about 50× faster (~40–60 µs for a V17 permit
 * against 2.4–4.3 ms), because
 *  - everything that depends only on the version (function patterns, format and version
 *    information for each mask, the order in which data bits are placed, the template with
 *    each mask applied) is computed once per version and cached;
 *  - Reed–Solomon runs on 32-bit words, from a table of the divisor's multiples per ECC length;
 *  - the mask is given, not chosen by scoring all eight (the `qrcode` package scores all
 *    eight masks with the ISO 18004 penalty rules, which is most of its ~4 ms per V17 code).
 *
 * `mask: 'best'` scores all eight with the same penalty rules as the `qrcode` package, so its
 * output equals `qrMatrix`; it is there to compare against, not for bulk work.
 * With a fixed mask, the output equals `qrcode`'s `create(segments, { maskPattern })`.
 */

/** The mask that bulk printing uses; docs/printing.md has the measurements behind the choice. */
export const PRINT_MASK = 4;

export interface FastQrOptions {
  /** A mask pattern 0–7, or 'best' to score all eight (ISO 18004 §7.8.3); default PRINT_MASK. */
  mask?: number | 'best';
}

export interface FastQrMatrix extends QrMatrix {
  /** The mask pattern used, 0–7. */
  mask: number;
}

/** Level M, versions 1–40: error-correction codewords per block. */
const ECC_PER_BLOCK_M = [
  10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28,
  28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
];
/** Level M, versions 1–40: number of blocks. */
const BLOCKS_M = [
  1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35,
  37, 38, 40, 43, 45, 47, 49,
];
/** The two bits of level M in the format information. */
const FORMAT_BITS_M = 0;

// GF(256) with the polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D).
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255] as number;
}

interface VersionPlan {
  version: number;
  size: number;
  /** Data codewords (all blocks). */
  dataCodewords: number;
  /** Codewords of data + error correction. */
  rawCodewords: number;
  eccPerBlock: number;
  blocks: number;
  /** Blocks with one data codeword fewer come first. */
  shortBlocks: number;
  shortDataLen: number;
  /** Module index (row-major) of each data bit, in placement order; remainder bits included. */
  order: Uint16Array;
  /** For each mask: the template with the mask applied to all-zero data. */
  maskedTemplates: Uint8Array[];
}

const plans: (VersionPlan | undefined)[] = [];
const rsTables = new Map<number, RsTable>();

function numRawDataModules(ver: number): number {
  let result = (16 * ver + 128) * ver + 64;
  if (ver >= 2) {
    const numAlign = Math.floor(ver / 7) + 2;
    result -= (25 * numAlign - 10) * numAlign - 55;
    if (ver >= 7) result -= 36;
  }
  return result;
}

function alignmentPositions(ver: number, size: number): number[] {
  if (ver === 1) return [];
  const numAlign = Math.floor(ver / 7) + 2;
  const step = Math.floor((ver * 8 + numAlign * 3 + 5) / (numAlign * 4 - 4)) * 2;
  const result = [6];
  for (let pos = size - 7; result.length < numAlign; pos -= step) result.splice(1, 0, pos);
  return result;
}

function maskBit(mask: number, x: number, y: number): boolean {
  switch (mask) {
    case 0:
      return (x + y) % 2 === 0;
    case 1:
      return y % 2 === 0;
    case 2:
      return x % 3 === 0;
    case 3:
      return (x + y) % 3 === 0;
    case 4:
      return (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0;
    case 5:
      return ((x * y) % 2) + ((x * y) % 3) === 0;
    case 6:
      return (((x * y) % 2) + ((x * y) % 3)) % 2 === 0;
    default:
      return (((x + y) % 2) + ((x * y) % 3)) % 2 === 0;
  }
}

function plan(version: number): VersionPlan {
  const cached = plans[version];
  if (cached) return cached;
  const size = version * 4 + 17;
  const base = new Uint8Array(size * size);
  const isFn = new Uint8Array(size * size);
  const set = (x: number, y: number, dark: boolean) => {
    base[y * size + x] = dark ? 1 : 0;
    isFn[y * size + x] = 1;
  };
  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        if (x < 0 || x >= size || y < 0 || y >= size) continue;
        const dist = Math.max(Math.abs(dx), Math.abs(dy));
        set(x, y, dist !== 2 && dist !== 4);
      }
    }
  }
  const align = alignmentPositions(version, size);
  const n = align.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if ((i === 0 && j === 0) || (i === 0 && j === n - 1) || (i === n - 1 && j === 0)) continue;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          set((align[i] as number) + dx, (align[j] as number) + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
        }
      }
    }
  }
  // Format information areas: reserved now, drawn per mask below; the dark module.
  for (let i = 0; i < 9; i++) {
    isFn[8 * size + i] = 1;
    isFn[i * size + 8] = 1;
  }
  for (let i = 0; i < 8; i++) {
    isFn[8 * size + (size - 1 - i)] = 1;
    isFn[(size - 1 - i) * size + 8] = 1;
  }
  set(8, size - 8, true);
  if (version >= 7) {
    let rem = version;
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
    const bits = (version << 12) | rem;
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1;
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(a, b, dark);
      set(b, a, dark);
    }
  }
  // Data placement order: two-module columns from the right, zigzag, skipping column 6.
  const rawModules = numRawDataModules(version);
  const order = new Uint16Array(rawModules);
  let k = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    const upward = ((right + 1) & 2) === 0;
    for (let vert = 0; vert < size; vert++) {
      const y = upward ? size - 1 - vert : vert;
      for (let j = 0; j < 2; j++) {
        const idx = y * size + right - j;
        if (!isFn[idx]) order[k++] = idx;
      }
    }
  }
  if (k !== rawModules) throw new Error(`QR version ${version}: ${k} data modules, expected ${rawModules}`);
  const maskedTemplates: Uint8Array[] = [];
  for (let mask = 0; mask < 8; mask++) {
    const t = base.slice();
    const data = (FORMAT_BITS_M << 3) | mask;
    let rem = data;
    for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    const bits = ((data << 10) | rem) ^ 0x5412;
    const bit = (i: number) => (bits >>> i) & 1;
    for (let i = 0; i <= 5; i++) t[i * size + 8] = bit(i);
    t[7 * size + 8] = bit(6);
    t[8 * size + 8] = bit(7);
    t[8 * size + 7] = bit(8);
    for (let i = 9; i < 15; i++) t[8 * size + 14 - i] = bit(i);
    for (let i = 0; i < 8; i++) t[8 * size + size - 1 - i] = bit(i);
    for (let i = 8; i < 15; i++) t[(size - 15 + i) * size + 8] = bit(i);
    const mt = t; // function patterns with this mask's format information
    for (let i = 0; i < rawModules; i++) {
      const idx = order[i] as number;
      mt[idx] = maskBit(mask, idx % size, Math.floor(idx / size)) ? 1 : 0;
    }
    maskedTemplates.push(mt);
  }
  const rawCodewords = rawModules >>> 3;
  const blocks = BLOCKS_M[version - 1] as number;
  const eccPerBlock = ECC_PER_BLOCK_M[version - 1] as number;
  const p: VersionPlan = {
    version,
    size,
    dataCodewords: rawCodewords - blocks * eccPerBlock,
    rawCodewords,
    eccPerBlock,
    blocks,
    shortBlocks: blocks - (rawCodewords % blocks),
    shortDataLen: Math.floor(rawCodewords / blocks) - eccPerBlock,
    order,
    maskedTemplates,
  };
  plans[version] = p;
  return p;
}

/**
 * Reed–Solomon for one ECC length, as a table: row f (f = 0…255) holds f × divisor, packed
 * big-endian four bytes to a 32-bit word (the last word zero-padded), so the shift register
 * advances one codeword with `ceil(degree / 4)` word operations.
 */
interface RsTable {
  degree: number;
  words: number;
  rows: Int32Array;
}

function rsTable(degree: number): RsTable {
  let t = rsTables.get(degree);
  if (t) return t;
  // Product of (x − α^i), i = 0 … degree−1, coefficients highest first, leading 1 dropped.
  const coef = new Uint8Array(degree);
  coef[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      coef[j] = gfMul(coef[j] as number, root) ^ (j + 1 < degree ? (coef[j + 1] as number) : 0);
    }
    root = gfMul(root, 2);
  }
  const words = Math.ceil(degree / 4);
  const rows = new Int32Array(256 * words);
  for (let f = 1; f < 256; f++) {
    for (let j = 0; j < degree; j++) {
      const shift = 24 - 8 * (j & 3);
      const at = f * words + (j >>> 2);
      rows[at] = (rows[at] as number) | (gfMul(coef[j] as number, f) << shift);
    }
  }
  t = { degree, words, rows };
  rsTables.set(degree, t);
  return t;
}

function gfMul(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return EXP[(LOG[a] as number) + (LOG[b] as number)] as number;
}

/** Bits of the segments, their mode indicators and character counts for `version`. */
interface Seg {
  mode: 'byte' | 'numeric';
  bytes?: Uint8Array;
  digits?: string;
}

function charCountBits(mode: Seg['mode'], version: number): number {
  const band = version <= 9 ? 0 : version <= 26 ? 1 : 2;
  return mode === 'byte' ? [8, 16, 16][band]! : [10, 12, 14][band]!;
}

function dataBitLength(segs: Seg[], version: number): number {
  let bits = 0;
  for (const s of segs) {
    const ccBits = charCountBits(s.mode, version);
    if (s.mode === 'byte') {
      const n = (s.bytes as Uint8Array).length;
      if (n >= 1 << ccBits) return Number.POSITIVE_INFINITY;
      bits += 4 + ccBits + n * 8;
    } else {
      const n = (s.digits as string).length;
      if (n >= 1 << ccBits) return Number.POSITIVE_INFINITY;
      bits += 4 + ccBits + Math.floor(n / 3) * 10 + [0, 4, 7][n % 3]!;
    }
  }
  return bits;
}

function toSegs(segments: QRCodeSegment[]): Seg[] {
  return segments.map((s) => {
    if (s.mode === 'numeric') {
      const digits = String(s.data);
      if (!/^[0-9]*$/.test(digits)) throw new QrCapacityError('đoạn số chỉ được chứa chữ số');
      return { mode: 'numeric', digits };
    }
    if (s.mode === 'byte' || s.mode === undefined) {
      const d = s.data;
      const bytes =
        typeof d === 'string' ? new TextEncoder().encode(d) : new Uint8Array(d.buffer, d.byteOffset, d.length);
      return { mode: 'byte', bytes };
    }
    throw new QrCapacityError(`chế độ mã hóa không hỗ trợ: ${s.mode}`);
  });
}

/** Appends bit fields most significant bit first. */
class BitWriter {
  acc = 0; // pending bits, fewer than 8 after each put
  accLen = 0;
  pos = 0;
  constructor(readonly out: Uint8Array) {}

  put(value: number, len: number): void {
    let acc = (this.acc << len) | value;
    let accLen = this.accLen + len;
    while (accLen >= 8) {
      accLen -= 8;
      this.out[this.pos++] = (acc >>> accLen) & 0xff;
    }
    acc &= (1 << accLen) - 1;
    this.acc = acc;
    this.accLen = accLen;
  }
}

/** Data codewords (segments, terminator, padding) for the plan's capacity. */
function dataCodewords(segs: Seg[], p: VersionPlan): Uint8Array {
  const out = new Uint8Array(p.dataCodewords);
  const w = new BitWriter(out);
  for (const s of segs) {
    const cc = charCountBits(s.mode, p.version);
    if (s.mode === 'byte') {
      const b = s.bytes as Uint8Array;
      w.put(0b0100, 4);
      w.put(b.length, cc);
      for (let i = 0; i < b.length; i++) w.put(b[i] as number, 8);
    } else {
      const d = s.digits as string;
      w.put(0b0001, 4);
      w.put(d.length, cc);
      let i = 0;
      for (; i + 3 <= d.length; i += 3) {
        w.put(d.charCodeAt(i) * 100 + d.charCodeAt(i + 1) * 10 + d.charCodeAt(i + 2) - 48 * 111, 10);
      }
      if (d.length - i === 2) w.put(d.charCodeAt(i) * 10 + d.charCodeAt(i + 1) - 48 * 11, 7);
      else if (d.length - i === 1) w.put(d.charCodeAt(i) - 48, 4);
    }
  }
  const capacityBits = p.dataCodewords * 8;
  w.put(0, Math.min(4, capacityBits - (w.pos * 8 + w.accLen))); // terminator
  if (w.accLen > 0) w.put(0, 8 - w.accLen); // to a byte boundary
  for (let pad = 0xec, pos = w.pos; pos < out.length; pad ^= 0xec ^ 0x11) out[pos++] = pad;
  return out;
}

/** Data and error-correction codewords, interleaved as placed in the symbol. */
function finalCodewords(data: Uint8Array, p: VersionPlan): Uint8Array {
  const { blocks, shortBlocks, shortDataLen, eccPerBlock } = p;
  const { words, rows } = rsTable(eccPerBlock);
  const out = new Uint8Array(p.rawCodewords);
  const ecc = new Uint8Array(blocks * eccPerBlock);
  const reg = new Int32Array(words); // int32, not uint32: values stay small integers for V8
  const lastWord = words - 1;
  let dataStart = 0;
  for (let b = 0; b < blocks; b++) {
    const len = shortDataLen + (b < shortBlocks ? 0 : 1);
    reg.fill(0);
    for (let i = 0; i < len; i++) {
      const factor = (data[dataStart + i] as number) ^ ((reg[0] as number) >>> 24);
      const row = factor * words;
      for (let w = 0; w < lastWord; w++) {
        reg[w] = (((reg[w] as number) << 8) | ((reg[w + 1] as number) >>> 24)) ^ (rows[row + w] as number);
      }
      reg[lastWord] = ((reg[lastWord] as number) << 8) ^ (rows[row + lastWord] as number);
    }
    const e = b * eccPerBlock;
    for (let j = 0; j < eccPerBlock; j++) ecc[e + j] = ((reg[j >>> 2] as number) >>> (24 - 8 * (j & 3))) & 0xff;
    dataStart += len;
  }
  // Interleave: data codeword i of every block (long blocks have one more), then the ECC.
  let k = 0;
  for (let i = 0; i <= shortDataLen; i++) {
    let start = 0;
    for (let b = 0; b < blocks; b++) {
      const len = shortDataLen + (b < shortBlocks ? 0 : 1);
      if (i < len) out[k++] = data[start + i] as number;
      start += len;
    }
  }
  for (let i = 0; i < eccPerBlock; i++) {
    for (let b = 0; b < blocks; b++) out[k++] = ecc[b * eccPerBlock + i] as number;
  }
  return out;
}

/** The symbol with `mask` applied (a new array). */
function place(codewords: Uint8Array, p: VersionPlan, mask: number): Uint8Array {
  // The masked template already holds the mask at every data position (data bits 0, the
  // remainder bits included): a data bit 1 flips its module.
  const m = (p.maskedTemplates[mask] as Uint8Array).slice();
  const { order } = p;
  for (let j = 0; j < codewords.length; j++) {
    let c = codewords[j] as number;
    const base = j << 3;
    while (c !== 0) {
      const k = Math.clz32(c) - 24; // bit 7 − k is the highest one left
      const idx = order[base + k] as number;
      m[idx] = (m[idx] as number) ^ 1;
      c ^= 0x80 >>> k;
    }
  }
  return m;
}

/**
 * The ISO 18004 penalty of a finished symbol, computed as the `qrcode` package does (N1 runs
 * of five or more, N2 2×2 blocks, N3 finder-like 1:1:3:1:1 patterns, N4 dark proportion).
 */
export function maskPenalty(modules: Uint8Array, size: number): number {
  let points = 0;
  for (let a = 0; a < size; a++) {
    let runRow = 0;
    let lastRow = -1;
    let runCol = 0;
    let lastCol = -1;
    let winRow = 0;
    let winCol = 0;
    for (let b = 0; b < size; b++) {
      const r = modules[a * size + b] as number;
      const c = modules[b * size + a] as number;
      if (r === lastRow) runRow++;
      else {
        if (runRow >= 5) points += runRow - 2;
        lastRow = r;
        runRow = 1;
      }
      if (c === lastCol) runCol++;
      else {
        if (runCol >= 5) points += runCol - 2;
        lastCol = c;
        runCol = 1;
      }
      winRow = ((winRow << 1) & 0x7ff) | r;
      winCol = ((winCol << 1) & 0x7ff) | c;
      if (b >= 10) {
        if (winRow === 0x5d0 || winRow === 0x05d) points += 40;
        if (winCol === 0x5d0 || winCol === 0x05d) points += 40;
      }
    }
    if (runRow >= 5) points += runRow - 2;
    if (runCol >= 5) points += runCol - 2;
  }
  let dark = 0;
  for (let y = 0; y < size; y++) {
    const row = y * size;
    for (let x = 0; x < size; x++) dark += modules[row + x] as number;
    if (y === size - 1) break;
    for (let x = 0; x < size - 1; x++) {
      const s =
        (modules[row + x] as number) +
        (modules[row + x + 1] as number) +
        (modules[row + size + x] as number) +
        (modules[row + size + x + 1] as number);
      if (s === 0 || s === 4) points += 3;
    }
  }
  points += Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10) * 10;
  return points;
}

/** Builds the QR symbol of segments at level M, in the smallest version that holds them. */
export function fastSegmentsMatrix(segments: QRCodeSegment[], opts: FastQrOptions = {}): FastQrMatrix {
  const segs = toSegs(segments);
  let version = 1;
  // The data capacity does not need the plan: raw codewords minus ECC codewords.
  for (; version <= 40; version++) {
    const cap =
      ((numRawDataModules(version) >>> 3) -
        (BLOCKS_M[version - 1] as number) * (ECC_PER_BLOCK_M[version - 1] as number)) *
      8;
    if (dataBitLength(segs, version) <= cap) break;
  }
  if (version > 40) throw new QrCapacityError('nội dung quá dài cho một mã QR (mức sửa lỗi M, tối đa phiên bản 40)');
  const p = plan(version);
  const codewords = finalCodewords(dataCodewords(segs, p), p);
  const choice = opts.mask ?? PRINT_MASK;
  if (choice === 'best') {
    let best: Uint8Array | undefined;
    let bestMask = 0;
    let bestPenalty = Number.POSITIVE_INFINITY;
    for (let mask = 0; mask < 8; mask++) {
      const m = place(codewords, p, mask);
      const penalty = maskPenalty(m, p.size);
      if (penalty < bestPenalty) {
        bestPenalty = penalty;
        best = m;
        bestMask = mask;
      }
    }
    return { version, size: p.size, modules: best as Uint8Array, mask: bestMask };
  }
  if (!Number.isInteger(choice) || choice < 0 || choice > 7) throw new RangeError('mẫu mặt nạ phải từ 0 đến 7');
  return { version, size: p.size, modules: place(codewords, p, choice), mask: choice };
}

/** `qrMatrix` of segments.ts (same segments, level M), fast: see the module comment. */
export function fastQrMatrix(text: string, opts: FastQrOptions = {}): FastQrMatrix {
  if (text.length === 0) throw new QrCapacityError('nội dung mã QR trống');
  return fastSegmentsMatrix(permitQrSegments(text), opts);
}
