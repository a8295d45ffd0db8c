/**
 * Issuing to a whole approved list (`staffIds: 'all'`) through the API, at 1,000 / 10,000 /
 * 100,000 people: peak resident memory of the server process while it issues, and /healthz
 * latency (p50, p99, max) from a client pinging it all along. SQLite, the default database,
 * and PostgreSQL when DATABASE_URL is set (a throw-away schema).
 *
 * Each size runs in two processes: one builds the data (businesses, 100,000 staff rows), the
 * next opens it, listens and is measured, so the peak is the server's own and not the
 * fixture's. `node --import tsx bench/issue-batch.ts 1000 10000` prints JSON rows.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../packages/server/src/app.js';
import { bindAuditKey } from '../packages/server/src/audit/audit-key.js';
import { loadConfig } from '../packages/server/src/config.js';
import { createDatabase } from '../packages/server/src/db/database.js';
import { migrateOrThrow } from '../packages/server/src/db/migrate.js';
import { seedAdminUnits } from '../packages/server/src/jurisdictions/seed-admin-units.js';
import { makeBusiness, makeBusinessRep, makeDossier, TEST_PASSWORD } from '../packages/server/src/test/factories.js';
import { openBenchDatabase } from './bench-database.js';

export interface IssueBatchResult {
  database: 'sqlite' | 'postgres';
  permits: number;
  issueMs: number;
  perSecond: number;
  /** RSS when the request was sent, and the highest seen until the batch was done (MB). */
  startRssMb: number;
  peakRssMb: number;
  healthzCount: number;
  healthzP50Ms: number;
  healthzP99Ms: number;
  healthzMaxMs: number;
  /** The same pinger for BASELINE_MS before the batch (no batch running): the shared machine's own noise. */
  baselineHealthzP99Ms: number;
  baselineHealthzMaxMs: number;
  baselineLoopDelayMaxMs: number;
  /** How late the server's event loop ran (perf_hooks), p99 and max: what a turn of the batch blocked others. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** Load average (1 min) at the start and the end of the run: the machine is shared. */
  loadStart: number;
  loadEnd: number;
  /** The POST's answer (bytes): a summary, whatever the count. */
  answerBytes: number;
}

/** The child processes find their database where the parent put it: DATABASE_URL set or empty (SQLite in `dir`). */
function configFor(dir: string) {
  return loadConfig({
    NODE_ENV: 'test',
    THONGHANH_DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  });
}

async function setup(dir: string, n: number): Promise<void> {
  const config = configFor(dir);
  const db = createDatabase(config.database);
  bindAuditKey(db, config);
  try {
    await migrateOrThrow(db);
    await seedAdminUnits(db, { provinces: ['01'] });
    const business = await makeBusiness(db);
    await makeDossier(db, { business, state: 'approved', staff: n, at: new Date() });
    await db.updateTable('dossiers').set({ plan_from: '2021-01-01', plan_to: '2099-12-31' }).execute();
    const rep = await makeBusinessRep(db, business);
    writeFileSync(join(dir, 'bench.json'), JSON.stringify({ username: rep.username }));
  } finally {
    await db.destroy();
  }
}

