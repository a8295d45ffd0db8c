import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePng, pdfInfo, pdfRawText, pdfText, renderPage, Scratch } from '../../test/support/pdf-tools.js';
import { forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { makeUser } from '../test/factories.js';
import { makeTestBusiness, verifyServed } from './test-support.js';

const scratch = new Scratch();
afterAll(() => scratch.dispose());

forEachApp((t) => {
  describe('printing permits on the city form', () => {
    it('a printed page (150 dpi) decodes and verifies valid against the served lists, then revoked; pdftotext finds the holder', async () => {
      const b = await makeTestBusiness(t.db, { staff: 1 });
      const rep = await signIn(t.app, b.rep);
      const permit = (await rep.post('/api/v1/permits', { staffIds: 'all' })).json().items[0];
      const res = await rep.get(`/api/v1/permits/${permit.id}/pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-permit-count']).toBe('1');
      const path = scratch.file(res.rawPayload);
      expect(pdfInfo(path).Pages).toBe('1');
      const png = renderPage(path, 1, 150);
      const codes = await decodePng(png);
      expect(codes).toEqual([permit.qrText]);
      expect((await verifyServed(t.app, codes[0]!, t.clock.now())).verdict).toBe('valid');

      const text = pdfText(path);
      expect(text).toContain(permit.holder);
      expect(pdfRawText(path)).toContain(permit.holder);
      for (const s of [
        'GIẤY ĐI ĐƯỜNG',
        `${permit.serial}`,
        'Hà Nội, ngày 15 tháng 08 năm 2021',
        'Căn cứ Chỉ thị số 17/CT-UBND',
      ]) {
        expect(text.replace(/\s+/g, ' ')).toContain(s);
      }

      await rep.post(`/api/v1/permits/${permit.id}/revoke`, { reason: 'Thu hồi để thử' });
      expect((await verifyServed(t.app, codes[0]!, t.clock.now())).verdict).toBe('revoked');
    });

    it('the ward legal basis is printed when set', async () => {
      const b = await makeTestBusiness(t.db, { staff: 1, wardCode: WARDS.sameDistrict });
      const admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin', wardCode: WARDS.sameDistrict }));
      const basis = 'Căn cứ Công văn số 2434/UBND-KT ngày 29/7/2021 của UBND Thành phố Hà Nội';
      expect(
        (await admin.patch(`/api/v1/wards/${WARDS.sameDistrict}/settings`, { legalBasis: basis })).statusCode,
      ).toBe(200);
      const rep = await signIn(t.app, b.rep);
      const permit = (await rep.post('/api/v1/permits', { staffIds: 'all' })).json().items[0];
      const res = await rep.get(`/api/v1/permits/${permit.id}/pdf?layout=A4x2`);
      const path = scratch.file(res.rawPayload);
      expect(pdfInfo(path)['Page size']).toMatch(/^595\.\d+ x 841\.\d+ pts/);
      expect(pdfText(path).replace(/\s+/g, ' ')).toContain('Công văn số 2434/UBND-KT');
    });

    it('bulk printing streams as it renders: X-Permit-Count first, chunked, every page a permit in serial order', async () => {
      const b = await makeTestBusiness(t.db, { staff: 12 });
      const rep = await signIn(t.app, b.rep);
      const issued = (await rep.post('/api/v1/permits', { staffIds: 'all' })).json().items as Array<{
        id: string;
        serial: string;
        holder: string;
        qrText: string;
      }>;
      await rep.post(`/api/v1/permits/${issued[3]!.id}/revoke`, { reason: 'Nghỉ việc' });

      const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const res = await fetch(`${address}/api/v1/permits/print`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: `th_session=${rep.cookie}`,
          'x-csrf-token': rep.csrfToken,
        },
        body: JSON.stringify({ businessId: b.business.id, status: 'active', layout: 'A5' }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-permit-count')).toBe('11');
      expect(res.headers.get('transfer-encoding')).toBe('chunked');
      expect(res.headers.get('content-length')).toBeNull();
      const chunks: Uint8Array[] = [];
      const reader = res.body!.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
      const path = join(scratch.dir, 'bulk.pdf');
      writeFileSync(path, Buffer.concat(chunks));
      expect(pdfInfo(path).Pages).toBe('11');
      const active = issued.filter((_, i) => i !== 3);
      for (const [i, p] of active.entries()) expect(pdfText(path, i + 1)).toContain(p.holder);
      const last = await decodePng(renderPage(path, 11, 150));
      expect(last).toEqual([active[10]!.qrText]);

      // By ids, two per A4 sheet; someone else's ids are not found.
      const two = await rep.request({
        method: 'POST',
        url: '/api/v1/permits/print',
        payload: { ids: [issued[0]!.id, issued[1]!.id, issued[2]!.id], layout: 'A4x2' },
      });
      expect(two.statusCode).toBe(200);
      expect(two.headers['x-permit-count']).toBe('3');
      expect(pdfInfo(scratch.file(two.rawPayload)).Pages).toBe('2');
      const stranger = await signIn(t.app, (await makeTestBusiness(t.db, { staff: 1 })).rep);
      const refused = await stranger.request({
        method: 'POST',
        url: '/api/v1/permits/print',
        payload: { ids: [issued[0]!.id], layout: 'A5' },
      });
      expect(refused.statusCode).toBe(404);
    });
  });
});
