import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { makeTestBusiness, verifyServed } from '../../permits/test-support.js';
import { decodeQrPixels } from '../../qr/decode-image.js';
import { forEachApp, signIn } from '../../test/app.js';
import { WARDS } from '../../test/constants.js';
import { deskApprovesIn, makeUser } from '../../test/factories.js';

describe('the unit QR as a PNG', () => {
  forEachApp((t) => {
    it('is the signed unit credential, downloadable by the business, decoding to the text that verifies', async () => {
      const b = await makeTestBusiness(t.db, { staff: 2, state: 'health_confirmed' });
      await deskApprovesIn(t.db);
      const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
      expect((await desk.post(`/api/v1/dossiers/${b.dossier.id}/approve`, {})).statusCode).toBe(200);
      const unit = (await desk.get(`/api/v1/businesses/${b.business.id}/unit-credential`)).json();
      const rep = await signIn(t.app, b.rep);
      const res = await rep.get(`/api/v1/businesses/${b.business.id}/unit-credential.png?scale=6`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="ma-qr-don-vi-${b.business.tax_code}.png"`);
      const img = PNG.sync.read(res.rawPayload);
      const rgba = new Uint8Array(img.width * img.height * 4);
      // 1-bit grayscale is expanded by pngjs to RGBA
      rgba.set(img.data);
      expect(await decodeQrPixels(rgba, img.width, img.height)).toEqual([unit.qrText]);
      expect((await verifyServed(t.app, unit.qrText, t.clock.now())).verdict).toBe('valid');
    });

    it('answers 404 while the unit has no credential, and refuses a bad scale with 400', async () => {
      const b = await makeTestBusiness(t.db, { staff: 1, state: 'submitted' });
      const rep = await signIn(t.app, b.rep);
      const none = await rep.get(`/api/v1/businesses/${b.business.id}/unit-credential.png`);
      expect(none.statusCode).toBe(404);
      const bad = await rep.get(`/api/v1/businesses/${b.business.id}/unit-credential.png?scale=1000`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('validation_failed');
    });
  });
});
