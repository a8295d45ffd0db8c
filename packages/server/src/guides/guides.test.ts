import {
  CHECKPOINT_STATE_GUIDE,
  checkpointGuide,
  loadTrustList,
  VERDICT_TEXT,
  VERDICTS,
  verify,
  WARNINGS,
} from '@thonghanh/core';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePage, pdfInfo, pdfRawText, pdfWords, Scratch } from '../../test/support/pdf-tools.js';
import { SYSTEM_ACTOR } from '../audit/append-audit.js';
import { nodeCryptoProvider } from '../crypto/node-provider.js';
import { ensureWardKey } from '../keys/ward-keys.js';
import { buildTrustList } from '../lists/trust-list.js';
import { issueContext } from '../permits/signing-context.js';
import { forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { makeBusiness, makeBusinessRep, makeUser } from '../test/factories.js';
import { guideCache } from './routes.js';

const PUBLIC_URL = 'https://giaydiduong.longbien.example';
const scratch = new Scratch();
afterAll(() => scratch.dispose());

/** The text of a PDF, its lines joined (pdftotext breaks lines where the layout does). */
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** Every word of every page lies inside the A4 page, away from its edges (nothing cut when printed). */
function wordsInsidePages(path: string): { pages: number; outside: string[] } {
  const pages = Number(pdfInfo(path).Pages);
  const outside: string[] = [];
  for (let p = 1; p <= pages; p++) {
    const { width, height, words } = pdfWords(path, p);
    for (const w of words)
      if (w.xMin < 28 || w.xMax > width - 28 || w.yMin < 20 || w.yMax > height - 20) outside.push(`p${p}: ${w.word}`);
  }
  return { pages, outside };
}

describe('printable guides: GET /api/v1/wards/:code/guides/{business|checkpoint}.pdf', () => {
  forEachApp(
    (t) => {
      it('gives a business representative the business guide of its ward, with the ward’s name and settings', async () => {
        const rep = await signIn(t.app, await makeBusinessRep(t.db, await makeBusiness(t.db, { wardCode: WARDS.own })));
        const res = await rep.get(`/api/v1/wards/${WARDS.own}/guides/business.pdf`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers['content-disposition']).toBe(
          `attachment; filename="huong-dan-doanh-nghiep-${WARDS.own}.pdf"`,
        );
        const path = scratch.file(res.rawPayload);
        const text = flat(pdfRawText(path));
        expect(text).toContain('UBND phường Đức Giang');
        expect(text).toContain('UBND QUẬN LONG BIÊN');
        expect(text).toContain('HƯỚNG DẪN CHO DOANH NGHIỆP');
        expect(text).toContain(`Địa chỉ hệ thống: ${PUBLIC_URL}`);
        expect(text).toContain('Thời hạn xử lý hồ sơ: 3 ngày');
        expect(text).toContain('Ngày lập tài liệu: 15/08/2021');
        // The sample page from the real renderer, with the ward's serial suffix and place.
        expect(text).toContain('GIẤY ĐI ĐƯỜNG');
        expect(text).toContain('0125/GĐĐ');
        expect(text).toContain('Hà Nội, ngày 15 tháng 08 năm 2021');
        for (const words of [
          'A5, mỗi trang một giấy',
          'A4, mỗi trang hai giấy',
          'góc dưới bên trái',
          'người có tên trong danh sách người lao động đã được UBND phường phê duyệt',
          'đúng lộ trình đã đăng ký',
          'Thu hồi một giấy',
          'ĐÃ BỊ THU HỒI',
        ])
          expect(text).toContain(words);
        const layout = wordsInsidePages(path);
        expect(layout.pages).toBeGreaterThanOrEqual(3);
        expect(layout.outside).toEqual([]);
      });

      it('pictures a sample permit whose QR code is signed but trusted by no ward: it can never pass as valid', async () => {
        const master = issueContext(t.appConfig, SYSTEM_ACTOR, t.clock.now());
        await t.db.transaction().execute((tx) => ensureWardKey(tx, WARDS.own, master));
        const admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin', wardCode: WARDS.own }));
        const res = await admin.get(`/api/v1/wards/${WARDS.own}/guides/business.pdf`);
        const path = scratch.file(res.rawPayload);
        const page = [1, 2, 3].find((p) => pdfRawText(path, p).includes('GIẤY ĐI ĐƯỜNG')) as number;
        const codes = await decodePage(path, page, 300);
        expect(codes).toHaveLength(1);
        expect(codes[0]?.startsWith(`${PUBLIC_URL}/p1#`)).toBe(true);
        const trust = await loadTrustList(await buildTrustList(t.db, t.clock.now()), nodeCryptoProvider);
        if (!trust.ok) throw new Error('trust list');
        expect(trust.value.keys.length).toBeGreaterThan(0);
        const v = await verify(codes[0], { crypto: nodeCryptoProvider, trust: trust.value, at: t.clock.now() });
        expect(v.verdict).toBe('unknown_key');
        expect(v.claims?.permit?.serial).toBe('0125/GĐĐ');
      });

      it('follows the ward’s settings: a new deadline and desk mailbox give a new guide', async () => {
        const admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin', wardCode: WARDS.own }));
        const before = guideCache.renders;
        // The cache is the process's: a mailbox of this database's own keeps the guide new to it.
        const deskEmail = `motcua.${t.kind}@ducgiang.example`;
        const patch = await admin.patch(`/api/v1/wards/${WARDS.own}/settings`, { dueDays: 5, deskEmail });
        expect(patch.statusCode).toBe(200);
        const res = await admin.get(`/api/v1/wards/${WARDS.own}/guides/business.pdf`);
        const text = flat(pdfRawText(scratch.file(res.rawPayload)));
        expect(text).toContain('Thời hạn xử lý hồ sơ: 5 ngày');
        expect(text).toContain(`Bộ phận Một cửa UBND phường Đức Giang: ${deskEmail}`);
        expect(guideCache.renders).toBe(before + 1);
        // The same guide again is not rendered again.
        const again = await admin.get(`/api/v1/wards/${WARDS.own}/guides/business.pdf`);
        expect(again.rawPayload.equals(res.rawPayload)).toBe(true);
        expect(guideCache.renders).toBe(before + 1);
      });

      it('gives a checkpoint officer the checkpoint guide naming every verdict, warning and state of the app', async () => {
        const officer = await signIn(t.app, await makeUser(t.db, { role: 'checkpoint_officer', wardCode: WARDS.own }));
        const res = await officer.get(`/api/v1/wards/${WARDS.own}/guides/checkpoint.pdf`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-disposition']).toBe(
          `attachment; filename="huong-dan-can-bo-tai-chot-${WARDS.own}.pdf"`,
        );
        const path = scratch.file(res.rawPayload);
        const text = flat(pdfRawText(path));
        expect(text).toContain('UBND phường Đức Giang');
        expect(text).toContain('HƯỚNG DẪN CHO CÁN BỘ TẠI CHỐT KIỂM SOÁT');
        expect(text).toContain(`${PUBLIC_URL}/checkpoint`);
        for (const v of VERDICTS) {
          expect(text, v).toContain(v === 'valid' ? 'HỢP LỆ' : VERDICT_TEXT[v].headline);
        }
        const guide = checkpointGuide();
        for (const e of [...guide.verdicts, ...guide.warnings, ...CHECKPOINT_STATE_GUIDE]) {
          expect(text, e.code).toContain(flat(e.meaning));
          for (const n of e.next) expect(text, e.code).toContain(flat(n));
        }
        expect(guide.warnings.map((e) => e.code)).toEqual([...WARNINGS, 'lists_stale']);
        expect(text).toContain('KHÔNG THỂ XÁC MINH');
        expect(text).toContain('Máy chưa tải được danh sách tin cậy nên không thể xác minh mã này.');
        const layout = wordsInsidePages(path);
        expect(layout.outside).toEqual([]);
        // The code on the first page opens the app.
        expect(await decodePage(path, 1, 200)).toEqual([`${PUBLIC_URL}/checkpoint`]);
      });

      it('refuses a code that is no ward', async () => {
        const admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin', wardCode: WARDS.own }));
        const district = await admin.get('/api/v1/wards/004/guides/business.pdf');
        expect(district.statusCode).toBe(400);
        const unknown = await admin.get('/api/v1/wards/99999/guides/checkpoint.pdf');
        expect([unknown.statusCode, unknown.json().error.code]).toEqual([422, 'unknown_admin_unit']);
      });
    },
    { env: { PUBLIC_URL } },
  );
});
