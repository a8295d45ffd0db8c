import type { BusinessInput } from '@thonghanh/contract';
import { nameSearchKey } from '@thonghanh/core';
import { type AuditActor, audit } from '../audit/append-audit.js';
import { newId } from '../db/ids.js';
import type { BusinessRow, Executor, UserRow } from '../db/schema.js';
import { AppError } from '../errors.js';
import { wardArea } from '../jurisdictions/ward-area.js';
import { createUser } from '../users/create-user.js';
import { findUserByUsername } from '../users/user-query.js';
import { normaliseUsername } from '../users/username.js';
import type { BusinessRecord } from './business-presenter.js';
import { findBusiness, taxCodeTaken } from './business-query.js';

export interface RepresentativeInput {
  /** Default: the business's tax code (self-registration: the representative does not choose it). */
  username?: string;
  fullName: string;
  /** Self-registration: chosen by the business. Ward desk: absent, one is generated. */
  password?: string;
  /** Seeds and tests. */
  passwordHash?: string;
}

export interface CreateBusinessInput extends BusinessInput {
  /** `self`: the business registers itself (pending until the ward accepts); `ward`: the desk creates it (active). */
  via: 'self' | 'ward';
  /** Its representative's account (role business_rep); none for businesses seeded without one. */
  rep?: RepresentativeInput;
}

export interface CreatedBusiness {
  business: BusinessRecord;
  user?: UserRow;
  /** When the desk created the account: show it once. */
  generatedPassword?: string;
}

/**
 * Creates a business and, if given, its representative's account (linked by
 * `users.business_id`), both audited. A self-registered business is `pending`: its
 * representative can sign in and see that, nothing more, until the ward desk accepts it.
 *
 * The representative's username defaults to the tax code. A tax code already registered,
 * or already someone's username, is refused alike with 409 `tax_code_taken`: public
 * registration never says whether another person's username exists.
 */
export async function createBusiness(
  db: Executor,
  input: CreateBusinessInput,
  actor: AuditActor,
  now: Date,
): Promise<CreatedBusiness> {
  const area = await wardArea(db, input.wardCode, 'body.wardCode');
  const username = input.rep ? normaliseUsername(input.rep.username ?? input.taxCode) : undefined;
  const clash = input.rep?.username === undefined && username !== undefined && (await findUserByUsername(db, username));
  if (clash || (await taxCodeTaken(db, input.taxCode))) {
    throw new AppError('tax_code_taken', undefined, {
      issues: [
        { path: 'body.taxCode', code: 'tax_code_taken', message: `Mã số thuế ${input.taxCode} đã được đăng ký.` },
      ],
    });
  }
  const at = now.toISOString();
  const row: BusinessRow = {
    id: newId(),
    tax_code: input.taxCode,
    name: input.name,
    name_key: nameSearchKey(input.name),
    address: input.address,
    ward_code: input.wardCode,
    district_code: area.districtCode as string,
    province_code: area.provinceCode as string,
    line_of_business: input.lineOfBusiness,
    contact_name: input.contactName,
    contact_phone: input.contactPhone,
    contact_email: input.contactEmail ?? null,
    status: input.via === 'self' ? 'pending' : 'active',
    status_reason: null,
    registered_via: input.via,
    created_by: actor.id,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('businesses').values(row).execute();
  await audit(
    db,
    actor,
    input.via === 'self' ? 'business.registered' : 'business.created',
    { type: 'business', id: row.id, wardCode: row.ward_code },
    { taxCode: row.tax_code, name: row.name, status: row.status },
    now,
  );
  const business = (await findBusiness(db, row.id)) as BusinessRecord;
  if (!input.rep) return { business };
  const created = await createUser(
    db,
    {
      username: username as string,
      fullName: input.rep.fullName,
      role: 'business_rep',
      scope: { wardCode: row.ward_code },
      businessId: row.id,
      ...(input.rep.password !== undefined ? { password: input.rep.password } : {}),
      ...(input.rep.passwordHash !== undefined ? { passwordHash: input.rep.passwordHash } : {}),
    },
    actor,
    now,
  );
  return {
    business,
    user: created.user,
    ...(created.generatedPassword ? { generatedPassword: created.generatedPassword } : {}),
  };
}
