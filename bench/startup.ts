/**
 * Start-up of the command line and the server, as ratios to a bare `node -e 0` measured in
 * the same run (the machine is shared: absolute times drift, ratios taken round by round
 * hold). Each round runs every contender once, in an order that reverses from round to
 * round; the headline is the median of the per-round ratios.
 *
 * - `thonghanh --help` and a one-shot `thonghanh verify` of the reference permit, from dist
 *   (what `npm ci` builds) and, for comparison, from the sources through tsx;
 * - `thonghanh serve --no-demo` on an existing database (migrated and seeded by a first
 *   start): from spawning the process to the first 200 of /healthz.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Section } from './table.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'packages/server/bin/thonghanh.js');
const FIXTURES = join(ROOT, 'packages/core/test/fixtures/permit-v1');

export const GOALS = { help: 2, verify: 3, serveMs: 1000 };

interface Contender {
  name: string;
  args: string[];
  env?: Record<string, string>;
}

/** Wall time of one process run to its exit, in ms; throws when it fails. */
function timeRun(c: Contender): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, c.args, {
    cwd: ROOT,
    env: { ...process.env, ...c.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${c.name}: exit ${r.status}\n${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `serve`; resolves with the ms from spawn to the first 200 of /healthz and to the
 * application serving every route (its "Đang lắng nghe" line: the socket listens, and answers
 * /healthz, before the application is loaded; requests meanwhile wait: docs/runtime.md).
 */
async function timeServe(
  dataDir: string,
  demo: boolean,
  env: Record<string, string> = {},
): Promise<{ health: number; app: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve', ...(demo ? [] : ['--no-demo'])], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      THONGHANH_DATA_DIR: dataDir,
      DATABASE_URL: '',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const appReady = new Promise<number>((resolve) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      if (out.includes('Đang lắng nghe:')) resolve(performance.now() - t0);
    });
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`serve exited ${code}\n${stderr}`))),
  );
  try {
    const ready = (async () => {
      for (;;) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/healthz`);
          if (res.status === 200) return performance.now() - t0;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const health = await Promise.race([ready, exited]);
    return { health, app: await Promise.race([appReady, exited]) };
  } finally {
    child.removeAllListeners('exit');
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
  }
}

export interface StartupResult {
  rounds: number;
  medians: Record<string, number>;
  ratios: Record<string, number>;
  serveMs: number[];
  /** Spawn → the application serves every route, same starts as serveMs. */
  appMs: number[];
  firstServeMs: number;
}

export async function benchStartup(rounds = 9): Promise<StartupResult> {
  const build = spawnSync(process.execPath, [join(ROOT, 'packages/server/build.mjs'), '--if-stale'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  const reference = JSON.parse(readFileSync(join(FIXTURES, 'reference-permit.json'), 'utf8')) as {
    text: string;
    verifyAt: string;
  };
  const verifyArgs = ['verify', '--trust', join(FIXTURES, 'trust.json'), '--at', reference.verifyAt, reference.text];
  const contenders: Contender[] = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'help (dist)', args: [BIN, '--help'], env: { THONGHANH_RUN: 'dist' } },
    { name: 'verify (dist)', args: [BIN, ...verifyArgs], env: { THONGHANH_RUN: 'dist' } },
    { name: 'help (tsx)', args: [BIN, '--help'], env: { THONGHANH_RUN: 'src' } },
    { name: 'verify (tsx)', args: [BIN, ...verifyArgs], env: { THONGHANH_RUN: 'src' } },
  ];
  for (const c of contenders) timeRun(c); // warm the file cache
  const times = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  const ratios = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...contenders].reverse() : contenders;
    const t = new Map(order.map((c) => [c.name, timeRun(c)]));
    const base = t.get('node -e 0') as number;
    for (const [name, ms] of t) {
      times.get(name)?.push(ms);
      ratios.get(name)?.push(ms / base);
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'thonghanh-startup-'));
  try {
    // The first start migrates, loads the administrative units and seeds the demo.
    const firstServeMs = (await timeServe(dataDir, true, { THONGHANH_RUN: 'dist' })).health;
    const serveMs: number[] = [];
    const appMs: number[] = [];
    for (let i = 0; i < Math.min(rounds, 5); i++) {
      const t = await timeServe(dataDir, false, { THONGHANH_RUN: 'dist' });
      serveMs.push(t.health);
      appMs.push(t.app);
    }
    return {
      rounds,
      medians: Object.fromEntries([...times].map(([k, v]) => [k, median(v)])),
      ratios: Object.fromEntries([...ratios].map(([k, v]) => [k, median(v)])),
      serveMs,
      appMs,
      firstServeMs,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function startupSection(r: StartupResult): Section {
  const goal: Record<string, string> = { 'help (dist)': `≤ ${GOALS.help}×`, 'verify (dist)': `≤ ${GOALS.verify}×` };
  const met = (name: string) => {
    const g = name === 'help (dist)' ? GOALS.help : name === 'verify (dist)' ? GOALS.verify : null;
    return g === null ? '' : (r.ratios[name] as number) <= g ? 'met' : 'missed';
  };
  const serve = median(r.serveMs);
  return {
    tables: [
      {
        title: `Command line: median of ${r.rounds} interleaved rounds, ratio to \`node -e 0\` in the same round`,
        headers: ['run', 'median wall time', 'ratio to node -e 0', 'goal', ''],
        right: [1, 2],
        rows: Object.keys(r.medians).map((name) => [
          name,
          `${(r.medians[name] as number).toFixed(0)} ms`,
          `${(r.ratios[name] as number).toFixed(2)}×`,
          goal[name] ?? '',
          met(name),
        ]),
      },
      {
        title: 'Server (dist, SQLite): spawn → first 200 of /healthz',
        headers: ['start', 'time', 'goal', ''],
        right: [1],
        rows: [
          ['first (migrate, administrative units, demo seed)', `${r.firstServeMs.toFixed(0)} ms`, '', ''],
          [
            `existing database, median of ${r.serveMs.length} (${r.serveMs.map((x) => x.toFixed(0)).join(', ')})`,
            `${serve.toFixed(0)} ms`,
            `≤ ${GOALS.serveMs} ms`,
            serve <= GOALS.serveMs ? 'met' : 'missed',
          ],
          [
            `existing database, the application ready (every route), median of ${r.appMs.length} (${r.appMs.map((x) => x.toFixed(0)).join(', ')})`,
            `${median(r.appMs).toFixed(0)} ms`,
            '',
            '',
          ],
        ],
      },
    ],
    notes: [
      '`help` and `verify` run `node packages/server/bin/thonghanh.js` as `npx thonghanh` does; ' +
        '`THONGHANH_RUN=dist` runs the bundle of `npm ci`, `=src` the TypeScript through tsx (development). ' +
        'verify: the reference permit against the fixtures trust list, one process per check. ' +
        'serve: the socket listens and answers /healthz once the database is migrated, its keys checked and ' +
        '`select 1` answers; Fastify and the routes load after, requests meanwhile wait for them.',
    ],
  };
}