/** How long /healthz is pinged before the batch starts, for the baseline. */
const BASELINE_MS = 3_000;

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function measure(dir: string, n: number): Promise<IssueBatchResult> {
  const config = configFor(dir);
  const db = createDatabase(config.database);
  bindAuditKey(db, config);
  const { username } = JSON.parse(readFileSync(join(dir, 'bench.json'), 'utf8')) as { username: string };
  const app = await buildApp({ db, config });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: TEST_PASSWORD }),
    });
    const cookie = /th_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { 'content-type': 'application/json', cookie: `th_session=${cookie}`, 'x-csrf-token': csrfToken };

    (globalThis as { gc?: () => void }).gc?.();
    const loadStart = loadavg()[0] ?? 0;
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const startRss = process.memoryUsage().rss;
    let peak = startRss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    // A monitor asking /healthz every 20 ms (one at a time) while the batch runs.
    // First BASELINE_MS with no batch: the machine's own noise, measured in the same run.
    const baseline: number[] = [];
    let latencies = baseline;
    const batchLatencies: number[] = [];
    let pinging = true;
    const pinger = (async () => {
      while (pinging) {
        const t = performance.now();
        const r = await fetch(`${base}/healthz`);
        await r.arrayBuffer();
        latencies.push(performance.now() - t);
        await new Promise((res) => setTimeout(res, 20));
      }
    })();

    await new Promise((r) => setTimeout(r, BASELINE_MS));
    const baselineLoop = { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
    loop.reset();
    latencies = batchLatencies;
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/permits`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ staffIds: 'all' }),
    });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`issue: ${res.status} ${text.slice(0, 200)}`);
    let body = JSON.parse(text) as { batchId: string; state: string; issued: number };
    while (body.state === 'running') {
      await new Promise((r) => setTimeout(r, 250));
      body = (await (await fetch(`${base}/api/v1/permits/batches/${body.batchId}`, { headers })).json()) as typeof body;
    }
    const issueMs = performance.now() - t0;
    loop.disable();
    pinging = false;
    await pinger;
    clearInterval(sampler);
    if (body.state !== 'done' || body.issued !== n) throw new Error(`batch ${body.state}, ${body.issued} issued`);
    const sorted = [...batchLatencies].sort((a, b) => a - b);
    const idle = [...baseline].sort((a, b) => a - b);
    const mb = (b: number) => Math.round(b / 1024 / 1024);
    return {
      database: config.database.kind,
      permits: n,
      issueMs: Math.round(issueMs),
      perSecond: Math.round(n / (issueMs / 1000)),
      startRssMb: mb(startRss),
      peakRssMb: mb(peak),
      healthzCount: sorted.length,
      healthzP50Ms: Math.round(quantile(sorted, 0.5) * 10) / 10,
      healthzP99Ms: Math.round(quantile(sorted, 0.99) * 10) / 10,
      healthzMaxMs: Math.round((sorted[sorted.length - 1] ?? 0) * 10) / 10,
      baselineHealthzP99Ms: Math.round(quantile(idle, 0.99) * 10) / 10,
      baselineHealthzMaxMs: Math.round((idle[idle.length - 1] ?? 0) * 10) / 10,
      baselineLoopDelayMaxMs: Math.round(baselineLoop.max * 10) / 10,
      loopDelayP99Ms: Math.round(loop.percentile(99) / 1e5) / 10,
      loopDelayMaxMs: Math.round(loop.max / 1e5) / 10,
      loadStart: Math.round(loadStart * 100) / 100,
      loadEnd: Math.round((loadavg()[0] ?? 0) * 100) / 100,
      answerBytes: Buffer.byteLength(text),
    };
  } finally {
    await app.close();
    await db.destroy();
  }
}

/**
 * Each size: build the data in one process, measure the server in another; on SQLite, then
 * on PostgreSQL when DATABASE_URL is set.
 */
export async function benchIssueBatch(sizes: number[]): Promise<IssueBatchResult[]> {
  const kinds: Array<'sqlite' | 'postgres'> = process.env.DATABASE_URL?.startsWith('postgres')
    ? ['sqlite', 'postgres']
    : ['sqlite'];
  const rows: IssueBatchResult[] = [];
  for (const kind of kinds) {
    for (const n of sizes) {
      const dir = mkdtempSync(join(tmpdir(), 'thonghanh-bench-batch-'));
      const { config, drop } = await openBenchDatabase(kind, dir);
      try {
        const url = config.kind === 'postgres' ? config.url : '';
        const run = (mode: string) =>
          execFileSync(
            process.execPath,
            ['--expose-gc', '--import', 'tsx', import.meta.filename, mode, dir, String(n)],
            { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, DATABASE_URL: url } },
          );
        run('--setup');
        const out = run('--measure');
        rows.push(JSON.parse(out.trim().split('\n').pop() ?? '{}') as IssueBatchResult);
      } finally {
        await drop();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [mode, dir, size] = process.argv.slice(2);
  if (mode === '--setup' && dir) await setup(dir, Number(size));
  else if (mode === '--measure' && dir) console.log(JSON.stringify(await measure(dir, Number(size))));
  else {
    const sizes = process.argv
      .slice(2)
      .map(Number)
      .filter((x) => x > 0);
    console.log(JSON.stringify(await benchIssueBatch(sizes.length ? sizes : [1000, 10000])));
  }
}
