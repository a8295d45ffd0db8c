import { deflateSync } from 'node:zlib';

/** Where the PDF goes: a Node writable stream (backpressure respected) or a function. */
export type PdfSink = NodeJS.WritableStream | ((chunk: Uint8Array) => void | Promise<void>);

/** Bytes are handed to the sink in chunks of about this size. */
const FLUSH_AT = 64 * 1024;

/**
 * A PDF 1.7 file written front to back: objects go out as soon as they are made, the
 * cross-reference table and trailer at the end. What it keeps is one offset per object
 * (8 bytes) and at most one unflushed chunk; never the document.
 *
 * Object numbers can be reserved before the object is written (`reserve()`), so that pages
 * can refer to fonts that are only written at the end, once every glyph they use is known.
 */
export class PdfWriter {
  private readonly sink: (chunk: Uint8Array) => void | Promise<void>;
  private readonly isStream: boolean;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Bytes handed to the sink so far plus pending ones: the offset of the next byte. */
  private position = 0;
  private flushedBytes = 0;
  /** Offset of each object by number (index 0 unused). */
  private offsets: number[] = [0];
  private error: unknown;

  constructor(out: PdfSink) {
    if (typeof out === 'function') {
      this.sink = out;
      this.isStream = false;
    } else {
      this.isStream = true;
      const stream = out;
      stream.on('error', (e: unknown) => {
        this.error ??= e;
      });
      this.sink = (chunk) => {
        if (this.error) throw this.error;
        if (stream.write(chunk)) return;
        return new Promise<void>((resolve, reject) => {
          const done = (e?: unknown) => {
            stream.removeListener('drain', onDrain);
            stream.removeListener('error', onError);
            stream.removeListener('close', onClose);
            if (e) reject(e);
            else resolve();
          };
          const onDrain = () => done();
          const onError = (e: unknown) => done(e);
          const onClose = () => done(new Error('luồng ghi PDF đã đóng trước khi ghi xong'));
          stream.on('drain', onDrain);
          stream.on('error', onError);
          stream.on('close', onClose);
        });
      };
    }
    this.raw('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  }

  /** Bytes written so far (flushed and pending). */
  get bytes(): number {
    return this.position;
  }

  /** Bytes already handed to the sink. */
  get flushed(): number {
    return this.flushedBytes;
  }

  /** A new object number, to be written later with `object()` or `stream()`. */
  reserve(): number {
    this.offsets.push(-1);
    return this.offsets.length - 1;
  }

  /** Writes an object (a reserved number, or a new one); returns its number. */
  object(body: string, num = this.reserve()): number {
    this.begin(num);
    this.raw(`${num} 0 obj\n${body}\nendobj\n`);
    return num;
  }

  /**
   * Writes a stream object. `dict` holds the entries besides /Length and /Filter. With
   * `compress`, the data is deflated (FlateDecode) at the given zlib level (default 1);
   * `small` (for streams of a few KB) uses a 4 KB window and less hash memory, which zlib
   * sets up faster for the same output size.
   */
  stream(
    dict: string,
    data: Uint8Array | string,
    opts: { compress?: boolean; level?: number; small?: boolean } = {},
    num = this.reserve(),
  ): number {
    // A string or a caller's buffer is copied (or deflated into a new buffer): the caller may reuse it.
    let bytes: Buffer =
      typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data.buffer, data.byteOffset, data.length);
    let filter = '';
    if (opts.compress) {
      bytes = deflateSync(
        bytes,
        opts.small ? { level: opts.level ?? 1, windowBits: 12, memLevel: 7 } : { level: opts.level ?? 1 },
      );
      filter = '/Filter/FlateDecode';
    } else if (typeof data !== 'string') {
      bytes = Buffer.from(bytes);
    }
    this.begin(num);
    this.raw(`${num} 0 obj\n<<${dict}/Length ${bytes.length}${filter}>>\nstream\n`);
    this.push(bytes);
    this.raw('\nendstream\nendobj\n');
    return num;
  }

  /** Hands pending bytes to the sink, waiting for it (and for a stream's drain). */
  async flush(): Promise<void> {
    if (this.error) throw this.error;
    if (this.pendingBytes === 0) return;
    const chunk =
      this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.flushedBytes += this.pendingBytes;
    this.pendingBytes = 0;
    await this.sink(this.isStream ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
  }

  /** True when enough is pending that the caller should `flush()`. */
  get wantsFlush(): boolean {
    return this.pendingBytes >= FLUSH_AT;
  }

  /** Writes the cross-reference table and trailer and flushes; returns the file's size. */
  async end(root: number, info?: number): Promise<number> {
    const missing = this.offsets.findIndex((o, i) => i > 0 && o < 0);
    if (missing > 0) throw new Error(`đối tượng PDF ${missing} được giữ chỗ nhưng chưa ghi`);
    const xref = this.position;
    const count = this.offsets.length;
    this.raw(`xref\n0 ${count}\n0000000000 65535 f\r\n`);
    // Lines of 20 bytes, written in slices so that no huge string is built at once.
    for (let start = 1; start < count; start += 4096) {
      let s = '';
      const stop = Math.min(count, start + 4096);
      for (let i = start; i < stop; i++) s += `${String(this.offsets[i]).padStart(10, '0')} 00000 n\r\n`;
      this.raw(s);
      if (this.wantsFlush) await this.flush();
    }
    this.raw(
      `trailer\n<</Size ${count}/Root ${root} 0 R${info ? `/Info ${info} 0 R` : ''}>>\nstartxref\n${xref}\n%%EOF\n`,
    );
    await this.flush();
    return this.position;
  }

  private begin(num: number): void {
    if (num <= 0 || num >= this.offsets.length) throw new RangeError(`số đối tượng PDF không hợp lệ: ${num}`);
    if ((this.offsets[num] as number) >= 0) throw new Error(`đối tượng PDF ${num} đã được ghi`);
    this.offsets[num] = this.position;
  }

  private raw(s: string): void {
    this.push(Buffer.from(s, 'latin1'));
  }

  private push(b: Buffer): void {
    this.pending.push(b);
    this.pendingBytes += b.length;
    this.position += b.length;
  }
}

/**
 * A reusable byte buffer for building one content stream at a time (ASCII operators and
 * binary path data), so that a page costs no intermediate strings beyond its text.
 */
export class ByteBuilder {
  buf: Buffer;
  length = 0;

  constructor(capacity = 128 * 1024) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  reset(): void {
    this.length = 0;
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(bigger, 0, 0, this.length);
    this.buf = bigger;
  }

  /** Appends a string of code units 0–255 (operators, hex strings). */
  ascii(s: string): void {
    this.ensure(s.length);
    this.length += this.buf.write(s, this.length, 'latin1');
  }

  /** The bytes so far (a view, valid until the next write). */
  view(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

/** A PDF literal string: `(…)` with UTF-16BE and BOM when it is not ASCII (for /Info, /Title). */
export function pdfTextString(s: string): string {
  const t = s.normalize('NFC');
  if (/^[\x20-\x7e]*$/.test(t)) return `(${t.replace(/[\\()]/g, '\\$&')})`;
  let hex = 'FEFF';
  for (let i = 0; i < t.length; i++) hex += t.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

/** A number for content streams: at most 2 decimals, no trailing zeros. */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}
