import { decodeClaims, decodeSign1, digitsToBytes, splitQrText } from '@thonghanh/core';
import { describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../audit/append-audit.js';
import type { Db } from '../../db/schema.js';
import { forEachApp, signIn } from '../../test/app.js';
import { WARDS } from '../../test/constants.js';
import { makeUser } from '../../test/factories.js';
import { createBatch, issueNextChunk } from '../issue-permits.js';
import { reserveSerialNumbers } from '../serials.js';
import { issueContext } from '../signing-context.js';
import { makeTestBusiness } from '../test-support.js';
import { vnYearOf } from '../vn-dates.js';
import { batchRunner } from './batch-runner.js';

async function permitsOf(db: Db, businessId: string) {
  return db
    .selectFrom('permits')
    .select(['staff_id', 'seq', 'status', 'batch_id', 'revoked_reason'])
    .where('business_id', '=', businessId)
    .orderBy('seq')
    .execute();
}

const quietLog = { error: () => {}, info: () => {} };

forEachApp((t) => {
  describe('issuing in batches: chunks that yield, a summary, a paged list, resume after a kill', () => {
    it('over 500 people: answers at once with a running batch; chunks issue everyone; the list comes page by page', async () => {
      const b = await makeTestBusiness(t.db, { staff: 520 });
      const rep = await signIn(t.app, b.rep);
      const res = await rep.post('/api/v1/permits', { staffIds: 'all' });
      expect(res.statusCode, res.body).toBe(201);
      const summary = res.json();
      expect(summary).toMatchObject({ state: 'running', requested: 520, items: [] });
      await t.app.permitBatches.idle();
      const done = (await rep.get(`/api/v1/permits/batches/${summary.batchId}`)).json();
      expect(done).toMatchObject({
        state: 'done',
        requested: 520,
        processed: 520,
        issued: 520,
        skipped: 0,
        firstSerial: '0001/GĐĐ',
        lastSerial: '0520/GĐĐ',
      });
      const serials: string[] = [];
      for (let page = 1; ; page++) {
        const p = (await rep.get(`/api/v1/permits?batchId=${summary.batchId}&page=${page}&pageSize=200`)).json();
        expect(p.total).toBe(520);
        serials.push(...p.items.map((x: { serial: string }) => x.serial));
        if (p.items.length < 200) break;
      }
      expect(serials).toEqual(Array.from({ length: 520 }, (_, i) => `${String(i + 1).padStart(4, '0')}/GĐĐ`));
      const rows = await permitsOf(t.db, b.business.id);
      expect(new Set(rows.map((r) => r.staff_id)).size).toBe(520);
      // One audit row per chunk, each naming the batch.
      const audits = await t.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'permit.issued')
        .where('entity_id', '=', b.business.id)
        .execute();
      expect(audits.length).toBeGreaterThan(1);
      expect(audits.every((a) => a.detail.includes(summary.batchId))).toBe(true);
    });

    it('a server killed mid-batch keeps whole chunks only; the next start resumes from the cursor', async () => {
      const b = await makeTestBusiness(t.db, { staff: 23 });
      const ctx = issueContext(t.appConfig, CLI_ACTOR, t.clock.now());
      const batch = await t.db
        .transaction()
        .execute((tx) => createBatch(tx, { businessId: b.business.id, staffIds: 'all' }, ctx));
      // First server: two chunks of 5 commit, then it is stopped as a kill would (between transactions).
      const first = batchRunner({
        db: t.db,
        config: t.appConfig,
        clock: t.clock,
        log: quietLog,
        chunkSize: 5,
        afterChunk: (_id, processed) => {
          if (processed >= 10) void first.stop();
        },
      });
      first.start(batch.id);
      await first.idle();
      let row = await t.db
        .selectFrom('permit_batches')
        .selectAll()
        .where('id', '=', batch.id)
        .executeTakeFirstOrThrow();
      expect([row.state, row.processed, row.issued]).toEqual(['running', 10, 10]);
      // A chunk in flight when the process died: its transaction never commits.
      await expect(
        t.db.transaction().execute(async (tx) => {
          await issueNextChunk(tx, row, ctx, 5);
          throw new Error('killed');
        }),
      ).rejects.toThrow('killed');
      expect((await permitsOf(t.db, b.business.id)).length).toBe(10);
      // Second server: resumes every running batch at start.
      const second = batchRunner({ db: t.db, config: t.appConfig, clock: t.clock, log: quietLog, chunkSize: 5 });
      expect(await second.resumePending()).toBeGreaterThanOrEqual(1);
      await second.idle();
      row = await t.db.selectFrom('permit_batches').selectAll().where('id', '=', batch.id).executeTakeFirstOrThrow();
      expect([row.state, row.processed, row.issued, row.first_serial, row.last_serial]).toEqual([
        'done',
        23,
        23,
        '0001/GĐĐ',
        '0023/GĐĐ',
      ]);
      const rows = await permitsOf(t.db, b.business.id);
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
      expect(new Set(rows.map((r) => r.staff_id)).size).toBe(23);
    });

    it('a chunk whose plan moves while it is signed (outside any transaction) is signed again: right serials and names', async () => {
      const b = await makeTestBusiness(t.db, { staff: 12 });
      const ctx = issueContext(t.appConfig, CLI_ACTOR, t.clock.now());
      const batch = await t.db
        .transaction()
        .execute((tx) => createBatch(tx, { businessId: b.business.id, staffIds: 'all' }, ctx));
      const firstPeople = await t.db
        .selectFrom('staff_members')
        .select(['id', 'name_key'])
        .where('business_id', '=', b.business.id)
        .orderBy('name_key')
        .orderBy('id')
        .limit(5)
        .execute();
      const renamed = (firstPeople[2] as { id: string }).id;
      let signings = 0;
      const runner = batchRunner({
        db: t.db,
        config: t.appConfig,
        clock: t.clock,
        log: quietLog,
        chunkSize: 5,
        afterSign: async () => {
          signings++;
          // First chunk, first signing: someone else takes serial 1, and a person is renamed.
          if (signings !== 1) return;
          await t.db.transaction().execute((tx) => reserveSerialNumbers(tx, b.business.id, vnYearOf(t.clock.now()), 1));
          await t.db
            .updateTable('staff_members')
            .set({ full_name: 'Người Đổi Tên' })
            .where('id', '=', renamed)
            .execute();
        },
      });
      runner.start(batch.id);
      await runner.idle();
      // 3 chunks, the first signed twice.
      expect(signings).toBe(4);
      const rows = await t.db
        .selectFrom('permits')
        .select(['staff_id', 'seq', 'serial', 'holder', 'qr_text'])
        .where('business_id', '=', b.business.id)
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 2));
      expect(rows.find((r) => r.staff_id === renamed)?.holder).toBe('Người Đổi Tên');
      // What is signed in each QR is what the row says.
      for (const r of rows) {
        const split = splitQrText(r.qr_text);
        const sign1 = decodeSign1(digitsToBytes(split?.digits ?? '') ?? new Uint8Array());
        if (!sign1.ok) throw new Error(sign1.message);
        const claims = decodeClaims(sign1.value.payload);
        if (!claims.ok) throw new Error(claims.message);
        expect([claims.value.permit?.serial, claims.value.permit?.holder]).toEqual([r.serial, r.holder]);
      }
    });

    it('a batch whose business is suspended meanwhile stops as failed, keeping what it issued', async () => {
      const b = await makeTestBusiness(t.db, { staff: 6 });
      const ctx = issueContext(t.appConfig, CLI_ACTOR, t.clock.now());
      const batch = await t.db
        .transaction()
        .execute((tx) => createBatch(tx, { businessId: b.business.id, staffIds: 'all' }, ctx));
      const runner = batchRunner({
        db: t.db,
        config: t.appConfig,
        clock: t.clock,
        log: quietLog,
        chunkSize: 2,
        afterChunk: async () => {
          await t.db.updateTable('businesses').set({ status: 'suspended' }).where('id', '=', b.business.id).execute();
        },
      });
      runner.start(batch.id);
      await runner.idle();
      const row = await t.db
        .selectFrom('permit_batches')
        .selectAll()
        .where('id', '=', batch.id)
        .executeTakeFirstOrThrow();
      expect([row.state, row.issued]).toEqual(['failed', 2]);
      expect(row.error).toContain('business_not_active');
    });

    it('refuses dates that do not exist, and an end before the start, with date_invalid; nothing is issued', async () => {
      const b = await makeTestBusiness(t.db, { staff: 2 });
      const rep = await signIn(t.app, b.rep);
      for (const [body, path] of [
        [{ validTo: '2026-13-31' }, 'body.validTo'],
        [{ validFrom: '2021-02-29' }, 'body.validFrom'],
        [{ validTo: '31/13/2026' }, 'body.validTo'],
        [{ validFrom: '2021-08-20', validTo: '2021-08-18' }, 'body.validTo'],
      ] as const) {
        const res = await rep.post('/api/v1/permits', { staffIds: 'all', ...body });
        expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([422, 'date_invalid']);
        expect(res.json().error.issues[0]).toMatchObject({ path, code: 'date_invalid' });
      }
      expect(await permitsOf(t.db, b.business.id)).toEqual([]);
      // 29/02 of a leap year is a real day (outside this plan, so refused for that reason).
      const leap = await rep.post('/api/v1/permits', { staffIds: 'all', validFrom: '2024-02-29' });
      expect(leap.json().error.code).toBe('validity_outside_plan');
    });

    it('a second active permit: 409 permit_already_active naming the people, unless the request says what to do', async () => {
      const b = await makeTestBusiness(t.db, { staff: 3 });
      const [s0, s1, s2] = b.staffIds as [string, string, string];
      const rep = await signIn(t.app, b.rep);
      const first = await rep.post('/api/v1/permits', { staffIds: [s0, s1] });
      expect(first.json()).toMatchObject({ state: 'done', issued: 2, count: 2 });
      const again = await rep.post('/api/v1/permits', { staffIds: [s2, s1] });
      expect(again.statusCode, again.body).toBe(409);
      expect(again.json().error.code).toBe('permit_already_active');
      expect(again.json().error.message).toContain('1 người');
      expect(again.json().error.issues).toEqual([
        expect.objectContaining({ path: 'body.staffIds.1', code: 'permit_already_active' }),
      ]);
      expect(again.json().error.issues[0].message).toContain('0002/GĐĐ');
      const all = await rep.post('/api/v1/permits', { staffIds: 'all' });
      expect([all.statusCode, all.json().error.issues.length]).toEqual([409, 2]);
      expect((await permitsOf(t.db, b.business.id)).length).toBe(2);

      // skip: only s2 is issued.
      const skip = (await rep.post('/api/v1/permits', { staffIds: 'all', onActive: 'skip' })).json();
      expect(skip).toMatchObject({ state: 'done', requested: 3, issued: 1, skipped: 2, replaced: 0 });
      expect(skip.items.map((p: { staffId: string }) => p.staffId)).toEqual([s2]);
      // replace: the old ones are revoked, new ones issued.
      const replace = (await rep.post('/api/v1/permits', { staffIds: [s0, s1], onActive: 'replace' })).json();
      expect(replace).toMatchObject({ issued: 2, skipped: 0, replaced: 2 });
      let rows = await permitsOf(t.db, b.business.id);
      expect(
        rows
          .filter((r) => r.status === 'active')
          .map((r) => r.staff_id)
          .sort(),
      ).toEqual([s0, s1, s2].sort());
      expect(rows.filter((r) => r.status === 'revoked').map((r) => r.revoked_reason)).toEqual([
        'Cấp giấy mới thay thế',
        'Cấp giấy mới thay thế',
      ]);
      // another: a second active permit, knowingly.
      const another = (await rep.post('/api/v1/permits', { staffIds: [s2], onActive: 'another' })).json();
      expect(another).toMatchObject({ issued: 1, replaced: 0, skipped: 0 });
      rows = await permitsOf(t.db, b.business.id);
      expect(rows.filter((r) => r.status === 'active' && r.staff_id === s2).length).toBe(2);
    });

    it('one batch at a time per business: 409 batch_running while one is in progress', async () => {
      const b = await makeTestBusiness(t.db, { staff: 2 });
      const ctx = issueContext(t.appConfig, CLI_ACTOR, t.clock.now());
      await t.db.transaction().execute((tx) => createBatch(tx, { businessId: b.business.id, staffIds: 'all' }, ctx));
      const res = await (await signIn(t.app, b.rep)).post('/api/v1/permits', { staffIds: 'all' });
      expect([res.statusCode, res.json().error.code]).toEqual([409, 'batch_running']);
      await t.db
        .updateTable('permit_batches')
        .set({ state: 'failed' })
        .where('business_id', '=', b.business.id)
        .execute();
    });

    it('a batch is seen by its business and its ward, printed as one PDF; others get 404', async () => {
      const b = await makeTestBusiness(t.db, { staff: 3 });
      const rep = await signIn(t.app, b.rep);
      const { batchId } = (await rep.post('/api/v1/permits', { staffIds: 'all' })).json();
      const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
      expect((await desk.get(`/api/v1/permits/batches/${batchId}`)).json().issued).toBe(3);
      const other = await makeTestBusiness(t.db, { staff: 1 });
      expect((await (await signIn(t.app, other.rep)).get(`/api/v1/permits/batches/${batchId}`)).statusCode).toBe(404);
      const far = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.other }));
      expect((await far.get(`/api/v1/permits/batches/${batchId}`)).statusCode).toBe(404);
      expect((await far.get(`/api/v1/permits?batchId=${batchId}`)).json().total ?? 0).toBe(0);
      const pdf = await rep.post('/api/v1/permits/print', { batchId, layout: 'A4x2' });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['x-permit-count']).toBe('3');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await (await signIn(t.app, other.rep)).post('/api/v1/permits/print', { batchId })).statusCode).toBe(404);
    });
  });
});
