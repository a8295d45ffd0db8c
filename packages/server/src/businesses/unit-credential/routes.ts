import { idParams, unitCredentialSchema, unitQrPngQuery } from '@thonghanh/contract';
import type { BusinessRow, Executor, UnitCredentialRow } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { defineRoute } from '../../http/route.js';
import { wardDocumentKey } from '../../keys/document-key.js';
import { wardIssuer } from '../../keys/issuer.js';
import { loadMasterKey } from '../../keys/master-key.js';
import type { UnitConfirmationData } from '../../pdf/unit-confirmation.js';
import { lastValidDate, presentUnitCredential } from '../../permits/permit-presenter.js';
import { activeUnitCredential } from '../../permits/unit-credential.js';
import { vnDateOf } from '../../permits/vn-dates.js';
import { renderQrPng } from '../../qr/render.js';
import { loadBusinessFor } from '../load-business.js';

const TAGS = ['permits'];
const READ = {
  roles: ['business_rep', 'ward_admin', 'ward_officer', 'ward_leader', 'health_officer', 'supervisor'],
  scope: 'doanh nghiệp: của mình; cán bộ phường: doanh nghiệp trong phường; giám sát: trong địa bàn',
} as const;

async function currentCredential(db: Executor, businessId: string): Promise<UnitCredentialRow> {
  const c = await activeUnitCredential(db, businessId);
  if (!c) throw notFound('Đơn vị chưa có mã QR (hồ sơ chưa được phê duyệt, hoặc đơn vị đang bị tạm dừng).');
  return c;
}

/** `Quận Long Biên` → `Long Biên`: the place before the date on the ward's documents. */
const districtPlace = (name: string) => name.replace(/^(Quận|Huyện|Thị xã|Thành phố)\s+/u, '');

/** What the ward's confirmation shows: the unit, the approved plan and list, the unit QR. */
export async function confirmationData(
  db: Executor,
  business: BusinessRow,
  credential: UnitCredentialRow,
): Promise<UnitConfirmationData> {
  const issuer = await wardIssuer(db, business.ward_code);
  // The commitment of the business's initial dossier (the one that registered the list).
  const commitment = await db
    .selectFrom('dossiers')
    .select(['commitment_name', 'committed_at'])
    .where('business_id', '=', business.id)
    .where('kind', '=', 'initial')
    .where('state', 'in', ['approved', 'suspended'])
    .orderBy('decided_at', 'desc')
    .executeTakeFirst();
  const dossier = await db
    .selectFrom('dossiers')
    .select(['plan_from', 'plan_to', 'decided_at', 'approved_by_name', 'approved_by_title'])
    .where('id', '=', credential.dossier_id)
    .executeTakeFirst();
  const staff = await db
    .selectFrom('staff_members')
    .select(['full_name', 'id_type', 'id_number', 'position', 'route_from', 'route_to'])
    .where('business_id', '=', business.id)
    .where('status', '=', 'approved')
    .orderBy('name_key')
    .orderBy('id')
    .execute();
  return {
    wardName: issuer.wardName,
    districtName: issuer.districtName,
    placeName: districtPlace(issuer.districtName),
    approvalRef: credential.approval_ref,
    approvedOn: vnDateOf(dossier?.decided_at ?? credential.issued_at),
    unit: { name: business.name, taxCode: business.tax_code, address: business.address },
    planPeriod: {
      from: dossier?.plan_from ?? vnDateOf(credential.valid_from),
      to: dossier?.plan_to ?? lastValidDate(credential.valid_to),
    },
    staff: staff.map((s) => ({
      fullName: s.full_name,
      idType: s.id_type,
      idNumber: s.id_number,
      position: s.position ?? '',
      routeFrom: s.route_from,
      routeTo: s.route_to,
    })),
    unitQrText: credential.qr_text,
    signerTitle: signerTitleOf(dossier?.approved_by_title ?? null),
    ...(dossier?.approved_by_name ? { signerName: dossier.approved_by_name } : {}),
    ...(commitment?.commitment_name && commitment.committed_at
      ? { commitment: { name: commitment.commitment_name, on: vnDateOf(commitment.committed_at) } }
      : {}),
  };
}

