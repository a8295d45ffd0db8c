/**
 * Bulk printing of permits (issue 4 item 7): permits per second and peak memory of the
 * streaming renderer (packages/server/src/pdf/render-permits.ts) at 1,000 and 10,000 permits,
 * beside the straightforward one-document pdf-lib renderer (naive-pdf-lib.ts) at 1,000. Each
 * run is a child process of its own, so that one's memory never shows in another's peak.
 *
 *   node --import tsx bench/bulk-pdf.ts            # the table
 *   node --import tsx bench/bulk-pdf.ts --quick    # 1,000 only, naive at 200
 *
 * Each child first prints 300 permits untimed (20 for the baseline), as a server that has
 * printed before would have its code compiled and its fonts loaded. Rates are given per
 * second of wall time and per second of CPU time (user + system of the child): this machine
 * is shared, and CPU time is the steadier of the two.
 */
import { execFileSync } from 'node:child_process';
import type { PermitPrintData } from '../packages/server/src/pdf/permit-print-data.js';
import { renderPermitsPdf } from '../packages/server/src/pdf/render-permits.js';
import { samplePermit } from '../packages/server/src/pdf/sample-permits.js';
import { exampleSigner, signPermit } from '../packages/server/src/pdf/sample-signed.js';
import { fastQrMatrix } from '../packages/server/src/qr/fast-matrix.js';
import { qrMatrix } from '../packages/server/src/qr/segments.js';

/** What one child measures. */
export type Scenario =
  /** Streaming renderer, QR + page, texts signed beforehand (a pool of 256, reused). */
  | 'stream'
  /** Streaming renderer with the QR code as a vector path. */
  | 'stream-vector'
  /** Streaming renderer, each permit signed (Ed25519, node:crypto) on the way: sign + QR + page. */
  | 'sign+stream'
  /** One pdf-lib document, PNG QR codes (qrcode, all masks scored), pre-signed texts. */
  | 'naive';

export interface RunResult {
  scenario: Scenario;
  permits: number;
  pages: number;
  wallMs: number;
  cpuMs: number;
  /** Peak resident set size of the child, MB (getrusage ru_maxrss). */
  peakRssMb: number;
  /** Resident set size when the timed run started (Node, modules, fonts, warm-up done), MB. */
  startRssMb: number;
  bytes: number;
}

export interface StageCosts {
  /** qrcode.create of a V17 permit symbol, all 8 masks scored (µs of CPU). */
  qrcodeMatrixUs: number;
  /** fastQrMatrix, fixed mask (µs of CPU). */
  fastMatrixUs: number;
}

export interface BulkPdfResult {
  runs: RunResult[];
  stages: StageCosts;
}

const POOL = 256;
const WARM_UP = 300;

async function signedPool(): Promise<PermitPrintData[]> {
  const signer = await exampleSigner();
  const pool: PermitPrintData[] = [];
  for (let i = 0; i < POOL; i++) pool.push(await signPermit(samplePermit(i), i, signer));
  return pool;
}

/** Runs one scenario in this process (the child side). */
export async function runScenario(scenario: Scenario, permits: number): Promise<RunResult> {
  const signer = await exampleSigner();
  const pool = scenario === 'sign+stream' ? [] : await signedPool();
  // pdf-lib is loaded only for the baseline, so that it weighs on no other run's memory.
  const naive = scenario === 'naive' ? (await import('./naive-pdf-lib.js')).renderPermitsPdfNaive : null;
  let bytes = 0;
  const sink = (chunk: Uint8Array) => {
    bytes += chunk.length;
  };
  async function* source(count: number): AsyncGenerator<PermitPrintData> {
    for (let i = 0; i < count; i++) {
      if (scenario === 'sign+stream') yield await signPermit(samplePermit(i), i, signer);
      else {
        const p = pool[i % POOL] as PermitPrintData;
        yield { ...samplePermit(i), qrText: p.qrText };
      }
    }
  }
  // Warm up (JIT, fonts, caches) as a server that has printed before would be: 300 permits,
  // 20 for the slow baseline, not timed.
  const qr = scenario === 'stream-vector' ? 'vector' : 'image';
  if (naive) await naive(source(20));
  else await renderPermitsPdf(source(WARM_UP), () => {}, { layout: 'A5', qr });
  const startRssMb = process.memoryUsage().rss / 2 ** 20;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let pages: number;
  if (naive) {
    const pdf = await naive(source(permits));
    bytes = pdf.length;
    pages = permits;
  } else {
    const r = await renderPermitsPdf(source(permits), sink, { layout: 'A5', qr });
    pages = r.pages;
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    scenario,
    permits,
    pages,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    startRssMb,
    bytes,
  };
}

function stageCosts(): StageCosts {
  const text = samplePermit(0).qrText;
  const time = (f: () => unknown, n: number) => {
    for (let i = 0; i < Math.ceil(n / 5); i++) f();
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) f();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / n;
  };
  return { qrcodeMatrixUs: time(() => qrMatrix(text), 200), fastMatrixUs: time(() => fastQrMatrix(text), 5000) };
}

function child(scenario: Scenario, permits: number): RunResult {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--child', scenario, String(permits)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return JSON.parse(out.trim().split('\n').pop() as string) as RunResult;
}

/** Runs every scenario, each in a child process, one after the other; prints and returns the table. */
export async function benchBulkPdf(opts: { quick?: boolean } = {}): Promise<BulkPdfResult> {
  const plan: [Scenario, number][] = opts.quick
    ? [
        ['stream', 1000],
        ['sign+stream', 1000],
        ['stream-vector', 1000],
        ['naive', 200],
      ]
    : [
        ['stream', 1000],
        ['stream', 10000],
        ['sign+stream', 1000],
        ['sign+stream', 10000],
        ['stream-vector', 1000],
        ['stream-vector', 10000],
        ['naive', 1000],
      ];
  const runs = plan.map(([s, n]) => child(s, n));
  const stages = stageCosts();
  console.log(formatBulkPdf({ runs, stages }));
  return { runs, stages };
}

const LABEL: Record<Scenario, string> = {
  stream: 'streaming, QR + page',
  'stream-vector': 'streaming, vector QR',
  'sign+stream': 'streaming, sign + QR + page',
  naive: 'naive pdf-lib, QR + page',
};

export function formatBulkPdf({ runs, stages }: BulkPdfResult): string {
  const rows = runs.map((r) => [
    LABEL[r.scenario],
    r.permits.toLocaleString('en'),
    (r.wallMs / 1000).toFixed(2),
    Math.round((r.permits * 1000) / r.wallMs).toLocaleString('en'),
    Math.round((r.permits * 1000) / r.cpuMs).toLocaleString('en'),
    r.peakRssMb.toFixed(0),
    r.startRssMb.toFixed(0),
    (r.bytes / r.permits / 1024).toFixed(1),
  ]);
  const head = ['renderer', 'permits', 'wall s', 'permits/s', 'per CPU-s', 'peak RSS MB', 'start MB', 'KB/permit'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [
    'Bulk permit PDF (A5, one permit per page)',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `QR matrix of a V17 permit: qrcode (8 masks scored) ${(stages.qrcodeMatrixUs / 1000).toFixed(2)} ms, ` +
      `fastQrMatrix (fixed mask) ${stages.fastMatrixUs.toFixed(0)} µs of CPU`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const r = await runScenario(args[1] as Scenario, Number(args[2]));
    console.log(JSON.stringify(r));
  } else {
    await benchBulkPdf({ quick: args.includes('--quick') });
  }
}
