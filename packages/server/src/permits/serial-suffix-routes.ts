import { z } from 'zod';
import { type AuditActor, audit } from '../audit/append-audit.js';
import { authorize } from '../authz/index.js';
import { loadBusinessFor } from '../businesses/load-business.js';
import type { Executor } from '../db/schema.js';
import { idParams, wardCode } from '../http/common-schemas.js';
import { defineRoute } from '../http/route.js';
import { wardArea } from '../jurisdictions/ward-area.js';
import { DEFAULT_SERIAL_SUFFIX, MAX_SUFFIX_LENGTH, serialSuffixFor } from './serials.js';

const TAGS = ['permits'];

const suffixBody = z.object({
  serialSuffix: z
    .string()
    .trim()
    .normalize('NFC')
    .regex(
      new RegExp(`^[\\p{L}\\p{N}.\\-]{1,${MAX_SUFFIX_LENGTH}}$`, 'u'),
      `Tối đa ${MAX_SUFFIX_LENGTH} chữ cái, chữ số, dấu chấm hoặc gạch ngang`,
    )
    .nullable()
    .describe(`Phần sau số giấy (0001/GĐĐ); null: dùng mặc định (${DEFAULT_SERIAL_SUFFIX} hoặc của phường)`),
});

const settingsSchema = z.object({
  scope: z.enum(['ward', 'business']),
  serialSuffix: z.string().nullable().describe('Đã đặt riêng (null: không đặt)'),
  effectiveSuffix: z.string().describe('Phần sau số giấy sẽ dùng cho giấy cấp từ nay'),
});

async function saveSuffix(
  db: Executor,
  scope: 'ward' | 'business',
  scopeId: string,
  wardCodeOf: string,
  suffix: string | null,
  actor: AuditActor,
  now: Date,
): Promise<void> {
  await audit(
    db,
    actor,
    'permit_settings.updated',
    { type: scope, id: scopeId, wardCode: wardCodeOf },
    { serialSuffix: suffix },
    now,
  );
  if (suffix === null) {
    await db.deleteFrom('permit_serial_suffixes').where('scope', '=', scope).where('scope_id', '=', scopeId).execute();
    return;
  }
  const values = { suffix, updated_at: now.toISOString(), updated_by: actor.id };
  await db
    .insertInto('permit_serial_suffixes')
    .values({ scope, scope_id: scopeId, ...values })
    .onConflict((oc) => oc.columns(['scope', 'scope_id']).doUpdateSet(values))
    .execute();
}

export const wardPermitSettingsRoute = defineRoute({
  method: 'PATCH',
  path: '/api/v1/wards/:code/permit-settings',
  summary: 'Đặt phần sau số giấy đi đường mặc định của các doanh nghiệp trong phường',
  tags: TAGS,
  access: { roles: ['ward_admin'], scope: 'phường của quản trị viên' },
  params: z.object({ code: wardCode }),
  body: suffixBody,
  response: settingsSchema,
  handler: async ({ db, user, params, body, actor, now }) => {
    authorize(user, 'update', { type: 'permit_settings', ...(await wardArea(db, params.code, 'params.code')) });
    await saveSuffix(db, 'ward', params.code, params.code, body.serialSuffix, actor, now);
    const effective = await serialSuffixFor(db, '∅', params.code);
    return { scope: 'ward' as const, serialSuffix: body.serialSuffix, effectiveSuffix: effective };
  },
});

export const businessPermitSettingsRoute = defineRoute({
  method: 'PATCH',
  path: '/api/v1/businesses/:id/permit-settings',
  summary: 'Đặt phần sau số giấy đi đường riêng của một doanh nghiệp',
  tags: TAGS,
  access: {
    roles: ['business_rep', 'ward_admin', 'ward_officer'],
    scope: 'doanh nghiệp: của mình; cán bộ phường: doanh nghiệp trong phường',
  },
  params: idParams,
  body: suffixBody,
  response: settingsSchema,
  handler: async ({ db, user, params, body, actor, now }) => {
    const b = await loadBusinessFor(db, user, params.id, 'update', 'permit_settings');
    await saveSuffix(db, 'business', b.id, b.ward_code, body.serialSuffix, actor, now);
    const effective = await serialSuffixFor(db, b.id, b.ward_code);
    return { scope: 'business' as const, serialSuffix: body.serialSuffix, effectiveSuffix: effective };
  },
});

export const serialSuffixRoutes = [wardPermitSettingsRoute, businessPermitSettingsRoute];
