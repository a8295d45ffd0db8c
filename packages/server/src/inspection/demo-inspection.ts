import { SYSTEM_ACTOR } from '../audit/append-audit.js';
import type { ScanRow } from '../db/schema.js';
import { DEMO_REFERENCE_UNIT } from '../demo/demo-businesses.js';
import { DEMO, type DemoStep } from '../demo/demo-context.js';
import { type Rng, seededRng } from '../demo/demo-random.js';
import { issuePermits } from '../permits/issue-permits.js';
import { revokePermit } from '../permits/revoke-permits.js';
import { issueContext } from '../permits/signing-context.js';
import { vnDateOf, vnDayStart } from '../permits/vn-dates.js';
import { insertScanRows } from '../scans/store-scans.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A UUID (version 4 layout) from the demo's seeded generator: the same on every run. */
function demoUuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng.next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A week of scans at Đức Giang's checkpoints before the demo's "today", consistent with the
 * permits (verdicts follow each permit's state at the time of the scan) and holding at least
 * one finding of every post-inspection kind:
 * - unit A (busy): its workers pass a checkpoint morning and evening; one went off route,
 *   one late at night, one showed someone else's ID card, one permit was copied (seen at two
 *   checkpoints two kilometres apart 30 seconds apart), one was revoked three days ago and a
 *   device with an old list still accepted it, two forgeries claimed to be its permits;
 * - unit B: only a few of its permits are ever shown (never_scanned);
 * - unit C: its permits expired four days ago and its workers keep showing them, one
 *   revoked permit was shown and refused (expired_presented, revoked_presented,
 *   unit_high_failure).
 * Needs the permits step (ward key, signing config). Deterministic (seeded).
 */
