/**
 * Core deterministic CBOR encoding (RFC 8949 §4.2.1) of the few types the format
 * writes: integers, text, byte strings, arrays and integer-keyed maps. Shortest
 * arguments, definite lengths, map keys sorted by their encoded bytes.
 */
export type Encodable = number | string | Uint8Array | Encodable[] | EncodableMap;
export type EncodableMap = ReadonlyMap<number, Encodable>;

const utf8 = new TextEncoder();

export function encodeCbor(value: Encodable): Uint8Array {
  const w = new Writer();
  w.write(value);
  return w.finish();
}

class Writer {
  private buf = new Uint8Array(512);
  private len = 0;

  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }

  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  head(major: number, arg: number): void {
    this.ensure(9);
    const m = major << 5;
    if (arg < 24) {
      this.buf[this.len++] = m | arg;
    } else if (arg < 0x100) {
      this.buf[this.len++] = m | 24;
      this.buf[this.len++] = arg;
    } else if (arg < 0x10000) {
      this.buf[this.len++] = m | 25;
      this.buf[this.len++] = arg >> 8;
      this.buf[this.len++] = arg & 0xff;
    } else if (arg < 0x100000000) {
      this.buf[this.len++] = m | 26;
      this.buf[this.len++] = arg >>> 24;
      this.buf[this.len++] = (arg >> 16) & 0xff;
      this.buf[this.len++] = (arg >> 8) & 0xff;
      this.buf[this.len++] = arg & 0xff;
    } else {
      this.buf[this.len++] = m | 27;
      const hi = Math.floor(arg / 0x100000000);
      const lo = arg >>> 0;
      for (const word of [hi, lo]) {
        this.buf[this.len++] = word >>> 24;
        this.buf[this.len++] = (word >> 16) & 0xff;
        this.buf[this.len++] = (word >> 8) & 0xff;
        this.buf[this.len++] = word & 0xff;
      }
    }
  }

  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
  }

  write(value: Encodable): void {
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) throw new RangeError(`not an exact integer: ${value}`);
      if (value >= 0) this.head(0, value);
      else this.head(1, -1 - value);
    } else if (typeof value === 'string') {
      const bytes = utf8.encode(value);
      this.head(3, bytes.length);
      this.raw(bytes);
    } else if (value instanceof Uint8Array) {
      this.head(2, value.length);
      this.raw(value);
    } else if (Array.isArray(value)) {
      this.head(4, value.length);
      for (const v of value) this.write(v);
    } else {
      const keyed = [...value.entries()].map(([k, v]) => [encodeCbor(k), v] as const);
      keyed.sort((a, b) => compareBytes(a[0], b[0]));
      this.head(5, keyed.length);
      for (const [k, v] of keyed) {
        this.raw(k);
        this.write(v);
      }
    }
  }
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
