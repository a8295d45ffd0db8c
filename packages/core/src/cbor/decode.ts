import { CborFloat, CborMap, CborSimple, CborTag, type CborValue } from './types.js';

/** Why a byte string is not one well-formed, strictly acceptable CBOR item. */
export class CborError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(`${reason} at byte ${offset}`);
  }
}

export interface DecodeOptions {
  /** Tag numbers accepted on the outermost item only (the spec allows 18 there, nowhere else). */
  outerTags?: readonly number[];
  /** Deepest nesting accepted; deeper input is refused rather than risking the stack. */
  maxDepth?: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes exactly one CBOR item (RFC 8949) and refuses what the permit format forbids:
 * indefinite lengths, duplicate map keys, invalid UTF-8, tags (but the allowed outer
 * ones), reserved additional information, and trailing bytes. Non-shortest integer
 * encodings are accepted: the signature covers the bytes as received.
 */
export function decodeCbor(bytes: Uint8Array, options: DecodeOptions = {}): CborValue {
  const d = new StrictDecoder(bytes, options.maxDepth ?? 32);
  let value: CborValue;
  const first = bytes[0];
  if (first !== undefined && first >> 5 === 6) {
    d.pos = 1;
    const tag = d.readArgument(first & 31);
    if (typeof tag !== 'number' || !(options.outerTags ?? []).includes(tag)) {
      throw new CborError('tag not allowed', 0);
    }
    value = new CborTag(tag, d.item(1));
  } else {
    value = d.item(0);
  }
  if (d.pos !== bytes.length) throw new CborError('trailing bytes', d.pos);
  return value;
}

class StrictDecoder {
  pos = 0;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxDepth: number,
  ) {}

  private byte(): number {
    const b = this.bytes[this.pos];
    if (b === undefined) throw new CborError('unexpected end', this.pos);
    this.pos++;
    return b;
  }

  /** Reads the argument after an initial byte was consumed; returns number or bigint. */
  readArgument(info: number): number | bigint {
    if (info < 24) return info;
    switch (info) {
      case 24:
        return this.byte();
      case 25:
        return this.byte() * 0x100 + this.byte();
      case 26:
        return ((this.byte() << 24) >>> 0) + (this.byte() << 16) + (this.byte() << 8) + this.byte();
      case 27: {
        const hi = ((this.byte() << 24) >>> 0) + (this.byte() << 16) + (this.byte() << 8) + this.byte();
        const lo = ((this.byte() << 24) >>> 0) + (this.byte() << 16) + (this.byte() << 8) + this.byte();
        if (hi < 0x200000) return hi * 0x100000000 + lo;
        return (BigInt(hi) << 32n) | BigInt(lo);
      }
      case 31:
        throw new CborError('indefinite length', this.pos - 1);
      default:
        throw new CborError('reserved additional information', this.pos - 1);
    }
  }

  private length(info: number): number {
    const n = this.readArgument(info);
    if (typeof n !== 'number' || n > this.bytes.length - this.pos) {
      throw new CborError('length beyond the input', this.pos);
    }
    return n;
  }

