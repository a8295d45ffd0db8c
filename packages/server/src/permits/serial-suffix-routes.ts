import { idParams, permitSettingsSchema, serialSuffixBody, wardParams } from '@thonghanh/contract';
import { type AuditActor, audit } from '../audit/append-audit.js';
import { authorize } from '../authz/index.js';
import { loadBusinessFor } from '../businesses/load-business.js';
import type { Executor } from '../db/schema.js';
import { defineRoute } from '../http/route.js';
import { wardArea } from '../jurisdictions/ward-area.js';
import { serialSuffixFor } from './serials.js';

const TAGS = ['permits'];

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
  params: wardParams,
  body: serialSuffixBody,
  response: permitSettingsSchema,
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
  body: serialSuffixBody,
  response: permitSettingsSchema,
  handler: async ({ db, user, params, body, actor, now }) => {
    const b = await loadBusinessFor(db, user, params.id, 'update', 'permit_settings');
    await saveSuffix(db, 'business', b.id, b.ward_code, body.serialSuffix, actor, now);
    const effective = await serialSuffixFor(db, b.id, b.ward_code);
    return { scope: 'business' as const, serialSuffix: body.serialSuffix, effectiveSuffix: effective };
  },
});

export const serialSuffixRoutes = [wardPermitSettingsRoute, businessPermitSettingsRoute];
