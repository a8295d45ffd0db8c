/**
 * Runs the checkpoint scan benchmark and prints it (JSON with --json).
 *
 *   node --import tsx bench/scan-run.ts [--scans 30] [--fresh 20] [--decoder main|worker]
 *     [--crypto webcrypto|noble] [--autonext MS] [--skip warm,throttled,fresh] [--dist DIR] [--json]
 */
import { parseArgs } from 'node:util';
import { benchScan, formatScanBench } from './scan.js';

const { values } = parseArgs({
  options: {
    scans: { type: 'string' },
    fresh: { type: 'string' },
    decoder: { type: 'string' },
    crypto: { type: 'string' },
    skip: { type: 'string' },
    autonext: { type: 'string' },
    dist: { type: 'string' },
    json: { type: 'boolean' },
  },
});

const result = await benchScan({
  ...(values.scans ? { scans: Number(values.scans) } : {}),
  ...(values.fresh ? { freshRuns: Number(values.fresh) } : {}),
  ...(values.decoder ? { decoder: values.decoder as 'main' | 'worker' } : {}),
  ...(values.crypto ? { crypto: values.crypto as 'webcrypto' | 'noble' } : {}),
  ...(values.skip ? { skip: values.skip.split(',') as Array<'warm' | 'throttled' | 'fresh'> } : {}),
  ...(values.dist ? { distDir: values.dist } : {}),
  ...(values.autonext ? { autonextMs: Number(values.autonext) } : {}),
  log: (line) => console.error(line),
});
console.log(values.json ? JSON.stringify(result, null, 2) : formatScanBench(result));