export const demoInspectionStep: DemoStep = {
  name: 'inspection',
  async run(ctx) {
    if (!ctx.config) return;
    const config = ctx.config;
    const now = ctx.now.getTime();
    const rng = seededRng(20210816);
    const at = (ms: number) => issueContext(config, SYSTEM_ACTOR, new Date(ms));
    const weekAgo = now - 8 * DAY;
    const units = await ctx.db
      .selectFrom('businesses as b')
      .innerJoin('dossiers as d', 'd.business_id', 'b.id')
      .select(['b.id', 'b.tax_code'])
      .where('b.ward_code', '=', DEMO.ward)
      .where('b.status', '=', 'active')
      .where('b.tax_code', '!=', DEMO_REFERENCE_UNIT.taxCode)
      .where('d.kind', '=', 'initial')
      .where('d.state', '=', 'approved')
      .where('d.plan_from', '<=', vnDateOf(weekAgo))
      .where('d.plan_to', '>', vnDateOf(now + DAY))
      .orderBy('b.name_key')
      .limit(3)
      .execute();
    const [a, b, c] = units;
    if (!a || !b || !c) return;
    const unitA = await issuePermits(ctx.db, { businessId: a.id, staffIds: 'all' }, at(weekAgo));
    const unitB = await issuePermits(ctx.db, { businessId: b.id, staffIds: 'all' }, at(weekAgo));
    const unitC = await issuePermits(
      ctx.db,
      { businessId: c.id, staffIds: 'all', validFrom: vnDateOf(weekAgo), validTo: vnDateOf(now - 5 * DAY) },
      at(weekAgo),
    );

    const checkpoints = await ctx.db
      .selectFrom('checkpoints as k')
      .innerJoin('admin_units as o', 'o.code', 'k.owner_ward_code')
      .select(['k.id', 'k.name', 'o.district_code', 'o.province_code'])
      .where('k.owner_ward_code', '=', DEMO.ward)
      .orderBy('k.name')
      .execute();
    const bridge = checkpoints.find((k) => k.name.includes('Đông Trù'));
    const junction = checkpoints.find((k) => k.name.includes('Ngô Gia Tự'));
    if (!bridge || !junction) return;
    const officer = ctx.users.get('chot.ducgiang')?.id ?? null;
    const rows: ScanRow[] = [];
    const scan = (
      p: { cti: string | null; serial: string; id_number: string } | null,
      taxCode: string | null,
      ms: number,
      o: { verdict?: string; warnings?: string[]; checkpoint?: typeof bridge } = {},
    ) => {
      const k = o.checkpoint ?? (rng.pick(checkpoints) as typeof bridge);
      rows.push({
        id: demoUuid(rng),
        checkpoint_id: k.id,
        ward_code: DEMO.ward,
        district_code: k.district_code ?? DEMO.district,
        province_code: k.province_code,
        officer_id: officer,
        scanned_at: new Date(ms).toISOString(),
        received_at: new Date(ms + rng.int(1, 30) * MINUTE).toISOString(),
        verdict: o.verdict ?? 'valid',
        warnings: JSON.stringify(o.warnings ?? []),
        kind: 'permit',
        cti: p?.cti ?? null,
        serial: p?.serial ?? null,
        id_number: p?.id_number ?? null,
        unit_tax_code: taxCode,
      });
    };
    const today = vnDateOf(now);
    const dayStart = (back: number) => vnDayStart(vnDateOf(vnDayStart(today) - back * DAY));

    // Unit A: one revoked three days ago; an old device still says valid two days ago.
    const revokedA = unitA[2];
    if (revokedA) {
      await revokePermit(ctx.db, revokedA, 'Người lao động nghỉ việc', {
        actor: SYSTEM_ACTOR,
        now: new Date(now - 3 * DAY),
      });
    }
    for (let back = 7; back >= 1; back--) {
      const day = dayStart(back);
      for (const [i, p] of unitA.slice(0, 12).entries()) {
        if (p === revokedA && back < 3) {
          if (back === 2) scan(p, a.tax_code, day + 7 * HOUR + i * MINUTE, { warnings: ['lists_stale'] });
          continue;
        }
        scan(p, a.tax_code, day + 7 * HOUR + rng.int(0, 55) * MINUTE);
        scan(p, a.tax_code, day + 17 * HOUR + rng.int(0, 55) * MINUTE);
      }
      // Unit B: two of its people only.
      for (const p of unitB.slice(0, 2)) scan(p, b.tax_code, day + 7 * HOUR + rng.int(0, 55) * MINUTE);
      // Unit C: in force until five days ago, shown expired afterwards.
      for (const p of unitC.slice(0, 4)) {
        const ms = day + 7 * HOUR + rng.int(0, 55) * MINUTE;
        scan(p, c.tax_code, ms, { verdict: ms >= Date.parse(p.valid_to) ? 'expired' : 'valid' });
      }
    }
    const [p0, p1, , , p4] = unitA;
    const yesterday = dayStart(1);
    if (p0) scan(p0, a.tax_code, yesterday + 12 * HOUR + 5 * MINUTE, { warnings: ['off_route'] });
    if (p1) scan(p1, a.tax_code, dayStart(3) + 22 * HOUR + 40 * MINUTE, { warnings: ['outside_schedule'] });
    if (p4) scan(p4, a.tax_code, dayStart(2) + 12 * HOUR + 30 * MINUTE, { warnings: ['identity_mismatch'] });
    // A copy: the same permit at two checkpoints about two kilometres apart, 30 seconds apart.
    if (unitA[5]) {
      const copied = unitA[5];
      const t0 = dayStart(4) + 12 * HOUR + 31 * MINUTE;
      scan(copied, a.tax_code, t0, { checkpoint: bridge });
      scan(copied, a.tax_code, t0 + 30_000, { checkpoint: junction });
    }
    // Forgeries that claim to be unit A's permits.
    scan({ cti: null, serial: '0999/GĐĐ', id_number: '001090012345' }, a.tax_code, dayStart(5) + 8 * HOUR, {
      verdict: 'bad_signature',
    });
    scan(null, null, dayStart(6) + 18 * HOUR + 12 * MINUTE, { verdict: 'unknown_key' });
    // Unit C: one permit revoked, then shown and refused.
    const revokedC = unitC[5];
    if (revokedC) {
      await revokePermit(ctx.db, revokedC, 'Đơn vị báo mất giấy', {
        actor: SYSTEM_ACTOR,
        now: new Date(now - 7 * DAY),
      });
      scan(revokedC, c.tax_code, dayStart(6) + 7 * HOUR + 20 * MINUTE, { verdict: 'revoked' });
    }
    await insertScanRows(ctx.db, rows);
  },
};
