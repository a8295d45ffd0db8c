import { createInflateRaw } from 'node:zlib';
import { IMPORT_LIMITS } from './limits.js';

/**
 * Just enough ZIP to read an .xlsx held in memory: the central directory (authoritative
 * even when local headers defer their sizes to data descriptors), and each entry inflated
 * as a stream with a ceiling on its inflated size (a 10 MB upload may inflate to gigabytes).
 */

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export class ZipError extends Error {}

/**
 * An entry past a ceiling: its inflated size (declared in the directory, or found while
 * inflating, since declared sizes can lie), its compression ratio, or too many entries.
 */
export class ZipLimitError extends Error {
  constructor(
    readonly entry: string,
    readonly reason: 'size' | 'ratio' | 'entries',
    readonly limit: number,
  ) {
    super(`${entry}: ${reason} past ${limit}`);
  }
}

/** What may be inflated from one entry: bytes in all, and bytes per compressed byte. */
export interface InflateCeiling {
  maxBytes: number;
  ratio?: number;
  /** The ratio is only checked past this many inflated bytes (small parts compress a lot). */
  ratioFloor?: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of the archive by name; throws ZipError when the directory cannot be read. */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  const u64 = (o: number) => {
    const v = view.getBigUint64(o, true);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('zip64 value out of range');
    return Number(v);
  };
  let eocd = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 0xffff); o--) {
    if (u32(o) === EOCD) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('no end of central directory');
  let count = u16(eocd + 10);
  let size = u32(eocd + 12);
  let offset = u32(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== ZIP64_LOCATOR) throw new ZipError('zip64 locator missing');
    const record = u64(locator + 8);
    if (record + 56 > bytes.length || u32(record) !== ZIP64_EOCD) throw new ZipError('zip64 record missing');
    count = u64(record + 32);
    size = u64(record + 40);
    offset = u64(record + 48);
  }
  if (offset + size > bytes.length) throw new ZipError('central directory out of range');
  if (count > IMPORT_LIMITS.zipEntries) throw new ZipLimitError('(archive)', 'entries', IMPORT_LIMITS.zipEntries);
  const names = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(p) !== CENTRAL) throw new ZipError('bad central directory entry');
    const nameLength = u16(p + 28);
    const extraLength = u16(p + 30);
    const commentLength = u16(p + 32);
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      flags: u16(p + 8),
      method: u16(p + 10),
      compressedSize: u32(p + 20),
      uncompressedSize: u32(p + 24),
      localHeaderOffset: u32(p + 42),
    };
    // ZIP64 extended information: the 0xFFFFFFFF fields, in this order.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = u16(e);
      const len = u16(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (entry.uncompressedSize === 0xffffffff) {
          entry.uncompressedSize = u64(q);
          q += 8;
        }
        if (entry.compressedSize === 0xffffffff) {
          entry.compressedSize = u64(q);
          q += 8;
        }
        if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = u64(q);
      }
      e += 4 + len;
    }
    entries.set(entry.name, entry);
    p = extraEnd + commentLength;
  }
  return entries;
}

/**
 * Refuses an entry before inflating it when its directory record already says it is past
 * the ceiling: a declared size too large, or a declared ratio no real sheet has.
 */
export function checkDeclaredSize(entry: ZipEntry, ceiling: InflateCeiling): void {
  const { maxBytes, ratio = IMPORT_LIMITS.compressionRatio, ratioFloor = IMPORT_LIMITS.ratioFloorBytes } = ceiling;
  if (entry.uncompressedSize > maxBytes) throw new ZipLimitError(entry.name, 'size', maxBytes);
  if (entry.uncompressedSize > ratioFloor && entry.uncompressedSize > ratio * Math.max(entry.compressedSize, 1)) {
    throw new ZipLimitError(entry.name, 'ratio', ratio);
  }
}

/**
 * The inflated bytes of one entry, in chunks, pulled as the caller reads (zlib keeps to the
 * reader's pace). The declared sizes are checked first; then, since they can lie, the
 * inflated bytes are counted: past `maxBytes`, or past `ratio` times the compressed bytes
 * consumed so far, ZipLimitError. Leaving the loop early releases the inflater.
 */
export async function* inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  ceiling: number | InflateCeiling,
): AsyncGenerator<Uint8Array> {
  const limit = typeof ceiling === 'number' ? { maxBytes: ceiling } : ceiling;
  const { maxBytes, ratio = IMPORT_LIMITS.compressionRatio, ratioFloor = IMPORT_LIMITS.ratioFloorBytes } = limit;
  if (entry.flags & 1) throw new ZipError('encrypted entry');
  checkDeclaredSize(entry, limit);
  const o = entry.localHeaderOffset;
  if (o + 30 > bytes.length) throw new ZipError('local header out of range');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(o, true) !== LOCAL) throw new ZipError('bad local header');
  const start = o + 30 + view.getUint16(o + 26, true) + view.getUint16(o + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError('entry out of range');
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipLimitError(entry.name, 'size', maxBytes);
    yield data;
    return;
  }
  if (entry.method !== 8) throw new ZipError(`compression method ${entry.method}`);
  const inflater = createInflateRaw();
  inflater.end(data);
  let total = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      if (total > maxBytes) throw new ZipLimitError(entry.name, 'size', maxBytes);
      // bytesWritten: compressed bytes zlib has consumed so far, step by step.
      if (total > ratioFloor && total > ratio * Math.max(inflater.bytesWritten, 1)) {
        throw new ZipLimitError(entry.name, 'ratio', ratio);
      }
      yield chunk;
    }
  } catch (e) {
    if (e instanceof ZipLimitError) throw e;
    throw new ZipError(`inflate: ${(e as Error).message}`);
  } finally {
    inflater.destroy();
  }
}

/** The entry's text, decoded as UTF-8 across chunk boundaries, in chunks. */
export async function* inflateText(
  bytes: Uint8Array,
  entry: ZipEntry,
  ceiling: number | InflateCeiling,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of inflateEntry(bytes, entry, ceiling)) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}