/**
 * The signature block's title by the signer's position, as Vietnamese administrative
 * documents write it: the Chairman signs "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"; a Vice-Chairman
 * signs on the Chairman's behalf, "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"; no title: the Chairman's.
 */
export function signerTitleOf(title: string | null): string {
  const t = title?.normalize('NFC').trim() ?? '';
  if (/^phó chủ tịch/iu.test(t)) return 'TM. Ủy ban nhân dân\nKT. Chủ tịch\nPhó Chủ tịch';
  if (!t || /^chủ tịch/iu.test(t)) return 'TM. Ủy ban nhân dân\nChủ tịch';
  return `TM. Ủy ban nhân dân\n${t}`;
}

export const getUnitCredentialRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/businesses/:id/unit-credential',
  summary: 'Mã QR của đơn vị đang có hiệu lực (cấp khi hồ sơ được phê duyệt)',
  tags: TAGS,
  access: READ,
  params: idParams,
  response: unitCredentialSchema,
  handler: async ({ db, user, params, now }) => {
    const business = await loadBusinessFor(db, user, params.id, 'read', 'unit_credential');
    return presentUnitCredential(await currentCredential(db, business.id), now);
  },
});

export const confirmationPdfRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/businesses/:id/confirmation.pdf',
  summary:
    'Giấy xác nhận của UBND phường (PDF A4): kế hoạch, danh sách người lao động đã phê duyệt, mã QR của đơn vị, ' +
    'tên người ký; ký số PAdES bằng chứng thư của phường',
  tags: TAGS,
  access: READ,
  params: idParams,
  produces: 'application/pdf',
  handler: async ({ db, user, params, reply, deps, now }) => {
    const business = await loadBusinessFor(db, user, params.id, 'read', 'unit_credential');
    const credential = await currentCredential(db, business.id);
    // pdf-lib loads with the first confirmation asked for, not at start-up.
    const { renderSignedUnitConfirmationPdf } = await import('../../pdf/unit-confirmation.js');
    const data = await confirmationData(db, business, credential);
    const key = await wardDocumentKey(db, business.ward_code, loadMasterKey(deps.config), now);
    const pdf = await renderSignedUnitConfirmationPdf(data, {
      ...key,
      name: data.signerName ?? key.subjectName,
      reason: `Xác nhận số ${data.approvalRef}: kế hoạch và danh sách người lao động của ${business.name}`,
      location: `${key.subjectName}, ${data.districtName}`,
      signingTime: now,
    });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="xac-nhan-${business.tax_code}.pdf"`)
      .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  },
});

export const unitQrPngRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/businesses/:id/unit-credential.png',
  summary: 'Mã QR của đơn vị dạng ảnh PNG (để in, dán tại cổng, gửi cho chốt kiểm soát)',
  description: 'Ảnh của đúng văn bản QR đã ký (không ký lại). scale: số điểm ảnh mỗi ô, 2–32 (mặc định 10).',
  tags: TAGS,
  access: READ,
  params: idParams,
  query: unitQrPngQuery,
  produces: 'image/png',
  handler: async ({ db, user, params, query, reply }) => {
    const business = await loadBusinessFor(db, user, params.id, 'read', 'unit_credential');
    const credential = await currentCredential(db, business.id);
    const png = await renderQrPng(credential.qr_text, { scale: query.scale });
    return reply
      .header('content-type', 'image/png')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="ma-qr-don-vi-${business.tax_code}.png"`)
      .send(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  },
});

export const unitCredentialRoutes = [getUnitCredentialRoute, confirmationPdfRoute, unitQrPngRoute];
