/**
 * Upload bombs (issue 9, item 2): each hostile file of
 * packages/server/src/staff/import/upload-bombs.test-support.ts sent to
 * `POST /api/v1/dossiers/:id/staff/import` through the whole app (multipart, the worker
 * pool, the caps), on SQLite and, when DATABASE_URL is set, PostgreSQL: how long until it
 * is refused, with what, and the process's memory afterwards; then a real list of 10,000
 * people through the same route, with /healthz asked every 20 ms meanwhile (its slowest
 * answer says whether the event loop stayed free).
 *
 * `node --import tsx bench/upload-bombs.ts` prints the table; `benchUploadBombs()` returns it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../packages/server/src/app.js';
import { SYSTEM_ACTOR } from '../packages/server/src/audit/append-audit.js';
import { bindAuditKey } from '../packages/server/src/audit/audit-key.js';
import { createSession } from '../packages/server/src/auth/sessions.js';
import { createBusiness } from '../packages/server/src/businesses/create-business.js';
import { manualClock } from '../packages/server/src/clock.js';
import { loadConfig } from '../packages/server/src/config.js';
import { createDatabase } from '../packages/server/src/db/database.js';
import { prepareDatabase } from '../packages/server/src/db/prepare-database.js';
import type { Db } from '../packages/server/src/db/schema.js';
import { memoryStorage } from '../packages/server/src/dossiers/attachments/file-storage.js';
import { multipartBody } from '../packages/server/src/dossiers/attachments/test-multipart.js';
import { createDossier } from '../packages/server/src/dossiers/create-dossier.js';
import { memoryMailer } from '../packages/server/src/mail/mailer.js';
import { importStaffFile } from '../packages/server/src/staff/import/import-staff-file.js';
import { readStaffSheet } from '../packages/server/src/staff/import/read-staff-sheet.js';
import { checkStaffFileInWorker } from '../packages/server/src/staff/import/sheet-reader-pool.js';
import { uploadBombs } from '../packages/server/src/staff/import/upload-bombs.test-support.js';
import { createUser } from '../packages/server/src/users/create-user.js';
import { HEADERS, person, personRow, xlsxOf } from '../packages/server/test/support/staff-files.js';
import { openBenchDatabase } from './bench-database.js';
import { median } from './measure.js';
import type { Section } from './table.js';

const ROUNDS = 3;
const NOW = new Date('2021-08-15T03:00:00.000Z');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MB = 1024 * 1024;

async function setUp(db: Db) {
  await prepareDatabase(db, manualClock(NOW));
  return db.transaction().execute(async (tx) => {
    const { business } = await createBusiness(
      tx,
      {
        taxCode: '0100109106',
        name: 'Công ty TNHH Đo Đạc',
        address: 'Số 1 phố Đức Giang',
        wardCode: '00124',
        lineOfBusiness: 'Thực phẩm',
        contactName: 'Nguyễn Văn An',
        contactPhone: '0912345678',
        via: 'ward',
      },
      SYSTEM_ACTOR,
      NOW,
    );
    const dossier = await createDossier(
      tx,
      { business, kind: 'initial', channel: 'online', planFrom: '2021-08-15', planTo: '2021-09-30' },
      SYSTEM_ACTOR,
      NOW,
    );
    const { user } = await createUser(
      tx,
      {
        username: 'bench.rep',
        fullName: 'Đại diện',
        role: 'business_rep',
        scope: { wardCode: '00124' },
        businessId: business.id,
        password: 'mat-khau-bench',
      },
      SYSTEM_ACTOR,
      NOW,
    );
    return { dossierId: dossier.id, user };
  });
}

export async function benchUploadBombs(): Promise<Section> {
  const bombs = uploadBombs();
  const legit = await xlsxOf([HEADERS, ...Array.from({ length: 10_000 }, (_, i) => personRow(person(i)))]);
  const kinds: Array<'sqlite' | 'postgres'> = process.env.DATABASE_URL?.startsWith('postgres')
    ? ['sqlite', 'postgres']
    : ['sqlite'];
  const inThread = new Map<string, number>();
  for (const b of bombs) {
    const times: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const t = performance.now();
      await readStaffSheet(b.bytes, {});
      times.push(performance.now() - t);
    }
    inThread.set(b.name, median(times));
  }
  // Reading and checking the real list (no database), in this thread and in the worker, rounds interleaved.
  let t0 = performance.now();
  await checkStaffFileInWorker(legit, {});
  const coldRead = performance.now() - t0;
  const here: number[] = [];
  const there: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    t0 = performance.now();
    await importStaffFile(legit, {});
    here.push(performance.now() - t0);
    t0 = performance.now();
    await checkStaffFileInWorker(legit, {});
    there.push(performance.now() - t0);
  }
  const rows: string[][] = [];
  const notes: string[] = [
    `Reading and checking (unzip, parse, validate; no database lookups) the real 10,000-row list: ` +
      `${median(here).toFixed(0)} ms in this thread, ${median(there).toFixed(0)} ms in a warm worker (copying the ` +
      `file in and the checked rows out included); the first, which starts the worker: ${coldRead.toFixed(0)} ms.`,
  ];
  for (const kind of kinds) {
    const dir = mkdtempSync(join(tmpdir(), 'th-bench-bombs-'));
    const target = await openBenchDatabase(kind, dir);
    const db = createDatabase(target.config, { poolSize: 4 });
    bindAuditKey(db, { auditKey: undefined, keysDir: join(dir, 'keys') });
    try {
      const { dossierId, user } = await setUp(db);
      const config = { ...loadConfig({ NODE_ENV: 'test', THONGHANH_DATA_DIR: dir }), database: target.config };
      const app = await buildApp({
        db,
        config,
        clock: manualClock(NOW),
        mailer: memoryMailer(),
        storage: memoryStorage(),
      });
      const { token, session } = await createSession(db, user.id, NOW, config.session);
      const upload = (bytes: Uint8Array) => {
        const body = multipartBody('danh-sach.xlsx', bytes, XLSX);
        return app.inject({
          method: 'POST',
          url: `/api/v1/dossiers/${dossierId}/staff/import`,
          payload: body.payload,
          headers: { ...body.headers, 'x-csrf-token': session.csrf_token },
          cookies: { th_session: token },
        });
      };
      // The first upload on this database (the workers were started by the reading above).
      let t = performance.now();
      const first = await upload(bombs[0]!.bytes);
      const coldMs = performance.now() - t;
      if (first.statusCode !== 413) throw new Error(`first bomb: ${first.statusCode}`);
      for (const b of bombs) {
        const times: number[] = [];
        let answer = '';
        for (let r = 0; r < ROUNDS; r++) {
          t = performance.now();
          const res = await upload(b.bytes);
          times.push(performance.now() - t);
          const body = res.json();
          answer = `${res.statusCode} ${body.error?.code ?? body.errors?.[0]?.code}`;
        }
        rows.push([
          kind === 'sqlite' ? 'SQLite' : 'PostgreSQL',
          b.name,
          `${(b.bytes.length / MB).toFixed(2)} MB`,
          `${(b.inflated / MB).toFixed(0)} MiB`,
          answer,
          `${median(times).toFixed(0)} ms`,
          `${(inThread.get(b.name) ?? 0).toFixed(0)} ms`,
        ]);
      }
      // A real list while /healthz is asked every 20 ms.
      const health: number[] = [];
      let reading = true;
      const poll = (async () => {
        while (reading) {
          const h = performance.now();
          await app.inject({ method: 'GET', url: '/healthz' });
          health.push(performance.now() - h);
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      const legitTimes: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        t = performance.now();
        const res = await upload(legit);
        legitTimes.push(performance.now() - t);
        if (res.statusCode !== 200 || res.json().savedCount !== 10_000)
          throw new Error(`10,000 rows: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      reading = false;
      await poll;
      rows.push([
        kind === 'sqlite' ? 'SQLite' : 'PostgreSQL',
        'real list, 10,000 people',
        `${(legit.length / MB).toFixed(2)} MB`,
        '',
        '200 saved 10,000',
        `${median(legitTimes).toFixed(0)} ms`,
        '',
      ]);
      notes.push(
        `${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: first upload ${coldMs.toFixed(0)} ms; ` +
          `/healthz during the 10,000-row imports: median ${median(health).toFixed(0)} ms, slowest ${Math.max(...health).toFixed(0)} ms ` +
          `over ${health.length} requests; RSS after all files ${(process.memoryUsage().rss / MB).toFixed(0)} MB.`,
      );
      await app.close();
    } finally {
      await db.destroy();
      await target.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  notes.push(
    `Median of ${ROUNDS} rounds, warm worker. "in this thread": \`readStaffSheet\` alone, without HTTP or worker. ` +
      'Before the caps, the 500 MiB string ran the server out of memory at 3.7 GB and the 543 MB sheet took 41–59 s of CPU.',
  );
  return {
    tables: [
      {
        title: 'Upload bombs and a real list through POST /api/v1/dossiers/:id/staff/import',
        headers: ['database', 'file', 'size', 'inflates to', 'answer', 'until answered', 'in this thread'],
        right: [2, 3, 5, 6],
        rows,
      },
    ],
    notes,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { consoleSection } = await import('./table.js');
  console.log(consoleSection(await benchUploadBombs()));
  process.exit(0);
}
