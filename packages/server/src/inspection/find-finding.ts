import type { Executor } from '../db/schema.js';
import { ANOMALY_KINDS, type AnomalyKind, DEFAULT_FAILURE_THRESHOLD } from './anomaly-kinds.js';
import { describeFindings, type Finding, periodOfKey } from './describe-findings.js';
import { findAnomalies, type LightFinding } from './find-anomalies.js';
import type { ResolvedArea } from './inspection-area.js';

const plusOneMs = (iso: string) => new Date(Date.parse(iso) + 1).toISOString();

/**
 * One finding again, from its key, as it is now: the same rules run on the rows the key names
 * (so a client can only attach what the rules really find, in the user's area). Null when
 * the key names nothing that is (still) a finding.
 */
export async function findFindingByKey(
  db: Executor,
  area: ResolvedArea,
  key: string,
  now: Date,
): Promise<Finding | null> {
  const kind = key.split(':')[0] as AnomalyKind;
  if (!ANOMALY_KINDS.includes(kind)) return null;
  const kinds = new Set<AnomalyKind>([kind]);
  let found: LightFinding[];
  if (kind === 'never_scanned' || kind === 'unit_high_failure') {
    const businessId = key.split(':')[1] ?? '';
    const [from, to] = periodOfKey(key);
    if (!from || !to || from >= to) return null;
    const threshold = kind === 'unit_high_failure' ? Number(key.split(':').at(-1)) : DEFAULT_FAILURE_THRESHOLD;
    if (!Number.isFinite(threshold)) return null;
    found = await findAnomalies(db, { area, from, to, now, kinds, threshold, businessId });
  } else if (kind === 'copy_suspected') {
    const [, a, b] = key.split(':');
    const pair = await db
      .selectFrom('scan_close_pairs')
      .select(['first_at', 'second_at'])
      .where('first_scan_id', '=', a ?? '')
      .where('second_scan_id', '=', b ?? '')
      .executeTakeFirst();
    if (!pair) return null;
    found = await findAnomalies(db, {
      area,
      from: pair.second_at,
      to: plusOneMs(pair.second_at),
      now,
      kinds,
      threshold: DEFAULT_FAILURE_THRESHOLD,
      scanIds: [a as string, b as string],
    });
  } else {
    const scanId = key.slice(kind.length + 1);
    const scan = await db.selectFrom('scans').select('scanned_at').where('id', '=', scanId).executeTakeFirst();
    if (!scan) return null;
    found = await findAnomalies(db, {
      area,
      from: scan.scanned_at,
      to: plusOneMs(scan.scanned_at),
      now,
      kinds,
      threshold: DEFAULT_FAILURE_THRESHOLD,
      scanIds: [scanId],
    });
  }
  const match = found.find((f) => f.key === key);
  return match ? ((await describeFindings(db, [match]))[0] ?? null) : null;
}
