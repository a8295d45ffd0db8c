import { describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../audit/append-audit.js';
import type { Db, PermitRow } from '../db/schema.js';
import { forEachApp, signIn } from '../test/app.js';
import { REPLACED_REASON } from './issue-permits.js';
import { revokePermit, revokePermitsOf } from './revoke-permits.js';
import { makeTestBusiness, servedLists, type TestBusiness } from './test-support.js';

async function permitsOf(db: Db, businessId: string) {
  return db
    .selectFrom('permits')
    .selectAll()
    .where('business_id', '=', businessId)
    .orderBy('year')
    .orderBy('seq')
    .execute();
}

/** The `permit.revoked` audit rows about a business, oldest first, their detail parsed. */
async function revocationAudits(db: Db, businessId: string) {
  const rows = await db
    .selectFrom('audit_log')
    .select(['detail', 'actor_role', 'ward_code'])
    .where('action', '=', 'permit.revoked')
    .where('entity_type', '=', 'business')
    .where('entity_id', '=', businessId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

forEachApp((t) => {
  /** A business whose approved people all hold one permit, issued through the API. */
  async function issuedBusiness(staff: number): Promise<TestBusiness> {
    const b = await makeTestBusiness(t.db, { staff });
    const res = await (await signIn(t.app, b.rep)).post('/api/v1/permits', { staffIds: 'all' });
    expect(res.statusCode, res.body).toBe(201);
    return b;
  }

  const ctx = () => ({ actor: CLI_ACTOR, now: t.clock.now() });

  describe('revoking permits in bulk: replaced in a batch, people taken off, a business suspended', () => {
    it('onActive replace: exactly the replaced people’s active permits are revoked, the rest kept; one audit row by serial', async () => {
      const b = await issuedBusiness(4);
      const other = await issuedBusiness(2);
      const [s0, s1, s2, s3] = b.staffIds as [string, string, string, string];
      const rep = await signIn(t.app, b.rep);
      // s1 knowingly holds a second active permit: replacing s1 revokes both.
      const another = await rep.post('/api/v1/permits', { staffIds: [s1], onActive: 'another' });
      expect(another.json()).toMatchObject({ issued: 1 });
      const before = await permitsOf(t.db, b.business.id);
      const oldOf = (id: string) => before.filter((p) => p.staff_id === id);
      const expectedRevoked = [...oldOf(s2), ...oldOf(s1)].sort((a, b) => a.seq - b.seq);
      expect(expectedRevoked.length).toBe(3);

      const res = await rep.post('/api/v1/permits', { staffIds: [s2, s1], onActive: 'replace' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ state: 'done', issued: 2, skipped: 0, replaced: 2 });

      const after = await permitsOf(t.db, b.business.id);
      const byId = new Map(after.map((p) => [p.id, p]));
      for (const p of expectedRevoked) {
        expect(byId.get(p.id)).toMatchObject({ status: 'revoked', revoked_reason: REPLACED_REASON });
      }
      // s0 and s3 keep theirs; s1 and s2 each hold one new active permit.
      const active = after.filter((p) => p.status === 'active');
      expect(active.map((p) => p.staff_id).sort()).toEqual([s0, s1, s2, s3].sort());
      for (const p of [...oldOf(s0), ...oldOf(s3)]) expect(byId.get(p.id)?.status).toBe('active');
      expect((await permitsOf(t.db, other.business.id)).every((p) => p.status === 'active')).toBe(true);

      const audits = await revocationAudits(t.db, b.business.id);
      expect(audits.length).toBe(1);
      expect(audits[0]).toMatchObject({
        actor_role: 'business_rep',
        ward_code: b.business.ward_code,
        detail: {
          count: 3,
          serials: expectedRevoked.map((p) => p.serial),
          reason: REPLACED_REASON,
        },
      });
      // The people replaced, in the chunk's order (by name).
      expect([...((audits[0]?.detail.staffIds ?? []) as string[])].sort()).toEqual([s1, s2].sort());
      const { revoked } = await servedLists(t.app);
      for (const p of expectedRevoked) expect(revoked.revoked.has(p.cti)).toBe(true);
      for (const p of active) expect(revoked.revoked.has(p.cti)).toBe(false);
    });

    it('by person: expired, already revoked and other businesses’ permits are kept; people past the 500th are looked up too', async () => {
      const b = await issuedBusiness(3);
      const other = await issuedBusiness(1);
      const [s0, s1, s2] = b.staffIds as [string, string, string];
      const permits = await permitsOf(t.db, b.business.id);
      const of = (id: string) => permits.find((p) => p.staff_id === id)!;
      // s0's permit has expired (an hour ago); s1's was revoked earlier for another reason.
      await t.db
        .updateTable('permits')
        .set({ valid_to: new Date(t.clock.now().getTime() - 3_600_000).toISOString() })
        .where('id', '=', of(s0).id)
        .execute();
      await t.db.transaction().execute((tx) => revokePermit(tx, of(s1), 'Nghỉ việc', ctx()));
      // 600 ids nobody holds put s2 and the other business's person in the second lookup chunk.
      const fillers = Array.from({ length: 600 }, (_, i) => `khong-co-${i}`);
      const staffIds = [s0, s1, ...fillers, s2, other.staffIds[0]!];

      const n = await t.db
        .transaction()
        .execute((tx) =>
          revokePermitsOf(tx, { businessId: b.business.id, staffIds }, b.business.ward_code, 'Thôi việc', ctx()),
        );
      expect(n).toBe(1);
      const after = new Map((await permitsOf(t.db, b.business.id)).map((p) => [p.staff_id, p]));
      expect(after.get(s0)).toMatchObject({ status: 'active', revoked_reason: null });
      expect(after.get(s1)).toMatchObject({ status: 'revoked', revoked_reason: 'Nghỉ việc' });
      expect(after.get(s2)).toMatchObject({
        status: 'revoked',
        revoked_reason: 'Thôi việc',
        revoked_at: ctx().now.toISOString(),
      });
      expect((await permitsOf(t.db, other.business.id))[0]?.status).toBe('active');
      const audits = await revocationAudits(t.db, b.business.id);
      expect(audits.map((a) => a.detail)).toEqual([
        { count: 1, serials: [of(s2).serial], reason: 'Thôi việc', staffIds },
      ]);
      expect(audits[0]?.actor_role).toBe('cli');
    });

    it('a whole business: every active, unexpired permit of that business only, by serial; nothing left, no audit row', async () => {
      const b = await issuedBusiness(4);
      const other = await issuedBusiness(2);
      const permits = await permitsOf(t.db, b.business.id);
      const [p0, p1, p2, p3] = permits as [PermitRow, PermitRow, PermitRow, PermitRow];
      await t.db
        .updateTable('permits')
        .set({ valid_to: t.clock.now().toISOString() })
        .where('id', '=', p2.id)
        .execute();
      await t.db.transaction().execute((tx) => revokePermit(tx, p0, 'Nghỉ việc', ctx()));
      const suspend = () =>
        t.db
          .transaction()
          .execute((tx) =>
            revokePermitsOf(tx, { businessId: b.business.id }, b.business.ward_code, 'Tạm dừng hoạt động', ctx()),
          );

      expect(await suspend()).toBe(2);
      const status = new Map((await permitsOf(t.db, b.business.id)).map((p) => [p.id, [p.status, p.revoked_reason]]));
      expect([p0, p1, p2, p3].map((p) => status.get(p.id))).toEqual([
        ['revoked', 'Nghỉ việc'],
        ['revoked', 'Tạm dừng hoạt động'],
        ['active', null], // expired at this very instant: nothing to revoke
        ['revoked', 'Tạm dừng hoạt động'],
      ]);
      expect((await permitsOf(t.db, other.business.id)).every((p) => p.status === 'active')).toBe(true);
      expect((await revocationAudits(t.db, b.business.id)).map((a) => a.detail)).toEqual([
        { count: 2, serials: [p1.serial, p3.serial], reason: 'Tạm dừng hoạt động' },
      ]);

      expect(await suspend()).toBe(0);
      expect((await revocationAudits(t.db, b.business.id)).length).toBe(1);
    });
  });
});
