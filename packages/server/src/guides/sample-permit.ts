import { buildQrText, signClaims } from '@thonghanh/core';
import { nodeCryptoProvider } from '../crypto/node-provider.js';
import type { PermitPrintData } from '../pdf/permit-print-data.js';
import { renderPermitsPdf } from '../pdf/render-permits.js';
import { REFERENCE_PERMIT } from '../pdf/sample-permits.js';
import { claimsOf, exampleSigner } from '../pdf/sample-signed.js';
import { formatSerial } from '../permits/serials.js';
import { DAY_MS, vnDateOf, vnDayStart } from '../permits/vn-dates.js';
import type { GuideContext } from './guide-context.js';

const addDays = (date: string, n: number) => vnDateOf(vnDayStart(date) + n * DAY_MS);

/** The sample unit of the guides (fictitious, as every demo name). */
export const SAMPLE_UNIT = 'Công ty TNHH Mẫu Minh Họa';

/**
 * The sample permit the business guide pictures: the spec's fictitious reference holder, the
 * ward's own place, legal basis and serial suffix, valid from the guide's day. Its QR code is
 * really signed — with the published example key of the spec's test vectors, which no trust
 * list holds — so a checkpoint scanning the picture sees "KHÔNG RÕ NƠI CẤP", never "HỢP LỆ".
 */
export async function samplePermitData(ctx: GuideContext): Promise<PermitPrintData> {
  const p: PermitPrintData = {
    ...REFERENCE_PERMIT,
    unitName: SAMPLE_UNIT,
    workplace: `${SAMPLE_UNIT}, ${ctx.ward.wardName}, ${ctx.ward.districtName}`,
    serial: formatSerial(125, ctx.serialSuffix),
    placeName: ctx.ward.placeName,
    issuedOn: ctx.today,
    validFrom: ctx.today,
    validTo: addDays(ctx.today, 21),
    legalBasis: ctx.legalBasis,
    signerName: 'Trần Văn Bình',
  };
  // Signed on the guide's day by the ward's name (iat 08:00), so the claims follow every rule.
  const claims = { ...claimsOf(p, 1), iss: ctx.ward.issuer, iat: (vnDayStart(ctx.today) + 8 * 3_600_000) / 1000 };
  const cose = await signClaims(claims, await exampleSigner(), nodeCryptoProvider);
  return { ...p, qrText: buildQrText(ctx.publicUrl, cose) };
}

/** The sample permit as a PDF page from the real renderer: one A5 page, or the A4 sheet of two. */
export async function samplePermitPdf(p: PermitPrintData, layout: 'A5' | 'A4x2'): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  const second = { ...p, serial: p.serial.replace(/^\d+/, '0126'), holder: 'Lê Minh Khánh', idNumber: '001090054321' };
  await renderPermitsPdf(layout === 'A5' ? [p] : [p, second], (c) => void parts.push(Buffer.from(c)), {
    layout,
    title: 'Mẫu giấy đi đường',
  });
  return Buffer.concat(parts);
}
