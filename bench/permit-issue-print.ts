import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../packages/server/src/app.js';
import { bindAuditKey } from '../packages/server/src/audit/audit-key.js';
import { loadConfig } from '../packages/server/src/config.js';
import { createDatabase } from '../packages/server/src/db/database.js';
import { migrateOrThrow } from '../packages/server/src/db/migrate.js';
import { seedAdminUnits } from '../packages/server/src/jurisdictions/seed-admin-units.js';
import { makeBusiness, makeBusinessRep, makeDossier, TEST_PASSWORD } from '../packages/server/src/test/factories.js';
import { openBenchDatabase } from './bench-database.js';

export interface IssuePrintResult {
  database: 'sqlite' | 'postgres';
  permits: number;
  issueMs: number;
  issuePerSecond: number;
  printMs: number;
  printPerSecond: number;
  /** Time to the first PDF bytes of the print request. */
  firstByteMs: number;
  pdfBytes: number;
  /** Issue then print, end to end. */
  totalPerSecond: number;
  /** Peak resident memory of the process while printing (MB), and its rise over the start of printing. */
  peakRssMb: number;
  printRssRiseMb: number;
  /** Peak rise of the JS heap and buffers while printing, over the heap after a GC just before (MB): flat in N. */
  printHeapRiseMb: number;
}

const openDatabase = openBenchDatabase;

export async function benchIssuePrint(kind: 'sqlite' | 'postgres', n: number): Promise<IssuePrintResult> {
  const dir = mkdtempSync(join(tmpdir(), 'thonghanh-bench-permits-'));
  const { config: dbConfig, drop } = await openDatabase(kind, dir);
  const db = createDatabase(dbConfig, { poolSize: 4 });
  bindAuditKey(db, { auditKey: undefined, keysDir: join(dir, 'keys') });
  const config = {
    ...loadConfig({ NODE_ENV: 'test', THONGHANH_DATA_DIR: dir, LOG_LEVEL: 'silent' }),
    database: dbConfig,
  };
  try {
    await migrateOrThrow(db);
    await seedAdminUnits(db, { provinces: ['01'] });
    const business = await makeBusiness(db);
    await makeDossier(db, { business, state: 'approved', staff: n, at: new Date() });
    await db.updateTable('dossiers').set({ plan_from: '2021-01-01', plan_to: '2099-12-31' }).execute();
    const rep = await makeBusinessRep(db, business);
    const app = await buildApp({ db, config });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: rep.username, password: TEST_PASSWORD }),
      });
      const cookie = /th_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const headers = { 'content-type': 'application/json', cookie: `th_session=${cookie}`, 'x-csrf-token': csrfToken };

      const t0 = performance.now();
      const issued = await fetch(`${base}/api/v1/permits`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ staffIds: 'all' }),
      });
      let body = (await issued.json()) as { batchId: string; state: string; issued: number };
      // Over 500 people the answer comes at once and the batch goes on in chunks: wait for it.
      while (body.state === 'running') {
        await new Promise((r) => setTimeout(r, 200));
        body = (await (
          await fetch(`${base}/api/v1/permits/batches/${body.batchId}`, { headers })
        ).json()) as typeof body;
      }
      const issueMs = performance.now() - t0;
      if (issued.status !== 201 || body.issued !== n) throw new Error(`issue: ${issued.status} ${body.state}`);

      (globalThis as { gc?: () => void }).gc?.();
      const heapNow = () => {
        const m = process.memoryUsage();
        return m.heapUsed + m.arrayBuffers;
      };
      const before = process.memoryUsage().rss;
      const heapBefore = heapNow();
      let peak = before;
      let heapPeak = heapBefore;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
        heapPeak = Math.max(heapPeak, heapNow());
      }, 10);
      const t1 = performance.now();
      const res = await fetch(`${base}/api/v1/permits/print`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ businessId: business.id, status: 'active', layout: 'A5' }),
      });
      if (res.status !== 200 || res.headers.get('x-permit-count') !== String(n))
        throw new Error(`print: ${res.status}`);
      let bytes = 0;
      let firstByteMs = 0;
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        if (bytes === 0) firstByteMs = performance.now() - t1;
        bytes += r.value.length;
      }
      const printMs = performance.now() - t1;
      clearInterval(sampler);
      return {
        database: kind,
        permits: n,
        issueMs: Math.round(issueMs),
        issuePerSecond: Math.round(n / (issueMs / 1000)),
        printMs: Math.round(printMs),
        printPerSecond: Math.round(n / (printMs / 1000)),
        firstByteMs: Math.round(firstByteMs),
        pdfBytes: bytes,
        totalPerSecond: Math.round(n / ((issueMs + printMs) / 1000)),
        peakRssMb: Math.round(peak / 1024 / 1024),
        printRssRiseMb: Math.round((peak - before) / 1024 / 1024),
        printHeapRiseMb: Math.round((heapPeak - heapBefore) / 1024 / 1024),
      };
    } finally {
      await app.close();
    }
  } finally {
    await db.destroy();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const kinds = args.includes('--postgres')
    ? (['postgres'] as const)
    : args.includes('--sqlite')
      ? (['sqlite'] as const)
      : null;
  const sizes = args.map(Number).filter((x) => x > 0);
  const rows: IssuePrintResult[] = [];
  for (const n of sizes.length ? sizes : [1000]) {
    for (const kind of kinds ??
      (process.env.DATABASE_URL?.startsWith('postgres') ? ['sqlite', 'postgres'] : ['sqlite'])) {
      rows.push(await benchIssuePrint(kind as 'sqlite' | 'postgres', n));
    }
  }
  if (args.includes('--json')) console.log(JSON.stringify(rows));
  else console.table(rows);
}

/**
 * Each size and database in a process of its own, so that peak memory is this run's alone
 * (the runner's process has held other benchmarks' pages before).
 */
export async function benchIssuePrintIsolated(sizes: number[]): Promise<IssuePrintResult[]> {
  const { execFileSync } = await import('node:child_process');
  const kinds = process.env.DATABASE_URL?.startsWith('postgres') ? ['sqlite', 'postgres'] : ['sqlite'];
  const rows: IssuePrintResult[] = [];
  for (const n of sizes) {
    for (const kind of kinds) {
      const out = execFileSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', import.meta.filename, '--json', `--${kind}`, String(n)],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      const last = out.trim().split('\n').pop() ?? '[]';
      rows.push(...(JSON.parse(last) as IssuePrintResult[]));
    }
  }
  return rows;
}
