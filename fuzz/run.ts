/**
 * `npm run fuzz`: every fuzzed path (targets.ts), FUZZ_RUNS cases each (default 100,000)
 * from FUZZ_SEED (default: a new one, printed). FUZZ_PATHS=qr,cbor,staff,json,json-pg picks
 * paths; FUZZ_REPLAY=<path> (printed with a failure) replays that one case; FUZZ_SHRINK=0
 * reports a failure unshrunk; FUZZ_TIME_LIMIT=<seconds> stops a path early (cases counted). The JSON routes
 * run on SQLite, and on PostgreSQL too (`json-pg`) when DATABASE_URL is set. Exit code 1
 * when a path failed. See docs/fuzzing.md.
 */
import { runTarget, type TargetRun } from './run-target.js';
import { allTargets } from './targets.js';

const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const only = process.env.FUZZ_PATHS?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const replay = process.env.FUZZ_REPLAY || undefined;
const noShrink = process.env.FUZZ_SHRINK === '0';
const timeLimitSeconds = process.env.FUZZ_TIME_LIMIT ? Number(process.env.FUZZ_TIME_LIMIT) : undefined;

if (!Number.isInteger(runs) || runs < 1) throw new Error('FUZZ_RUNS must be a positive whole number');
if (!Number.isInteger(seed)) throw new Error('FUZZ_SEED must be a whole number');

const targets = allTargets().filter((t) => !only || only.includes(t.name));
if (targets.length === 0)
  throw new Error(
    `no path named ${only?.join(', ')}; paths: ${allTargets()
      .map((t) => t.name)
      .join(', ')}`,
  );

console.log(`fuzz: ${runs.toLocaleString('en')} cases per path, seed ${seed}${replay ? `, replaying ${replay}` : ''}`);
const results: TargetRun[] = [];
for (const target of targets) {
  console.log(`\n${target.name}: ${target.description}`);
  const r = await runTarget(target, {
    runs,
    seed,
    ...(replay ? { path: replay } : {}),
    noShrink,
    progress: {
      every: 10_000,
      report: (n, ms) => console.log(`  … ${n.toLocaleString('en')} cases, ${(ms / 1000).toFixed(0)} s`),
    },
    ...(timeLimitSeconds ? { timeLimitSeconds } : {}),
  });
  results.push(r);
  const rate = (r.runs / (r.ms / 1000)).toFixed(0);
  console.log(
    `  ${r.runs.toLocaleString('en')} cases in ${(r.ms / 1000).toFixed(1)} s (${rate}/s) ${r.failure ? 'FAILED' : 'ok'}${r.interrupted ? ' (time limit reached)' : ''}`,
  );
  console.log(
    `  ${Object.entries(r.summary)
      .map(([k, v]) => `${k}=${typeof v === 'number' ? v.toLocaleString('en') : v}`)
      .join(' ')}`,
  );
  if (r.failure) {
    console.log(r.failure.message);
    console.log(`  replay: ${r.failure.replay}`);
  }
}
const failed = results.filter((r) => r.failure);
console.log(
  `\n${failed.length === 0 ? 'no failure' : `FAILED: ${failed.map((r) => r.name).join(', ')}`} (seed ${seed})`,
);
process.exit(failed.length === 0 ? 0 : 1);
