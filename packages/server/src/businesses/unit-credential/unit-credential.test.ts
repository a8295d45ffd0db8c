import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePng, pdfText, renderPage, Scratch } from '../../../test/support/pdf-tools.js';
import { makeTestBusiness, verifyServed } from '../../permits/test-support.js';
import { forEachApp, signIn } from '../../test/app.js';
import { WARDS } from '../../test/constants.js';
import { makeDossier, makeUser, TEST_COMMITMENT } from '../../test/factories.js';

const scratch = new Scratch();
/** poppler's signature report (exit status 0 or not: the text says). */
const pdfsig = (path: string): string => {
  try {
    return execFileSync('pdfsig', [path], { encoding: 'utf8' });
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? '');
  }
};

/** Whether the words of `phrase` occur in `text` in that order (other words may come between). */
function wordsInOrder(text: string, phrase: string): boolean {
  const words = text.split(' ');
  let at = 0;
  for (const w of phrase.split(/\s+/)) {
    at = words.indexOf(w, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
afterAll(() => scratch.dispose());

forEachApp((t) => {
  describe('the unit credential (mã QR của đơn vị) and the ward confirmation', () => {
    it('an amendment approved: a new unit QR with the new staff count and reference; the previous one revoked', async () => {
      const b = await makeTestBusiness(t.db, { staff: 2, state: 'awaiting_leader' });
      const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
      const leader = await signIn(t.app, await makeUser(t.db, { role: 'ward_leader', wardCode: WARDS.own }));
      expect((await leader.post(`/api/v1/dossiers/${b.dossier.id}/approve`, {})).statusCode).toBe(200);
      const first = (await desk.get(`/api/v1/businesses/${b.business.id}/unit-credential`)).json();
      expect(first.staffCount).toBe(2);

      const amendment = await makeDossier(t.db, {
        business: b.business,
        kind: 'amendment',
        state: 'awaiting_leader',
        staff: 3,
      });
      const res = await leader.post(`/api/v1/dossiers/${amendment.id}/approve`, {});
      expect(res.statusCode, res.body).toBe(200);
      const second = (await desk.get(`/api/v1/businesses/${b.business.id}/unit-credential`)).json();
      expect(second.id).not.toBe(first.id);
      expect(second.staffCount).toBe(5);
      expect(second.approvalRef).not.toBe(first.approvalRef);
      expect(second.validToDate).toBe('2021-09-30');
      expect((await verifyServed(t.app, first.qrText, t.clock.now())).verdict).toBe('revoked');
      expect((await verifyServed(t.app, second.qrText, t.clock.now())).verdict).toBe('valid');
    });

    it('confirmation.pdf: the ward, the reference, the approved list, the signer, a unit QR that verifies, PAdES-signed', async () => {
      const b = await makeTestBusiness(t.db, { staff: 3, state: 'awaiting_leader' });
      const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
      const leader = await signIn(
        t.app,
        await makeUser(t.db, { role: 'ward_leader', fullName: 'Đỗ Văn Ký', title: 'Phó Chủ tịch UBND phường' }),
      );
      expect((await leader.post(`/api/v1/dossiers/${b.dossier.id}/approve`, {})).statusCode).toBe(200);
      const unit = (await desk.get(`/api/v1/businesses/${b.business.id}/unit-credential`)).json();
      const rep = await signIn(t.app, b.rep);
      const res = await rep.get(`/api/v1/businesses/${b.business.id}/confirmation.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const path = scratch.file(res.rawPayload);
      const text = pdfText(path).replace(/\s+/g, ' ');
      expect(text).toContain('UBND PHƯỜNG ĐỨC GIANG');
      expect(text).toContain(`Số: ${unit.approvalRef}`);
      expect(text).toContain(b.business.tax_code);
      expect(text).toContain('KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Ký, ghi rõ họ tên, đóng dấu) Đỗ Văn Ký');
      expect(text).toContain(`ông/bà ${TEST_COMMITMENT.name}, đã ký cam kết`);
      // pdfsig (poppler): one signature, valid, over the whole document, by the ward's certificate.
      const sig = pdfsig(path);
      expect(sig).toContain('Signature Validation: Signature is Valid.');
      expect(sig).toContain('Signer full Distinguished Name: ');
      expect(sig).toContain('CN=UBND phường Đức Giang');
      expect(sig).toContain('Signature Type: ETSI.CAdES.detached');
      expect(sig).toContain('Total document signed');
      // Self-signed: the issuer is unknown until the ward's certificate is trusted (and the test
      // clock's 2021 certificate has run out by the machine's date, which pdfsig checks against).
      expect(sig).toMatch(/Certificate Validation: Certificate (issuer is unknown|has Expired)/);
      // A byte changed inside the signed range: the signature no longer verifies.
      const tampered = Buffer.from(res.rawPayload);
      const at = tampered.indexOf('Xác nhận') > 0 ? tampered.indexOf('Xác nhận') : tampered.indexOf('/Producer') + 12;
      tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
      expect(pdfsig(scratch.file(tampered))).not.toContain('Signature is Valid.');
      const people = await t.db
        .selectFrom('staff_members')
        .select('full_name')
        .where('business_id', '=', b.business.id)
        .where('status', '=', 'approved')
        .execute();
      // A long name wraps inside its table cell and pdftotext may put the next column between
      // its lines: each name's words, in order, wherever the lines break.
      for (const p of people) expect(wordsInOrder(text, p.full_name), p.full_name).toBe(true);
      const codes = await decodePng(renderPage(path, 1, 150));
      expect(codes).toContain(unit.qrText);
      expect((await verifyServed(t.app, unit.qrText, t.clock.now())).verdict).toBe('valid');
      // Another business's rep: not found.
      const stranger = await signIn(t.app, (await makeTestBusiness(t.db, { staff: 1 })).rep);
      expect((await stranger.get(`/api/v1/businesses/${b.business.id}/confirmation.pdf`)).statusCode).toBe(404);
    });
  });
});
