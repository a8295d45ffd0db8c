import type { Executor } from '../db/schema.js';

export interface ScanFilter {
  wardCode?: string;
  districtCode?: string;
  provinceCode?: string;
  /** A city as its districts (the scan log has district indexes, no province one). */
  districtCodes?: string[];
  checkpointId?: string;
  verdict?: string;
  kind?: string;
  /** ISO instants, `from` inclusive, `to` exclusive. */
  from?: string;
  to?: string;
  /** Scans of one credential: its cti, or its serial. */
  cti?: string;
  serial?: string;
  /** The person's document number, as the device read it. */
  idNumber?: string;
  /** The unit's tax code, as the device read it. */
  unitTaxCode?: string;
}

function filtered(db: Executor, f: ScanFilter) {
  let q = db.selectFrom('scans as s');
  if (f.wardCode) q = q.where('s.ward_code', '=', f.wardCode);
  if (f.districtCode) q = q.where('s.district_code', '=', f.districtCode);
  if (f.districtCodes) q = q.where('s.district_code', 'in', f.districtCodes);
  else if (f.provinceCode) q = q.where('s.province_code', '=', f.provinceCode);
  if (f.idNumber) q = q.where('s.id_number', '=', f.idNumber);
  if (f.unitTaxCode) q = q.where('s.unit_tax_code', '=', f.unitTaxCode);
  if (f.checkpointId) q = q.where('s.checkpoint_id', '=', f.checkpointId);
  if (f.verdict) q = q.where('s.verdict', '=', f.verdict);
  if (f.kind) q = q.where('s.kind', '=', f.kind);
  if (f.from) q = q.where('s.scanned_at', '>=', f.from);
  if (f.to) q = q.where('s.scanned_at', '<', f.to);
  const { cti, serial } = f;
  if (cti && serial) q = q.where((eb) => eb.or([eb('s.cti', '=', cti), eb('s.serial', '=', serial)]));
  else if (cti) q = q.where('s.cti', '=', cti);
  else if (serial) q = q.where('s.serial', '=', serial);
  return q;
}

/** Scans matching the filter, newest first, with their checkpoint and (when known) permit. */
export async function listScans(db: Executor, f: ScanFilter, page: { limit: number; offset: number }) {
  const total = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const items = await filtered(db, f)
    .innerJoin('checkpoints as c', 'c.id', 's.checkpoint_id')
    .leftJoin('permits as p', 'p.cti', 's.cti')
    .selectAll('s')
    .select([
      'c.name as checkpoint_name',
      'p.id as permit_id',
      'p.holder as permit_holder',
      'p.business_id as permit_business_id',
    ])
    .orderBy('s.scanned_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { items, total: Number(total.n) };
}

/**
 * Every scan matching the filter, newest first, a page at a time (keyset on scanned_at, id:
 * on SQLite one query never holds the only connection for a whole export).
 */
export async function* scanPages(db: Executor, f: ScanFilter, size = 2000): AsyncGenerator<ScanListRow[]> {
  let after: { at: string; id: string } | null = null;
  for (;;) {
    let q = filtered(db, f)
      .innerJoin('checkpoints as c', 'c.id', 's.checkpoint_id')
      .leftJoin('permits as p', 'p.cti', 's.cti')
      .selectAll('s')
      .select([
        'c.name as checkpoint_name',
        'p.id as permit_id',
        'p.holder as permit_holder',
        'p.business_id as permit_business_id',
      ]);
    if (after) {
      const { at, id } = after;
      q = q.where((eb) =>
        eb.or([eb('s.scanned_at', '<', at), eb.and([eb('s.scanned_at', '=', at), eb('s.id', '<', id)])]),
      );
    }
    const rows = await q.orderBy('s.scanned_at', 'desc').orderBy('s.id', 'desc').limit(size).execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < size) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.scanned_at, id: last.id };
  }
}

export type ScanListRow = Awaited<ReturnType<typeof listScans>>['items'][number];
