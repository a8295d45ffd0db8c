import { randomBytes } from 'node:crypto';
import { base64urlEncode, buildQrText, nameSearchKey, signClaims } from '@thonghanh/core';
import { sql } from 'kysely';
import { audit } from '../audit/append-audit.js';
import { nodeCryptoProvider } from '../crypto/node-provider.js';
import { newId } from '../db/ids.js';
import type { BusinessRow, Executor, PermitBatchRow, PermitRow, StaffMemberRow } from '../db/schema.js';
import { AppError, type Issue } from '../errors.js';
import { wardIssuer } from '../keys/issuer.js';
import { signingKeyFor } from '../keys/ward-keys.js';
import { activeHolders } from './batches/active-permits.js';
import {
  type BatchCursor,
  type BatchOptions,
  type OnActive,
  parseCursor,
  parseOptions,
} from './batches/batch-options.js';
import { issuingBusiness } from './issuing-business.js';
import { credentialClaims, permitFields, snapshotOf } from './permit-claims.js';
import { lastValidDate } from './permit-presenter.js';
import { revokePermitsOf } from './revoke-permits.js';
import { formatSerial, reserveSerialNumbers, serialSuffixFor } from './serials.js';
import type { IssueContext } from './signing-context.js';
import { checkAskedDates, permitValidity, type Validity } from './validity.js';
import { vnDayEnd, vnDayStart, vnYearOf } from './vn-dates.js';

export interface IssuePermitsInput {
  businessId: string;
  /** People of the business's staff list (`staff_members.id`), or every approved one. */
  staffIds: string[] | 'all';
  /** `YYYY-MM-DD`, Việt Nam dates; default: today (or the plan's start) → the plan's end, ≤ 92 days. */
  validFrom?: string | undefined;
  validTo?: string | undefined;
  /** Lý do; default DEFAULT_PURPOSE. */
  purpose?: string | undefined;
  /**
   * What to do with people who already hold an active permit: revoke and replace it, leave
   * them out, or issue a second one. Unset: 409 `permit_already_active` naming them.
   */
  onActive?: OnActive | undefined;
}

/** Rows inserted per statement (about 30 parameters a row: within SQLite's and PostgreSQL's limits). */
const INSERT_CHUNK = 250;
/** Ids looked up per statement. */
const LOOKUP_CHUNK = 500;
/** People named in a 409 `permit_already_active` (the message says how many in all). */
const ACTIVE_LISTED = 50;
/** The reason recorded on a permit replaced by a new one. */
export const REPLACED_REASON = 'Cấp giấy mới thay thế';

async function staffByIds(db: Executor, ids: string[]): Promise<StaffMemberRow[]> {
  const found: StaffMemberRow[] = [];
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    found.push(
      ...(await db
        .selectFrom('staff_members')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + LOOKUP_CHUNK))
        .execute()),
    );
  }
  return found;
}

