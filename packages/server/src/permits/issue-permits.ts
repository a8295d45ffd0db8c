import { randomBytes } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { base64urlEncode, buildQrText, nameSearchKey, signClaims } from '@thonghanh/core';
import { sql } from 'kysely';
import { audit } from '../audit/append-audit.js';
import { nodeCryptoProvider } from '../crypto/node-provider.js';
import { newId } from '../db/ids.js';
import type { BusinessRow, Executor, PermitBatchRow, PermitRow, StaffMemberRow } from '../db/schema.js';
import { AppError, type Issue } from '../errors.js';
import { wardIssuer } from '../keys/issuer.js';
import { currentWardKey, type SigningKey, signingKeyFor } from '../keys/ward-keys.js';
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

/** Rows inserted per statement: one statement runs synchronously on SQLite, and 50 rows (a few ms) keep it short. */
const INSERT_CHUNK = 50;
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

async function approvedCount(db: Executor, business: BusinessRow): Promise<number> {
  const r = await db
    .selectFrom('staff_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('business_id', '=', business.id)
    .where('ward_code', '=', business.ward_code)
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
    } else if (row.ward_code !== business.ward_code) {
      // Approved by the ward the business moved from: that approval does not carry over.
      issues.push({
        path,
        code: 'not_registered',
        message: `${row.full_name} có trong danh sách do phường cũ phê duyệt; cần có trong danh sách được phường mới phê duyệt.`,
      });
    }
  });
  if (issues.length > 0) throw new AppError('not_registered', undefined, { issues });
}

const dmy = (iso: string): string => iso.split('-').reverse().join('/');

/** 409 `permit_already_active` when someone asked for holds an active permit and the request did not say what to do. */
async function refuseSecondActive(
  db: Executor,
  business: BusinessRow,
  ids: string[] | 'all',
  now: Date,
): Promise<void> {
  const { count, people } = await activeHolders(db, business, ids, now, ACTIVE_LISTED);
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
    requested = await approvedCount(db, business);
  } else {
    checkRegistered(business, ids, await staffByIds(db, ids));
    requested = ids.length;
  }
  if (requested === 0) {
    throw new AppError('not_registered', 'Danh sách người lao động đã phê duyệt của đơn vị chưa có ai.');
  }
  const validity = permitValidity(plan, ctx.now, input);
  if (!input.onActive) await refuseSecondActive(db, business, ids, ctx.now);
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
      .where('ward_code', '=', business.ward_code)
      .where('status', '=', 'approved');
    if (after) {
      // `name_key >= k` first, so the (business_id, name_key) index starts at the cursor;
      // an OR alone made SQLite read the list from its first name for every chunk.
      q = q
        .where('name_key', '>=', after.nameKey)
        .where((eb) => eb.or([eb('name_key', '>', after.nameKey), eb('id', '>', after.id)]));
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
    .filter(
      (r): r is StaffMemberRow =>
        r?.business_id === business.id && r.status === 'approved' && r.ward_code === business.ward_code,
    );
  const end = start + ids.length;
  return { people, considered: ids.length, next: { index: end }, last: end >= opts.staffIds.length };
}

/**
 * What the next chunk of a batch will do, read from the database but not yet written: who
 * gets a permit, who is skipped or replaced, where the next chunk starts, and the serials and
 * key the signatures will carry. `fingerprint` sums it all up: a plan made again later (in
 * the transaction that writes it) with the same fingerprint means nothing it relied on moved.
 */
export interface ChunkPlan {
  business: BusinessRow;
  people: StaffMemberRow[];
  considered: number;
  skipped: number;
  /** People whose active permit is revoked and replaced (`onActive: 'replace'`). */
  replacing: string[];
  next: BatchCursor;
  last: boolean;
  validity: Validity;
  year: number;
  suffix: string;
  /** The business's next serial number for `year`, as the counter stands now (not reserved). */
  firstSeq: number;
  /** The id of the ward's current key (null: none yet; signingKeyFor makes it). */
  keyId: string | null;
  issuer: string;
  fingerprint: string;
}

/** Thrown in a chunk's write transaction when its plan went stale after signing (it rolls back; the runner plans again). */
export class StaleChunkError extends Error {
  override name = 'StaleChunkError';
}

/**
 * Reads what the next chunk of a running batch will do (see ChunkPlan); writes nothing. The
 * signing key is fetched apart (signingKeyFor, which may create one and so takes the audit
 * head): on PostgreSQL every issuer takes the serial counter's row before the audit head,
 * and a key made before the counter is reserved, in the same transaction, could deadlock.
 */
export async function planChunk(
  db: Executor,
  batch: PermitBatchRow,
  ctx: IssueContext,
  size: number,
): Promise<ChunkPlan> {
  const opts = parseOptions(batch.options);
  const { business, plan } = await issuingBusiness(db, batch.business_id);
  const { people, considered, next, last } = await nextPeople(db, business, opts, parseCursor(batch.cursor), size);
  let skipped = considered - people.length;
  let replacing: string[] = [];
  let toIssue = people;
  if (people.length > 0 && opts.onActive !== 'another') {
    const holders = await activeHolders(
      db,
      business,
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
        replacing = [...holding];
      }
    }
  }
  const year = vnYearOf(ctx.now);
  const suffix = await serialSuffixFor(db, business.id, business.ward_code);
  const counter = await db
    .selectFrom('permit_counters')
    .select('last_seq')
    .where('business_id', '=', business.id)
    .where('year', '=', year)
    .executeTakeFirst();
  const firstSeq = Number(counter?.last_seq ?? 0) + 1;
  const keyId = (await currentWardKey(db, business.ward_code))?.id ?? null;
  const { issuer } = await wardIssuer(db, business.ward_code);
  const validity: Validity = {
    notBefore: new Date(vnDayStart(opts.fromDate)),
    notAfter: new Date(vnDayEnd(opts.toDate)),
    fromDate: opts.fromDate,
    toDate: opts.toDate,
  };
  const fingerprint = JSON.stringify([
    batch.state,
    batch.cursor,
    business,
    plan.dossierId,
    toIssue,
    replacing,
    skipped,
    year,
    suffix,
    firstSeq,
    keyId,
    issuer,
  ]);
  return {
    business,
    people: toIssue,
    considered,
    skipped,
    replacing,
    next,
    last,
    validity,
    year,
    suffix,
    firstSeq,
    keyId,
    issuer,
    fingerprint,
  };
}

