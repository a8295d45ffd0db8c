import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * The few parts of POSIX tar (ustar) a backup needs, written and read as streams: regular
 * files only, names of at most 100 bytes. The reader accepts exactly that and nothing else
 * (no links, no directories, no long-name extensions), so an archive cannot name a path
 * outside the folder it is restored into by any trick of the format. `tar tzf` lists a backup.
 */

const BLOCK = 512;

/** The archive is not one we wrote, or it was cut or damaged on the way. */
export class TarError extends Error {
  override name = 'TarError';
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mode: number, mtime: Date): Buffer {
  const b = Buffer.alloc(BLOCK);
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new Error(`tar: name longer than 100 bytes: ${name}`);
  nameBytes.copy(b, 0);
  b.write(octal(mode & 0o7777, 8), 100, 'ascii');
  b.write(octal(0, 8), 108, 'ascii');
  b.write(octal(0, 8), 116, 'ascii');
  if (size <= 0o77777777777) b.write(octal(size, 12), 124, 'ascii');
  else {
    // GNU base-256 for files of 8 GiB and more.
    b[124] = 0x80;
    b.writeBigUInt64BE(BigInt(size), 128);
  }
  b.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  b.write('        ', 148, 'ascii');
  b.write('0', 156, 'ascii');
  b.write('ustar\u000000', 257, 'ascii');
  b.write('thonghanh', 265, 'ascii');
  b.write('thonghanh', 297, 'ascii');
  let sum = 0;
  for (const byte of b) sum += byte;
  b.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return b;
}

/** Writes entries one after the other into `out` (a gzip stream, a file), waiting on back-pressure. */
export class TarWriter {
  constructor(private readonly out: Writable) {}

  private async write(chunk: Buffer): Promise<void> {
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  /** One regular file of `size` bytes, its content from `body` (which must give exactly `size` bytes). */
  async add(name: string, size: number, body: AsyncIterable<Buffer> | Buffer, mode = 0o600, mtime = new Date()) {
    await this.write(header(name, size, mode, mtime));
    let written = 0;
    for await (const chunk of Buffer.isBuffer(body) ? [body] : body) {
      written += chunk.length;
      await this.write(chunk);
    }
    if (written !== size)
      throw new Error(`tar: ${name} gave ${written} bytes, ${size} announced (it changed while read)`);
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad > 0) await this.write(Buffer.alloc(pad));
  }

  /** The two zero blocks that end an archive; then ends `out`. */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** Pulls exact byte counts out of a stream of chunks. */
class ByteReader {
  private buffered: Buffer[] = [];
  private length = 0;
  private readonly it: AsyncIterator<Buffer>;
  constructor(source: AsyncIterable<Buffer>) {
    this.it = source[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<boolean> {
    while (this.length < n) {
      const next = await this.it.next();
      if (next.done) return false;
      this.buffered.push(next.value);
      this.length += next.value.length;
    }
    return true;
  }

  /** Exactly n bytes, or null at a clean end of the stream (nothing buffered). */
  async exactly(n: number): Promise<Buffer | null> {
    if (!(await this.fill(n))) {
      if (this.length === 0) return null;
      throw new TarError('tệp sao lưu bị cắt cụt');
    }
    const all = Buffer.concat(this.buffered);
    this.buffered = [all.subarray(n)];
    this.length = all.length - n;
    return all.subarray(0, n);
  }

  /** n bytes as they come, in chunks; `progress.left` says how many are still unread. */
  async *take(n: number, progress: { left: number } = { left: n }): AsyncGenerator<Buffer> {
    progress.left = n;
    while (progress.left > 0) {
      const left = progress.left;
      if (this.length === 0 && !(await this.fill(1))) throw new TarError('tệp sao lưu bị cắt cụt');
      const head = this.buffered.shift() as Buffer;
      this.length -= head.length;
      if (head.length > left) {
        this.buffered.unshift(head.subarray(left));
        this.length += head.length - left;
        progress.left = 0;
        yield head.subarray(0, left);
      } else {
        progress.left -= head.length;
        if (head.length > 0) yield head;
      }
    }
  }
}

export interface TarEntry {
  name: string;
  size: number;
  mode: number;
  /** The content; read it (or not) before asking for the next entry. */
  body: AsyncGenerator<Buffer>;
}

function parseOctal(b: Buffer, at: number, width: number): number {
  const text = b
    .toString('ascii', at, at + width)
    .replace(/[\0 ]+$/, '')
    .trim();
  if (!/^[0-7]*$/.test(text)) throw new TarError('tiêu đề trong tệp sao lưu bị hỏng');
  return text === '' ? 0 : Number.parseInt(text, 8);
}

/** The entries of a tar stream, checked: header checksums, regular files only, a proper end. */
export async function* readTar(source: AsyncIterable<Buffer>): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(source);
  for (;;) {
    const h = await reader.exactly(BLOCK);
    if (h === null) throw new TarError('tệp sao lưu bị cắt cụt (thiếu phần kết thúc)');
    if (h.every((x) => x === 0)) {
      const second = await reader.exactly(BLOCK);
      if (second === null || !second.every((x) => x === 0)) throw new TarError('phần kết thúc của tệp sao lưu bị hỏng');
      return;
    }
    const stored = parseOctal(h, 148, 8);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (h[i] as number);
    if (sum !== stored) throw new TarError('tiêu đề trong tệp sao lưu bị hỏng (sai tổng kiểm)');
    if (h.toString('ascii', 257, 262) !== 'ustar') throw new TarError('không phải tệp sao lưu của Thông hành');
    const type = String.fromCharCode(h[156] as number);
    if (type !== '0' && type !== '\0') throw new TarError('tệp sao lưu chứa mục không phải tệp thường');
    if ((h[345] as number) !== 0) throw new TarError('tệp sao lưu chứa tên tệp dài (không hỗ trợ)');
    const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
    const size = (h[124] as number) & 0x80 ? Number(h.readBigUInt64BE(128)) : parseOctal(h, 124, 12);
    const mode = parseOctal(h, 100, 8);
    const progress = { left: size };
    yield { name, size, mode, body: reader.take(size, progress) };
    // Whatever the caller left unread (even if it stopped half-way), then the padding.
    for await (const _ of reader.take(progress.left)) {
      // skipped
    }
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad > 0 && (await reader.exactly(pad)) === null) throw new TarError('tệp sao lưu bị cắt cụt');
  }
}
