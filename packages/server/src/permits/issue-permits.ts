import { randomBytes } from 'node:crypto';
import { base64urlEncode, buildQrText, nameSearchKey, signClaims } from '@thonghanh/core';
import { audit } from '../audit/append-audit.js';
import { nodeCryptoProvider } from '../crypto/node-provider.js';
import { newId } from '../db/ids.js';
import type { BusinessRow, Executor, PermitRow, StaffMemberRow } from '../db/schema.js';
import { AppError, type Issue } from '../errors.js';
import { wardIssuer } from '../keys/issuer.js';
import { signingKeyFor } from '../keys/ward-keys.js';
import { issuingBusiness } from './issuing-business.js';
import { credentialClaims, permitFields, snapshotOf } from './permit-claims.js';
import { formatSerial, reserveSerialNumbers, serialSuffixFor } from './serials.js';
import type { IssueContext } from './signing-context.js';
import { permitValidity } from './validity.js';
import { vnYearOf } from './vn-dates.js';

export interface IssuePermitsInput {
  businessId: string;
  /** People of the business's staff list (`staff_members.id`), or every approved one. */
  staffIds: string[] | 'all';
  /** `YYYY-MM-DD`, Việt Nam dates; default: today (or the plan's start) → the plan's end, ≤ 92 days. */
  validFrom?: string | undefined;
  validTo?: string | undefined;
  /** Lý do; default DEFAULT_PURPOSE. */
  purpose?: string | undefined;
}

/** Rows inserted per statement (about 30 parameters a row: within SQLite's and PostgreSQL's limits). */
const INSERT_CHUNK = 250;
/** Ids looked up per statement. */
const LOOKUP_CHUNK = 500;

async function staffRows(db: Executor, businessId: string, ids: string[] | 'all'): Promise<StaffMemberRow[]> {
  if (ids === 'all') {
    return db
      .selectFrom('staff_members')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('status', '=', 'approved')
      .orderBy('name_key')
      .orderBy('id')
      .execute();
  }
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

/**
 * The gate of the article's rule 3: everyone asked for must be on the business's current
 * approved list. Anyone else (unknown, another business's, pending, removed) refuses the
 * whole request with 422 `not_registered`, one issue per person; nothing is issued.
 */
function checkRegistered(business: BusinessRow, ids: string[], rows: StaffMemberRow[]): StaffMemberRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const issues: Issue[] = [];
  const ok: StaffMemberRow[] = [];
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
    } else {
      ok.push(row);
    }
  });
  if (issues.length > 0) throw new AppError('not_registered', undefined, { issues });
  return ok;
}

/**
 * Issues one permit to each person asked for, in one transaction (`db` must be the request's):
 * the gate (business active with an approved plan; every person on its approved list), the
 * validity, consecutive serials, a signature by the ward's current key, one audit row.
 * Serials follow the order of `staffIds` (by name for `all`).
 */
export async function issuePermits(db: Executor, input: IssuePermitsInput, ctx: IssueContext): Promise<PermitRow[]> {
  const { business, plan } = await issuingBusiness(db, input.businessId);
  const ids = input.staffIds === 'all' ? 'all' : [...new Set(input.staffIds)];
  const rows = await staffRows(db, business.id, ids);
  const staff = ids === 'all' ? rows : checkRegistered(business, ids, rows);
  if (staff.length === 0) {
    throw new AppError('not_registered', 'Danh sách người lao động đã phê duyệt của đơn vị chưa có ai.');
  }
  const validity = permitValidity(plan, ctx.now, input);
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
    { count: staff.length, firstSerial, lastSerial, validFrom: validity.fromDate, validTo: validity.toDate },
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
    const snap = snapshotOf(person, business, input.purpose);
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
