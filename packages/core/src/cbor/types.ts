/** CBOR values as the strict decoder returns them. */

/** A map whose keys keep their CBOR identity: 1, "1" and h'01' are three keys. */
export class CborMap {
  readonly entries: ReadonlyArray<readonly [CborValue, CborValue]>;
  private readonly byInt = new Map<number, CborValue>();
  constructor(entries: Array<readonly [CborValue, CborValue]>) {
    this.entries = entries;
    for (const [k, v] of entries) if (typeof k === 'number') this.byInt.set(k, v);
  }
  get size(): number {
    return this.entries.length;
  }
  /** The value under an integer key (the only kind of key the format uses). */
  get(key: number): CborValue | undefined {
    return this.byInt.get(key);
  }
  has(key: number): boolean {
    return this.byInt.has(key);
  }
}

/** A floating-point number: kept apart so 5.0 is never taken for the integer 5. */
export class CborFloat {
  constructor(readonly value: number) {}
}

/** A simple value other than false, true, null and undefined. */
export class CborSimple {
  constructor(readonly value: number) {}
}

export class CborTag {
  constructor(
    readonly tag: number | bigint,
    readonly value: CborValue,
  ) {}
}

/** Integers are numbers while exact (|n| ≤ 2^53 − 1), bigints beyond. */
export type CborValue =
  | number
  | bigint
  | string
  | Uint8Array
  | boolean
  | null
  | undefined
  | CborValue[]
  | CborMap
  | CborFloat
  | CborSimple
  | CborTag;
