import fc from 'fast-check';
import type { FuzzTarget } from './target.js';

export interface TargetRun {
  name: string;
  runs: number;
  /** Stopped by the time limit before `runs` reached FUZZ_RUNS. */
  interrupted: boolean;
  seed: number;
  ms: number;
  summary: Record<string, number | string>;
  /** Set when a case failed: fast-check's report (the counterexample, shrunk) and how to replay it. */
  failure?: { message: string; replay: string };
}

export interface RunOptions {
  runs: number;
  seed: number;
  /** fast-check's path of a counterexample, to replay only that case (FUZZ_REPLAY). */
  path?: string;
  /** Stop at the first failure without shrinking it (faster on the slow paths). */
  noShrink?: boolean;
  /** Called every `every` cases (the CLI prints progress: long paths run for most of an hour). */
  progress?: { every: number; report: (cases: number, ms: number) => void };
  /** Stop after this many seconds (FUZZ_TIME_LIMIT); the report says how many cases ran. */
  timeLimitSeconds?: number;
}

/** Runs one target's property `runs` times from `seed`; never throws for a failed case, it reports it. */
export async function runTarget(target: FuzzTarget, options: RunOptions): Promise<TargetRun> {
  const opened = await target.open();
  const start = performance.now();
  let cases = 0;
  const progress = options.progress;
  const property = progress
    ? opened.property.afterEach(async (previous: () => unknown) => {
        await previous();
        cases++;
        if (cases % progress.every === 0) progress.report(cases, performance.now() - start);
      })
    : opened.property;
  try {
    const out = await fc.check(property, {
      numRuns: options.runs,
      seed: options.seed,
      ...(options.path ? { path: options.path } : {}),
      endOnFailure: options.noShrink ?? false,
      // The predicate's own message (route, request, answer, server stack) in the report.
      includeErrorInReport: true,
      ...(options.timeLimitSeconds
        ? { interruptAfterTimeLimit: options.timeLimitSeconds * 1000, markInterruptAsFailure: false }
        : {}),
    });
    const run: TargetRun = {
      name: target.name,
      runs: out.numRuns,
      interrupted: out.interrupted,
      seed: options.seed,
      ms: performance.now() - start,
      summary: opened.summary(),
    };
    if (out.failed) {
      run.failure = {
        message: fc.defaultReportMessage(out) ?? 'failed',
        replay: `FUZZ_PATHS=${target.name} FUZZ_SEED=${out.seed} FUZZ_REPLAY=${out.counterexamplePath ?? ''} npm run fuzz`,
      };
    }
    return run;
  } finally {
    await opened.close();
  }
}
