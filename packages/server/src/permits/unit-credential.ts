import { randomBytes } from 'node:crypto';
import { base64urlEncode, buildQrText, signClaims } from '@thonghanh/core';
import { audit } from '../audit/append-audit.js';
import { nodeCryptoProvider } from '../crypto/node-provider.js';
import { newId } from '../db/ids.js';
import type { BusinessRow, Executor, UnitCredentialRow } from '../db/schema.js';
import { notFound } from '../errors.js';
import { wardIssuer } from '../keys/issuer.js';
import { signingKeyFor } from '../keys/ward-keys.js';
import { bumpRevocationVersion } from '../lists/revocation-list.js';
import { findBusinessRow } from './issuing-business.js';
import { clip, credentialClaims } from './permit-claims.js';
import type { RevokeContext } from './revoke-permits.js';
import type { IssueContext } from './signing-context.js';
import { unitValidity } from './validity.js';

export interface UnitCredentialInput {
  businessId: string;
  dossierId: string;
  /** The ward's reference for the approved plan (`approvalRef`, ≤ 32). */
  approvalRef: string;
  planFrom: string;
  planTo: string;
  /** Why the previous unit credential is replaced (default: a new plan or list approved). */
  replaces?: string;
}

export async function activeUnitCredential(db: Executor, businessId: string): Promise<UnitCredentialRow | undefined> {
  return db
    .selectFrom('unit_credentials')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('status', '=', 'active')
    .orderBy('issued_at', 'desc')
    .orderBy('id')
    .executeTakeFirst();
}

/** The approved people of a business (on its current ward's list), counted for `staffCount`. */
export async function approvedStaffCount(
  db: Executor,
  business: Pick<BusinessRow, 'id' | 'ward_code'>,
): Promise<number> {
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
 * Revokes a business's active unit credentials (the one a new credential replaces, or all
 * when the business is suspended). Returns how many.
 */
export async function revokeUnitCredentials(
  db: Executor,
  businessId: string,
  wardCode: string,
  reason: string,
  ctx: RevokeContext,
  audited = true,
): Promise<number> {
  const active = await db
    .selectFrom('unit_credentials')
    .select(['id', 'approval_ref'])
    .where('business_id', '=', businessId)
    .where('status', '=', 'active')
    .execute();
  if (active.length === 0) return 0;
  if (audited) {
    await audit(
      db,
      ctx.actor,
      'unit_credential.revoked',
      { type: 'business', id: businessId, wardCode },
      { ids: active.map((c) => c.id), reason },
      ctx.now,
    );
  }
  await db
    .updateTable('unit_credentials')
    .set({ status: 'revoked', revoked_reason: reason, revoked_by: ctx.actor.id, revoked_at: ctx.now.toISOString() })
    .where(
      'id',
      'in',
      active.map((c) => c.id),
    )
    .execute();
  await bumpRevocationVersion(db, ctx.now);
  return active.length;
}

/**
 * Issues the unit's QR (mã QR của đơn vị, spec §1 unit claims) for an approved plan, valid for
 * the plan's period (at most 92 days after signing), signed by the ward's current key; the
 * business's previous unit credential is revoked. In the approval's transaction.
 */
export async function issueUnitCredential(
  db: Executor,
  input: UnitCredentialInput,
  ctx: IssueContext,
): Promise<UnitCredentialRow> {
  const business = await findBusinessRow(db, input.businessId);
  if (!business) throw notFound('Không tìm thấy doanh nghiệp.');
  const staffCount = await approvedStaffCount(db, business);
  const validity = unitValidity({ planFrom: input.planFrom, planTo: input.planTo }, ctx.now);
  const approvalRef = clip(input.approvalRef, 32);
  const id = newId();
  await audit(
    db,
    ctx.actor,
    'unit_credential.issued',
    { type: 'business', id: business.id, wardCode: business.ward_code },
    {
      credentialId: id,
      approvalRef,
      staffCount,
      validFrom: validity.fromDate,
      validTo: validity.toDate,
      ...(input.replaces ? { reason: input.replaces } : {}),
    },
    ctx.now,
  );
  await revokeUnitCredentials(
    db,
    business.id,
    business.ward_code,
    input.replaces ?? 'Đã cấp mã QR đơn vị mới',
    ctx,
    false,
  );
  const { issuer } = await wardIssuer(db, business.ward_code);
  const key = await signingKeyFor(db, business.ward_code, ctx);
  const cti = randomBytes(16);
  const claims = credentialClaims(issuer, new Uint8Array(cti), ctx.now, validity, {
    unit: {
      unitTaxCode: business.tax_code,
      unitName: clip(business.name, 80),
      ...(business.address.trim() ? { address: clip(business.address, 120) } : {}),
      staffCount,
      approvalRef,
    },
  });
  const cose = await signClaims(claims, key.signer, nodeCryptoProvider);
  const row: UnitCredentialRow = {
    id,
    business_id: business.id,
    dossier_id: input.dossierId,
    ward_code: business.ward_code,
    cti: base64urlEncode(cti),
    kid: key.row.kid,
    qr_text: buildQrText(ctx.origin, cose),
    approval_ref: approvalRef,
    staff_count: staffCount,
    valid_from: validity.notBefore.toISOString(),
    valid_to: validity.notAfter.toISOString(),
    status: 'active',
    revoked_reason: null,
    revoked_by: null,
    revoked_at: null,
    issued_by: ctx.actor.id,
    issued_at: ctx.now.toISOString(),
  };
  await db.insertInto('unit_credentials').values(row).execute();
  return row;
}
