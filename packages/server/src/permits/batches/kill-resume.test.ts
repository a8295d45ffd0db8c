import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bindAuditKey } from '../../audit/audit-key.js';
import { verifyAuditChain } from '../../audit/verify-audit-chain.js';
import { loadConfig } from '../../config.js';
import { createDatabase } from '../../db/database.js';
import { migrateOrThrow } from '../../db/migrate.js';
import type { Db } from '../../db/schema.js';
import { seedAdminUnits } from '../../jurisdictions/seed-admin-units.js';
import { makeBusiness, makeBusinessRep, makeDossier, TEST_PASSWORD } from '../../test/factories.js';

/**
 * The real thing: `thonghanh serve` on a temporary SQLite data folder, a batch of a few
 * thousand permits started over HTTP, `kill -9` once some chunks are committed, a second
 * start. Whatever the kill interrupted (a plan, a signing outside any transaction, a write),
 * the batch must resume and end with one permit per person, serials 1…N without a gap or a
 * double, and an audit chain that verifies.
 */
const BIN = resolve(import.meta.dirname, '../../../bin/thonghanh.js');
const PEOPLE = 2_000;

describe('a permit batch survives kill -9 of the real server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thonghanh-kill-'));
  const config = loadConfig({ NODE_ENV: 'test', THONGHANH_DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const open = (): Db => {
    const db = createDatabase(config.database);
    bindAuditKey(db, config);
    return db;
  };

  /** Starts the server on the folder; resolves with its URL once it listens. */
  function serve(): Promise<{ proc: ChildProcess; url: string }> {
    const proc = spawn(process.execPath, [BIN, 'serve', '--no-demo'], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        THONGHANH_DATA_DIR: dir,
        DATABASE_URL: '',
        THONGHANH_MASTER_KEY: '',
        THONGHANH_AUDIT_KEY: '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(proc);
    let out = '';
    let err = '';
    proc.stderr?.on('data', (d) => {
      err += d;
    });
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no listening line in time:\n${out}\n${err}`)), 60_000);
      proc.stdout?.on('data', (d) => {
        out += d;
        const m = /Đang lắng nghe: (http:\/\/\S+)/.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          ok({ proc, url: m[1] });
        }
      });
      proc.on('exit', (code, signal) => {
        clearTimeout(timer);
        fail(new Error(`exited ${code ?? signal}:\n${out}\n${err}`));
      });
    });
  }

  const killed = (proc: ChildProcess) =>
    new Promise<void>((ok) => {
      if (proc.exitCode !== null || proc.signalCode !== null) ok();
      else proc.once('exit', () => ok());
    });

  it('kill -9 mid-batch, restart: the batch resumes and completes, one permit each, serials without gaps', async () => {
    // The data, built before any server runs: a business with PEOPLE approved people and its rep.
    const setup = open();
    let businessId: string;
    let username: string;
    try {
      await migrateOrThrow(setup);
      await seedAdminUnits(setup, { provinces: ['01'] });
      const business = await makeBusiness(setup);
      await makeDossier(setup, { business, state: 'approved', staff: PEOPLE, at: new Date() });
      await setup.updateTable('dossiers').set({ plan_from: '2021-01-01', plan_to: '2099-12-31' }).execute();
      businessId = business.id;
      username = (await makeBusinessRep(setup, business)).username;
    } finally {
      await setup.destroy();
    }

    const first = await serve();
    const login = await fetch(`${first.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = /th_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { 'content-type': 'application/json', cookie: `th_session=${cookie}`, 'x-csrf-token': csrfToken };
    const res = await fetch(`${first.url}/api/v1/permits`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ staffIds: 'all' }),
    });
    const started = (await res.json()) as { batchId: string; state: string };
    expect([res.status, started.state]).toEqual([201, 'running']);

    // Kill as soon as a couple of chunks are committed: no stop, no cleanup, nothing flushed.
    let processed = 0;
    for (let i = 0; i < 3_000 && processed < 200; i++) {
      const b = (await (await fetch(`${first.url}/api/v1/permits/batches/${started.batchId}`, { headers })).json()) as {
        processed: number;
      };
      processed = b.processed;
      if (processed < 200) await new Promise((r) => setTimeout(r, 10));
    }
    first.proc.kill('SIGKILL');
    await killed(first.proc);
    expect(first.proc.signalCode).toBe('SIGKILL');

    // What the kill left: whole chunks only, the batch still running, work left to do.
    let db = open();
    try {
      const left = await db
        .selectFrom('permit_batches')
        .selectAll()
        .where('id', '=', started.batchId)
        .executeTakeFirstOrThrow();
      expect(left.state).toBe('running');
      expect(left.processed).toBeGreaterThanOrEqual(200);
      expect(left.processed).toBeLessThan(PEOPLE);
      const n = await db
        .selectFrom('permits')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('batch_id', '=', started.batchId)
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(left.issued);
    } finally {
      await db.destroy();
    }

    // The second start resumes the batch on its own.
    const second = await serve();
    let state = 'running';
    for (let i = 0; i < 600 && state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const h = await fetch(`${second.url}/healthz`);
      expect(h.status).toBe(200);
      db = open();
      try {
        state = (
          await db
            .selectFrom('permit_batches')
            .select('state')
            .where('id', '=', started.batchId)
            .executeTakeFirstOrThrow()
        ).state;
      } finally {
        await db.destroy();
      }
    }
    second.proc.kill('SIGTERM');
    await killed(second.proc);

    db = open();
    try {
      const batch = await db
        .selectFrom('permit_batches')
        .selectAll()
        .where('id', '=', started.batchId)
        .executeTakeFirstOrThrow();
      expect([batch.state, batch.requested, batch.processed, batch.issued, batch.skipped]).toEqual([
        'done',
        PEOPLE,
        PEOPLE,
        PEOPLE,
        0,
      ]);
      const permits = await db
        .selectFrom('permits')
        .select(['staff_id', 'seq', 'serial', 'status'])
        .where('business_id', '=', businessId)
        .orderBy('seq')
        .execute();
      // Every approved person holds exactly one permit…
      const approved = await db
        .selectFrom('staff_members')
        .select('id')
        .where('business_id', '=', businessId)
        .where('status', '=', 'approved')
        .execute();
      expect(approved.length).toBe(PEOPLE);
      expect(permits.length).toBe(PEOPLE);
      expect(new Set(permits.map((p) => p.staff_id))).toEqual(new Set(approved.map((a) => a.id)));
      expect(permits.every((p) => p.status === 'active')).toBe(true);
      // …serials 1…N, contiguous, each once, and the counter stands at N…
      expect(permits.map((p) => p.seq)).toEqual(Array.from({ length: PEOPLE }, (_, i) => i + 1));
      expect(new Set(permits.map((p) => p.serial)).size).toBe(PEOPLE);
      expect([batch.first_serial, batch.last_serial]).toEqual([permits[0]?.serial, permits[PEOPLE - 1]?.serial]);
      const counter = await db
        .selectFrom('permit_counters')
        .select('last_seq')
        .where('business_id', '=', businessId)
        .executeTakeFirstOrThrow();
      expect(Number(counter.last_seq)).toBe(PEOPLE);
      // …and the audit chain (one `permit.issued` row per chunk, each naming the batch) verifies.
      const issuedRows = await db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'permit.issued')
        .where('entity_id', '=', businessId)
        .execute();
      const counted = issuedRows.reduce((sum, r) => sum + (JSON.parse(r.detail) as { count: number }).count, 0);
      expect(counted).toBe(PEOPLE);
      expect(issuedRows.every((r) => r.detail.includes(started.batchId))).toBe(true);
      expect((await verifyAuditChain(db)).ok).toBe(true);
    } finally {
      await db.destroy();
    }
  }, 120_000);
});