  item(depth: number): CborValue {
    if (depth > this.maxDepth) throw new CborError('nested too deeply', this.pos);
    const start = this.pos;
    const initial = this.byte();
    const major = initial >> 5;
    const info = initial & 31;
    switch (major) {
      case 0:
        return this.readArgument(info);
      case 1: {
        const n = this.readArgument(info);
        if (typeof n === 'number' && n < Number.MAX_SAFE_INTEGER) return -1 - n;
        return -1n - BigInt(n);
      }
      case 2: {
        const len = this.length(info);
        const out = this.bytes.subarray(this.pos, this.pos + len);
        this.pos += len;
        return out;
      }
      case 3: {
        const len = this.length(info);
        const raw = this.bytes.subarray(this.pos, this.pos + len);
        this.pos += len;
        try {
          return utf8.decode(raw);
        } catch {
          throw new CborError('invalid UTF-8', start);
        }
      }
      case 4: {
        const len = this.length(info);
        const out: CborValue[] = new Array(len);
        for (let i = 0; i < len; i++) out[i] = this.item(depth + 1);
        return out;
      }
      case 5: {
        const len = this.length(info);
        const entries: Array<readonly [CborValue, CborValue]> = new Array(len);
        // Integers and text (the keys the format uses) are compared as values: the decoder
        // gives each such value one JS representation. Other keys go by keyIdentity; the two
        // kinds never equal each other.
        const values = len > 16 ? new Set<unknown>() : null;
        let others: Set<string> | null = null;
        for (let i = 0; i < len; i++) {
          const keyStart = this.pos;
          const key = this.item(depth + 1);
          const t = typeof key;
          if (t === 'number' || t === 'string' || t === 'bigint') {
            if (values) {
              if (values.has(key)) throw new CborError('duplicate map key', keyStart);
              values.add(key);
            } else {
              for (let j = 0; j < i; j++) {
                if ((entries[j] as readonly [CborValue, CborValue])[0] === key) {
                  throw new CborError('duplicate map key', keyStart);
                }
              }
            }
          } else {
            others ??= new Set<string>();
            const id = keyIdentity(key);
            if (others.has(id)) throw new CborError('duplicate map key', keyStart);
            others.add(id);
          }
          entries[i] = [key, this.item(depth + 1)];
        }
        return new CborMap(entries);
      }
      case 6:
        throw new CborError('tag not allowed', start);
      default:
        return this.simpleOrFloat(info, start);
    }
  }

  private simpleOrFloat(info: number, start: number): CborValue {
    switch (info) {
      case 20:
        return false;
      case 21:
        return true;
      case 22:
        return null;
      case 23:
        return undefined;
      case 24: {
        const v = this.byte();
        if (v < 32) throw new CborError('simple value not well-formed', start);
        return new CborSimple(v);
      }
      case 25: {
        const view = this.view(2);
        return new CborFloat(halfToNumber(view.getUint16(0)));
      }
      case 26:
        return new CborFloat(this.view(4).getFloat32(0));
      case 27:
        return new CborFloat(this.view(8).getFloat64(0));
      case 31:
        throw new CborError('unexpected break', start);
      default:
        if (info < 20) return new CborSimple(info);
        throw new CborError('reserved additional information', start);
    }
  }

  private view(n: number): DataView {
    if (this.pos + n > this.bytes.length) throw new CborError('unexpected end', this.pos);
    const v = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.pos, n);
    this.pos += n;
    return v;
  }
}

/**
 * Two keys are duplicates when they are the same CBOR value, however encoded: h'07' written
 * with a one- or a two-byte head is one key (spec §5 accepts non-shortest encodings).
 */
function keyIdentity(key: CborValue): string {
  if (typeof key === 'number' || typeof key === 'bigint') return `i${key}`;
  if (typeof key === 'string') return `t${JSON.stringify(key)}`;
  if (key instanceof Uint8Array) {
    let hex = 'b';
    for (const b of key) hex += (b < 16 ? '0' : '') + b.toString(16);
    return hex;
  }
  if (key instanceof CborFloat) return `f${Object.is(key.value, -0) ? '-0' : key.value}`;
  if (key instanceof CborSimple) return `s${key.value}`;
  if (Array.isArray(key)) return `a[${key.map(keyIdentity).join(',')}]`;
  if (key instanceof CborMap) {
    return `m{${key.entries
      .map(([k, v]) => `${keyIdentity(k)}:${keyIdentity(v)}`)
      .sort()
      .join(',')}}`;
  }
  if (key instanceof CborTag) return `g${key.tag}(${keyIdentity(key.value)})`;
  return `v${String(key)}`;
}

function halfToNumber(h: number): number {
  const exp = (h >> 10) & 0x1f;
  const mant = h & 0x3ff;
  const sign = h & 0x8000 ? -1 : 1;
  if (exp === 0) return sign * 2 ** -14 * (mant / 1024);
  if (exp === 31) return mant ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exp - 15) * (1 + mant / 1024);
}
