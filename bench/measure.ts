/**
 * Interleaved throughput measurement, shared by Node and the browser page (only
 * `performance.now()`, no Node imports). The contenders take turns, one timed slice each per
 * round, the order alternating from round to round so that drift on a noisy machine falls
 * on both; every round gives a paired ratio of the two rates measured seconds apart.
 */

/** Runs the operation `n` times; resolves (or returns) when done. */
export type Batch = (n: number) => void | Promise<void>;

export interface MeasureOptions {
  /** Timed rounds after one untimed warm-up round. */
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
  /** pipeline ÷ raw of each round (the two slices of one round are adjacent in time). */
  ratios: number[];
  /** Median of the per-round ratios: the headline figure. */
  ratioMedian: number;
  /** Best pipeline rate ÷ best raw rate. */
  ratioBest: number;
}

/** Operations per second of one slice: batches until the slice's time is used up. */
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

function rates(perRound: number[]): Rates {
  return { perRound, median: median(perRound), best: Math.max(...perRound) };
}

/** Measures a pipeline beside its raw baseline, interleaved. */
export async function measurePair(pipeline: Batch, raw: Batch, options: MeasureOptions): Promise<PairedMeasurement> {
  const { rounds, sliceMs, batch } = options;
  await slice(pipeline, batch, sliceMs / 2);
  await slice(raw, batch, sliceMs / 2);
  const p: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      p.push(await slice(pipeline, batch, sliceMs));
      r.push(await slice(raw, batch, sliceMs));
    } else {
      r.push(await slice(raw, batch, sliceMs));
      p.push(await slice(pipeline, batch, sliceMs));
    }
  }
  const ratios = p.map((v, i) => v / (r[i] as number));
  const pipelineRates = rates(p);
  const rawRates = rates(r);
  return {
    pipeline: pipelineRates,
    raw: rawRates,
    ratios,
    ratioMedian: median(ratios),
    ratioBest: pipelineRates.best / rawRates.best,
  };
}