async function approvedCount(db: Executor, businessId: string): Promise<number> {
  const r = await db
    .selectFrom('staff_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('business_id', '=', businessId)
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The gate of the article's rule 3: everyone asked for must be on the business's current
 * approved list. Anyone else (unknown, another business's, pending, removed) refuses the
 * whole request with 422 `not_registered`, one issue per person; nothing is issued.
 */
function checkRegistered(business: BusinessRow, ids: string[], rows: StaffMemberRow[]): void {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const issues: Issue[] = [];
  ids.forEach((id, i) => {
    const row = byId.get(id);
    const path = `body.staffIds.${i}`;
    if (!row || row.business_id !== business.id) {
      issues.push({
        path,
        code: 'not_registered',
        message: 'Người này không có trong danh sách người lao động của đơn vị.',
      });
    } else if (row.status === 'pending') {
      issues.push({
        path,
        code: 'not_registered',
        message: `${row.full_name} đang chờ UBND phường phê duyệt, chưa được cấp giấy.`,
      });
    } else if (row.status !== 'approved') {
      issues.push({
        path,
        code: 'not_registered',
        message: `${row.full_name} đã bị rút khỏi danh sách đã phê duyệt, không được cấp giấy.`,
      });
    }
  });
  if (issues.length > 0) throw new AppError('not_registered', undefined, { issues });
}

const dmy = (iso: string): string => iso.split('-').reverse().join('/');

/** 409 `permit_already_active` when someone asked for holds an active permit and the request did not say what to do. */
async function refuseSecondActive(db: Executor, businessId: string, ids: string[] | 'all', now: Date): Promise<void> {
  const { count, people } = await activeHolders(db, businessId, ids, now, ACTIVE_LISTED);
  if (count === 0) return;
  const index = ids === 'all' ? null : new Map(ids.map((id, i) => [id, i]));
  throw new AppError(
    'permit_already_active',
    `${count} người đã có giấy đi đường còn hiệu lực. Hãy chọn: thu hồi giấy cũ và cấp giấy mới, bỏ qua những người này, hay vẫn cấp thêm một giấy.`,
    {
      issues: people.map((p) => ({
        path: index ? `body.staffIds.${index.get(p.staffId)}` : 'body.staffIds',
        code: 'permit_already_active',
        message: `${p.holder} đang có giấy số ${p.serial}, còn hiệu lực đến hết ngày ${dmy(lastValidDate(p.validTo))}.`,
      })),
    },
  );
}

/**
 * Checks a request to issue and records it as a batch (`running`, nothing issued yet): the
 * gate (business active with an approved plan; every person named on its approved list),
 * the dates (422 `date_invalid`, `validity_*`), no other batch of the business running
 * (409 `batch_running`), and, unless `onActive` says what to do, nobody holding an active
 * permit (409 `permit_already_active`). `issueNextChunk` then does the work.
 */
export async function createBatch(db: Executor, input: IssuePermitsInput, ctx: IssueContext): Promise<PermitBatchRow> {
  checkAskedDates(input);
  const { business, plan } = await issuingBusiness(db, input.businessId);
  const running = await db
    .selectFrom('permit_batches')
    .select('id')
    .where('business_id', '=', business.id)
    .where('state', '=', 'running')
    .executeTakeFirst();
  if (running) throw new AppError('batch_running');
  const ids = input.staffIds === 'all' ? 'all' : [...new Set(input.staffIds)];
  let requested: number;
  if (ids === 'all') {
    requested = await approvedCount(db, business.id);
  } else {
    checkRegistered(business, ids, await staffByIds(db, ids));
    requested = ids.length;
  }
  if (requested === 0) {
    throw new AppError('not_registered', 'Danh sách người lao động đã phê duyệt của đơn vị chưa có ai.');
  }
  const validity = permitValidity(plan, ctx.now, input);
  if (!input.onActive) await refuseSecondActive(db, business.id, ids, ctx.now);
  const options: BatchOptions = {
    staffIds: ids,
    fromDate: validity.fromDate,
    toDate: validity.toDate,
    ...(input.purpose ? { purpose: input.purpose } : {}),
    onActive: input.onActive ?? 'skip',
  };
  const at = ctx.now.toISOString();
  return db
    .insertInto('permit_batches')
    .values({
      id: newId(),
      business_id: business.id,
      ward_code: business.ward_code,
      state: 'running',
      requested,
      processed: 0,
      issued: 0,
      skipped: 0,
      replaced: 0,
      options: JSON.stringify(options),
      cursor: null,
      first_serial: null,
      last_serial: null,
      error: null,
      created_by: ctx.actor.id,
      created_role: ctx.actor.role,
      created_at: at,
      updated_at: at,
      finished_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The next people of a batch, the number gone through, and where the chunk after starts. */
async function nextPeople(
  db: Executor,
  business: BusinessRow,
  opts: BatchOptions,
  cursor: BatchCursor,
  size: number,
): Promise<{ people: StaffMemberRow[]; considered: number; next: BatchCursor; last: boolean }> {
  if (opts.staffIds === 'all') {
    const after = cursor && 'nameKey' in cursor ? cursor : null;
    let q = db
      .selectFrom('staff_members')
      .selectAll()
      .where('business_id', '=', business.id)
      .where('status', '=', 'approved');
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb('name_key', '>', after.nameKey),
          eb.and([eb('name_key', '=', after.nameKey), eb('id', '>', after.id)]),
        ]),
      );
    }
    const people = await q.orderBy('name_key').orderBy('id').limit(size).execute();
    const tail = people[people.length - 1];
    return {
      people,
      considered: people.length,
      next: tail ? { nameKey: tail.name_key, id: tail.id } : cursor,
      last: people.length < size,
    };
  }
  const start = cursor && 'index' in cursor ? cursor.index : 0;
  const ids = opts.staffIds.slice(start, start + size);
  const byId = new Map((await staffByIds(db, ids)).map((r) => [r.id, r]));
  // Someone taken off the list since the request is left out (counted as skipped).
  const people = ids
    .map((id) => byId.get(id))
    .filter((r): r is StaffMemberRow => r?.business_id === business.id && r.status === 'approved');
  const end = start + ids.length;
  return { people, considered: ids.length, next: { index: end }, last: end >= opts.staffIds.length };
}

/**
 * Issues the next chunk of a running batch (`db` must be a transaction: the permits, their
 * serials, the revocations of replaced permits, one audit row and the batch's counters and
 * cursor commit together, so a kill leaves whole chunks). Returns the batch as updated and
 * the permits issued.
 */
export async function issueNextChunk(
  db: Executor,
  batch: PermitBatchRow,
  ctx: IssueContext,
  size: number,
): Promise<{ batch: PermitBatchRow; permits: PermitRow[] }> {
  const opts = parseOptions(batch.options);
  const { business } = await issuingBusiness(db, batch.business_id);
  const { people, considered, next, last } = await nextPeople(db, business, opts, parseCursor(batch.cursor), size);
  let skipped = considered - people.length;
  let replaced = 0;
  let toIssue = people;
  if (people.length > 0 && opts.onActive !== 'another') {
    const holders = await activeHolders(
      db,
      business.id,
      people.map((p) => p.id),
      ctx.now,
      Number.POSITIVE_INFINITY,
    );
    if (holders.count > 0) {
      const holding = new Set(holders.people.map((h) => h.staffId));
      if (opts.onActive === 'skip') {
        toIssue = people.filter((p) => !holding.has(p.id));
        skipped += people.length - toIssue.length;
      } else {
        await revokePermitsOf(
          db,
          { businessId: business.id, staffIds: [...holding] },
          business.ward_code,
          REPLACED_REASON,
          ctx,
        );
        replaced = holding.size;
      }
    }
  }
  const validity: Validity = {
    notBefore: new Date(vnDayStart(opts.fromDate)),
    notAfter: new Date(vnDayEnd(opts.toDate)),
    fromDate: opts.fromDate,
    toDate: opts.toDate,
  };
  const permits = toIssue.length > 0 ? await signAndInsert(db, business, toIssue, validity, opts, batch.id, ctx) : [];
  const at = ctx.now.toISOString();
  const updated = await db
    .updateTable('permit_batches')
    .set({
      processed: sql`processed + ${considered}`,
      issued: sql`issued + ${permits.length}`,
      skipped: sql`skipped + ${skipped}`,
      replaced: sql`replaced + ${replaced}`,
      cursor: JSON.stringify(next),
      ...(permits.length > 0
        ? {
            first_serial: batch.first_serial ?? (permits[0] as PermitRow).serial,
            last_serial: (permits[permits.length - 1] as PermitRow).serial,
          }
        : {}),
      ...(last ? { state: 'done' as const, finished_at: at } : {}),
      updated_at: at,
    })
    .where('id', '=', batch.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { batch: updated, permits };
}

/** Consecutive serials, one signature each by the ward's current key, one audit row, the rows inserted. */
async function signAndInsert(
  db: Executor,
  business: BusinessRow,
  staff: StaffMemberRow[],
  validity: Validity,
  opts: BatchOptions,
  batchId: string,
  ctx: IssueContext,
): Promise<PermitRow[]> {
  const year = vnYearOf(ctx.now);
  const suffix = await serialSuffixFor(db, business.id, business.ward_code);
  const first = await reserveSerialNumbers(db, business.id, year, staff.length);
  const firstSerial = formatSerial(first, suffix);
  const lastSerial = formatSerial(first + staff.length - 1, suffix);
  await audit(
    db,
    ctx.actor,
    'permit.issued',
    { type: 'business', id: business.id, wardCode: business.ward_code },
    {
      count: staff.length,
      firstSerial,
      lastSerial,
      validFrom: validity.fromDate,
      validTo: validity.toDate,
      batchId,
    },
    ctx.now,
  );
  const { issuer } = await wardIssuer(db, business.ward_code);
  const key = await signingKeyFor(db, business.ward_code, ctx);
  const issuedAt = ctx.now.toISOString();

  const permits: PermitRow[] = [];
  for (let i = 0; i < staff.length; i++) {
    const person = staff[i] as StaffMemberRow;
    const seq = first + i;
    const serial = formatSerial(seq, suffix);
    const snap = snapshotOf(person, business, opts.purpose);
    const cti = randomBytes(16);
    const claims = credentialClaims(issuer, new Uint8Array(cti), ctx.now, validity, {
      permit: permitFields(snap, serial, business),
    });
    const cose = await signClaims(claims, key.signer, nodeCryptoProvider);
    permits.push({
      id: newId(),
      business_id: business.id,
      staff_id: person.id,
      ward_code: business.ward_code,
      district_code: business.district_code,
      province_code: business.province_code,
      serial,
      year,
      seq,
      cti: base64urlEncode(cti),
      kid: key.row.kid,
      qr_text: buildQrText(ctx.origin, cose),
      valid_from: validity.notBefore.toISOString(),
      valid_to: validity.notAfter.toISOString(),
      status: 'active',
      revoked_reason: null,
      revoked_by: null,
      revoked_at: null,
      holder: snap.holder,
      holder_key: nameSearchKey(snap.holder),
      id_type: snap.idType,
      id_number: snap.idNumber,
      position: snap.position,
      workplace: snap.workplace,
      residence: snap.residence,
      purpose: snap.purpose,
      route_from: snap.routeFrom,
      route_to: snap.routeTo,
      route_wards: JSON.stringify(snap.routeWards),
      schedule: snap.schedule ? JSON.stringify(snap.schedule) : null,
      issued_by: ctx.actor.id,
      issued_at: issuedAt,
      batch_id: batchId,
    });
  }
  for (let i = 0; i < permits.length; i += INSERT_CHUNK) {
    await db
      .insertInto('permits')
      .values(permits.slice(i, i + INSERT_CHUNK))
      .execute();
  }
  return permits;
}

/** People issued to per chunk when a whole batch runs in one transaction. */
const INLINE_CHUNK = 500;

/**
 * Issues a whole batch in the caller's transaction (small requests, the demo, the command
 * line): all of it or, on any failure, nothing. Returns the batch and, when `collect`, the
 * permits (serials follow the order of `staffIds`, by name for `all`).
 */
export async function issueBatchInline(
  db: Executor,
  input: IssuePermitsInput,
  ctx: IssueContext,
  collect: boolean,
): Promise<{ batch: PermitBatchRow; permits: PermitRow[] }> {
  let batch = await createBatch(db, input, ctx);
  const permits: PermitRow[] = [];
  while (batch.state === 'running') {
    const r = await issueNextChunk(db, batch, ctx, INLINE_CHUNK);
    batch = r.batch;
    if (collect) permits.push(...r.permits);
  }
  return { batch, permits };
}

/**
 * Issues one permit to each person asked for, in one transaction (`db` must be the caller's):
 * see `createBatch` for the checks. Returns the permits issued.
 */
export async function issuePermits(db: Executor, input: IssuePermitsInput, ctx: IssueContext): Promise<PermitRow[]> {
  return (await issueBatchInline(db, input, ctx, true)).permits;
}