/** Permits signed between two waits for the event loop when `yieldEvery` is set. */
export interface SignOptions {
  /** Lets other work run after every this many signatures (background batches); unset: never. */
  yieldEvery?: number;
}

/**
 * Builds and signs the permit rows of a plan with `key`, serials from `first` on: CPU work
 * only, no database, so the background runner does it outside any transaction.
 */
export async function signChunk(
  plan: ChunkPlan,
  key: SigningKey,
  first: number,
  batch: PermitBatchRow,
  ctx: IssueContext,
  options: SignOptions = {},
): Promise<PermitRow[]> {
  const opts = parseOptions(batch.options);
  const { business, validity, suffix } = plan;
  const issuedAt = ctx.now.toISOString();
  const permits: PermitRow[] = [];
  for (let i = 0; i < plan.people.length; i++) {
    if (options.yieldEvery && i > 0 && i % options.yieldEvery === 0) await yieldToEventLoop();
    const person = plan.people[i] as StaffMemberRow;
    const seq = first + i;
    const serial = formatSerial(seq, suffix);
    const snap = snapshotOf(person, business, opts.purpose);
    const cti = randomBytes(16);
    const claims = credentialClaims(plan.issuer, new Uint8Array(cti), ctx.now, validity, {
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
      year: plan.year,
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
      batch_id: batch.id,
    });
  }
  return permits;
}

/**
 * Reserves a plan's serials in `db` (a transaction) and returns the first. With `expected`
 * (the number the permits were signed with), a counter that moved throws StaleChunkError.
 */
export async function reserveChunkSerials(db: Executor, plan: ChunkPlan, expected?: number): Promise<number> {
  if (plan.people.length === 0) return plan.firstSeq;
  const first = await reserveSerialNumbers(db, plan.business.id, plan.year, plan.people.length);
  if (expected !== undefined && first !== expected) throw new StaleChunkError(`serial ${first}, signed ${expected}`);
  return first;
}

/**
 * Writes a signed chunk in `db` (a transaction, the one that reserved its serials): the
 * revocations of replaced permits, one audit row, the permits, and the batch's counters and
 * cursor, together, so a kill leaves whole chunks. Returns the batch as updated.
 */
export async function writeChunk(
  db: Executor,
  batch: PermitBatchRow,
  plan: ChunkPlan,
  permits: PermitRow[],
  ctx: IssueContext,
): Promise<PermitBatchRow> {
  const { business } = plan;
  if (plan.replacing.length > 0) {
    await revokePermitsOf(
      db,
      { businessId: business.id, staffIds: plan.replacing },
      business.ward_code,
      REPLACED_REASON,
      ctx,
    );
  }
  const firstPermit = permits[0];
  const lastPermit = permits[permits.length - 1];
  if (firstPermit && lastPermit) {
    await audit(
      db,
      ctx.actor,
      'permit.issued',
      { type: 'business', id: business.id, wardCode: business.ward_code },
      {
        count: permits.length,
        firstSerial: firstPermit.serial,
        lastSerial: lastPermit.serial,
        validFrom: plan.validity.fromDate,
        validTo: plan.validity.toDate,
        batchId: batch.id,
      },
      ctx.now,
    );
    for (let i = 0; i < permits.length; i += INSERT_CHUNK) {
      await db
        .insertInto('permits')
        .values(permits.slice(i, i + INSERT_CHUNK))
        .execute();
    }
  }
  const at = ctx.now.toISOString();
  return db
    .updateTable('permit_batches')
    .set({
      processed: sql`processed + ${plan.considered}`,
      issued: sql`issued + ${permits.length}`,
      skipped: sql`skipped + ${plan.skipped}`,
      replaced: sql`replaced + ${plan.replacing.length}`,
      cursor: JSON.stringify(plan.next),
      ...(firstPermit && lastPermit
        ? { first_serial: batch.first_serial ?? firstPermit.serial, last_serial: lastPermit.serial }
        : {}),
      ...(plan.last ? { state: 'done' as const, finished_at: at } : {}),
      updated_at: at,
    })
    .where('id', '=', batch.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Issues the next chunk of a running batch all in `db`, which must be a transaction (the
 * inline path: small requests, the demo, the command line). Serials are reserved before
 * signing, so a concurrent issuer can never take the numbers signed. Returns the batch as
 * updated and the permits issued.
 */
export async function issueNextChunk(
  db: Executor,
  batch: PermitBatchRow,
  ctx: IssueContext,
  size: number,
): Promise<{ batch: PermitBatchRow; permits: PermitRow[] }> {
  const plan = await planChunk(db, batch, ctx, size);
  const first = await reserveChunkSerials(db, plan);
  const key = await signingKeyFor(db, plan.business.ward_code, ctx);
  const permits = await signChunk(plan, key, first, batch, ctx);
  return { batch: await writeChunk(db, batch, plan, permits, ctx), permits };
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
