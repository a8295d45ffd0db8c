import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '../audit/append-audit.js';
import type { Config } from '../config.js';
import { DEMO, type DemoStep } from '../demo/demo-context.js';
import { ensureWardKey } from '../keys/ward-keys.js';
import { insertScanRows } from '../scans/store-scans.js';
import { issuePermits } from './issue-permits.js';
import { approvedPlanOf } from './issuing-business.js';
import { revokePermit } from './revoke-permits.js';
import { issueContext } from './signing-context.js';
import { issueUnitCredential, revokeUnitCredentials } from './unit-credential.js';
import { vnDateOf } from './vn-dates.js';

declare module '../demo/demo-context.js' {
  interface DemoContext {
    /** The server's configuration (master key, ORIGIN): steps that sign need it; absent, they do nothing. */
    config?: Pick<Config, 'masterKey' | 'keysDir' | 'publicUrl'>;
  }
}

const DAY = 86_400_000;

/**
 * Đức Giang's signing key (made 30 days ago), a unit QR for every approved unit (the two
 * suspended units' QR revoked), and the reference unit's permits (`doanhnghiep.demo`):
 * five that expired last week, one for everyone on its list, three revoked (one of them
 * reissued), and a morning of scans at the ward's checkpoints. Needs `ctx.config`.
 */
export const demoPermitsStep: DemoStep = {
  name: 'permits',
  async run(ctx) {
    if (!ctx.config) return;
    const config = ctx.config;
    const at = (ms: number) => issueContext(config, SYSTEM_ACTOR, new Date(ms));
    const now = ctx.now.getTime();
    await ensureWardKey(ctx.db, DEMO.ward, at(now - 30 * DAY));

    const businesses = await ctx.db
      .selectFrom('businesses')
      .select(['id', 'status'])
      .where('ward_code', '=', DEMO.ward)
      .where('status', 'in', ['active', 'suspended'])
      .orderBy('name_key')
      .execute();
    for (const b of businesses) {
      const dossier = await ctx.db
        .selectFrom('dossiers')
        .select(['id', 'plan_from', 'plan_to', 'reference_number', 'state', 'decided_at'])
        .where('business_id', '=', b.id)
        .where('kind', '=', 'initial')
        .where('state', 'in', ['approved', 'suspended'])
        .executeTakeFirst();
      if (!dossier) continue;
      const issuedAt = Math.min(now, dossier.decided_at ? Date.parse(dossier.decided_at) : now);
      await issueUnitCredential(
        ctx.db,
        {
          businessId: b.id,
          dossierId: dossier.id,
          approvalRef: dossier.reference_number ?? '—',
          planFrom: dossier.plan_from,
          planTo: dossier.plan_to,
        },
        at(Math.max(issuedAt, now - 25 * DAY)),
      );
      if (dossier.state === 'suspended') {
        await revokeUnitCredentials(ctx.db, b.id, DEMO.ward, 'Đơn vị bị tạm dừng hoạt động', {
          actor: SYSTEM_ACTOR,
          now: ctx.now,
        });
      }
    }

    const businessId = ctx.users.get('doanhnghiep.demo')?.business_id;
    const plan = businessId ? await approvedPlanOf(ctx.db, businessId) : undefined;
    if (!businessId || !plan) return;
    const staff = (
      await ctx.db
        .selectFrom('staff_members')
        .select('id')
        .where('business_id', '=', businessId)
        .where('status', '=', 'approved')
        .orderBy('name_key')
        .execute()
    ).map((s) => s.id);
    // Last week's permits, expired: issued 12 days ago for six days (inside the plan).
    const past = Math.max(now - 12 * DAY, Date.parse(`${plan.planFrom}T03:00:00Z`));
    if (vnDateOf(past + 6 * DAY) < vnDateOf(now)) {
      await issuePermits(
        ctx.db,
        {
          businessId,
          staffIds: staff.slice(0, 5),
          validFrom: vnDateOf(past),
          validTo: vnDateOf(past + 5 * DAY),
          purpose: 'Đi làm ca tăng cường',
        },
        at(past),
      );
    }
    const current = await issuePermits(ctx.db, { businessId, staffIds: 'all' }, at(now - 2 * 3_600_000));
    const reasons = [
      'Người lao động nghỉ việc',
      'Làm mất giấy đi đường, đã cấp giấy mới',
      'Đoàn kiểm tra phát hiện đi ngoài lộ trình đã đăng ký',
    ];
    for (const [i, reason] of reasons.entries()) {
      const p = current[[3, 8, 15][i] as number];
      if (p) await revokePermit(ctx.db, p, reason, { actor: SYSTEM_ACTOR, now: new Date(now - 60 * 60_000) });
    }
    const lost = current[8];
    if (lost) await issuePermits(ctx.db, { businessId, staffIds: [lost.staff_id] }, at(now - 50 * 60_000));

    // This morning at the checkpoints: mostly valid, a revoked one, an expired one, a foreign code.
    const checkpoints = await ctx.db
      .selectFrom('checkpoints as c')
      .innerJoin('admin_units as o', 'o.code', 'c.owner_ward_code')
      .select(['c.id', 'o.district_code', 'o.province_code'])
      .where('c.owner_ward_code', '=', DEMO.ward)
      .orderBy('c.name')
      .execute();
    const officer = ctx.users.get('chot.ducgiang')?.id ?? null;
    const rows = current.slice(0, 24).map((p, i) => {
      const cp = checkpoints[i % checkpoints.length];
      const verdict = i === 3 || i === 8 ? 'revoked' : 'valid';
      return {
        id: randomUUID(),
        checkpoint_id: cp?.id as string,
        ward_code: DEMO.ward,
        district_code: cp?.district_code ?? DEMO.district,
        province_code: cp?.province_code ?? DEMO.province,
        officer_id: officer,
        scanned_at: new Date(now - (40 - i) * 60_000).toISOString(),
        received_at: new Date(now - 10 * 60_000).toISOString(),
        verdict,
        warnings: i === 5 ? '["off_route"]' : '[]',
        kind: 'permit',
        cti: p.cti,
        serial: p.serial,
        id_number: p.id_number,
        unit_tax_code: null,
      };
    });
    if (checkpoints.length > 0 && rows.length > 0) await insertScanRows(ctx.db, rows);
  },
};
