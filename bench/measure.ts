/**
 * Interleaved throughput measurement, shared by Node and the browser page (only
 * `performance.now()`, no Node imports). The contenders take turns, one timed slice each per
 * round, the order reversing from round to round so that drift on a noisy machine falls on
 * all of them; a ratio is taken within each round, between slices seconds apart.
 */

/** Runs the operation `n` times; resolves (or returns) when done. */
export type Batch = (n: number) => void | Promise<void>;

export interface MeasureOptions {
  /** Timed rounds, after one shorter untimed warm-up round. */
  rounds: number;
  /** Length of one contender's slice in a round, in milliseconds. */
  sliceMs: number;
  /** Operations per batch between two clock readings. */
  batch: number;
}

export interface Rates {
  /** Operations per second in each round, in round order. */
  perRound: number[];
  median: number;
  best: number;
}

export interface PairedMeasurement {
  pipeline: Rates;
  raw: Rates;
  /** pipeline ÷ raw in each round. */
  ratios: number[];
  /** Median of the per-round ratios: the headline figure. */
  ratioMedian: number;
  /** Best pipeline rate ÷ best raw rate. */
  ratioBest: number;
}

/** Operations per second of one slice: whole batches until the slice's time is used up. */
export async function slice(run: Batch, batch: number, ms: number): Promise<number> {
  let ops = 0;
  const start = performance.now();
  let now = start;
  do {
    await run(batch);
    ops += batch;
    now = performance.now();
  } while (now - start < ms);
  return (ops * 1000) / (now - start);
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Measures every contender in the same rounds, interleaved. */
export async function measureInterleaved<K extends string>(
  contenders: Record<K, Batch>,
  options: MeasureOptions,
): Promise<Record<K, Rates>> {
  const { rounds, sliceMs, batch } = options;
  const names = Object.keys(contenders) as K[];
  for (const name of names) await slice(contenders[name], batch, sliceMs / 2);
  const perRound = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? names : [...names].reverse();
    for (const name of order) perRound[name].push(await slice(contenders[name], batch, sliceMs));
  }
  return Object.fromEntries(
    names.map((n) => [n, { perRound: perRound[n], median: median(perRound[n]), best: Math.max(...perRound[n]) }]),
  ) as Record<K, Rates>;
}

/** The pipeline's rate beside its raw baseline, both from the same interleaved rounds. */
export function paired(pipeline: Rates, raw: Rates): PairedMeasurement {
  const ratios = pipeline.perRound.map((v, i) => v / (raw.perRound[i] as number));
  return { pipeline, raw, ratios, ratioMedian: median(ratios), ratioBest: pipeline.best / raw.best };
}
