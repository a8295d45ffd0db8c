import { taxCodeCheckDigit } from '@thonghanh/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReceivedMail, startTestSmtp, takeMessages } from '../../test/support/smtp-server.js';
import { buildApp } from '../app.js';
import { manualClock } from '../clock.js';
import type { UserRow } from '../db/schema.js';
import { silentLogger } from '../log.js';
import { smtpMailer } from '../mail/mailer.js';
import { type Agent, signIn, testConfig } from '../test/app.js';
import { TEST_CLOCK_START, WARDS } from '../test/constants.js';
import { forEachDatabase } from '../test/databases.js';
import { makeBusiness, makeUser, setWardSettings } from '../test/factories.js';

const DESK_BOX = 'motcua@ducgiang.example';
// Typed with capitals (a contact e-mail is kept as typed); a rep's account has it lower-case.
const CONTACT = 'LienHe@saomai.example';
const A = {
  desk: 'motcua.an@ducgiang.example',
  rep: 'daidien.dung@saomai.example',
};

function taxCode(): string {
  for (let seq = 4200; ; seq++) {
    const first9 = `0108${String(seq).padStart(5, '0')}`;
    const d = taxCodeCheckDigit(first9);
    if (d !== null) return `${first9}${d}`;
  }
}

/**
 * Who hears of a registration and of a change of a business's details, by the SMTP envelope
 * a real server received: what waits for the desk goes to the ward's desk mailbox and its
 * desk officers; the desk's answers go to the business's contact e-mail and its
 * representatives; never an inactive account, one without e-mail, another ward's, or
 * staff who do not act on it (Health Station, leaders); each address once.
 */
describe('registration and change e-mails through a real SMTP server', () => {
  forEachDatabase((t) => {
    let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
    let app: Awaited<ReturnType<typeof buildApp>>;
    const clock = manualClock(TEST_CLOCK_START);
    let desk: Agent;
    // 50 ms more: nothing beyond the n expected may arrive.
    const wait = (n: number) => takeMessages(smtp, n, 50);
    const bySubject = (mails: ReceivedMail[], start: string) => mails.find((m) => m.subject.startsWith(start));

    beforeAll(async () => {
      smtp = await startTestSmtp();
      const config = testConfig(t, { PUBLIC_URL: 'https://thonghanh.example' });
      app = await buildApp({ db: t.db, config, clock, mailer: smtpMailer(smtp.url, silentLogger) });
      await setWardSettings(t.db, { deskEmail: DESK_BOX, leaderApprovalRequired: true });
      desk = await signIn(app, await makeUser(t.db, { role: 'ward_officer', username: 'aa.desk', email: A.desk }));
      // The desk mailbox is also one officer's account e-mail: written once.
      await makeUser(t.db, { role: 'ward_officer', username: 'bb.desk', email: DESK_BOX });
      await makeUser(t.db, { role: 'ward_officer', username: 'cc.desk' });
      await makeUser(t.db, { role: 'ward_officer', email: 'dahuy@ducgiang.example', active: false });
      await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.sameDistrict, email: 'viethung@phuong.example' });
      await makeUser(t.db, { role: 'health_officer', email: 'tramyte.binh@ducgiang.example' });
      await makeUser(t.db, { role: 'ward_leader', email: 'lanhdao.cuong@ducgiang.example' });
    });
    afterAll(async () => {
      await app?.close();
      await smtp?.close();
    });

    it('a registration: the desk hears of it and of its re-application; the business of every answer', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/businesses/register',
        payload: {
          taxCode: taxCode(),
          name: 'Công ty TNHH Bao bì Sao Mai',
          address: 'Số 12 phố Trường Lâm, phường Đức Giang',
          wardCode: WARDS.own,
          lineOfBusiness: 'Sản xuất bao bì',
          contactName: 'Người Liên Hệ',
          contactPhone: '0912 345 678',
          contactEmail: CONTACT,
          account: { password: 'mat-khau-sao-mai', fullName: 'Người Đại Diện' },
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      const { business, user } = res.json();
      const registered = await wait(2);
      expect(registered).toHaveLength(2);
      // The new representative's account has no e-mail yet: the contact e-mail only.
      expect(bySubject(registered, '[Thông hành] Đã nhận đăng ký')?.to).toEqual([CONTACT]);
      const toDesk = bySubject(registered, '[Thông hành] Doanh nghiệp đăng ký mới chờ tiếp nhận');
      expect(toDesk?.to).toEqual([DESK_BOX, A.desk]);
      expect(toDesk?.text).toContain(`https://thonghanh.example/businesses/${business.id}`);
      expect(toDesk?.text).toContain('Địa chỉ: Số 12 phố Trường Lâm, phường Đức Giang');

      // Its representatives: the first account given the contact's address (lower-case), a
      // second one, and a third no longer active.
      await t.db.updateTable('users').set({ email: CONTACT.toLowerCase() }).where('id', '=', user.id).execute();
      await makeUser(t.db, { role: 'business_rep', businessId: business.id, username: 'bb.rep', email: A.rep });
      await makeUser(t.db, {
        role: 'business_rep',
        businessId: business.id,
        email: 'nghiviec@saomai.example',
        active: false,
      });
      const rep = await signIn(app, { username: user.username } as UserRow, 'mat-khau-sao-mai');

      await desk.post(`/api/v1/businesses/${business.id}/refuse`, { reason: 'Thiếu số nhà.' });
      const [refused, ...none] = await wait(1);
      expect(none).toEqual([]);
      expect(refused?.subject).toBe('[Thông hành] Đăng ký của Công ty TNHH Bao bì Sao Mai không được tiếp nhận');
      expect(refused?.to).toEqual([CONTACT, A.rep]);
      expect(refused?.text).toContain('Lý do: Thiếu số nhà.');

      const again = await rep.post(`/api/v1/businesses/${business.id}/reapply`, {
        address: 'Số 12 ngõ 5 phố Trường Lâm, phường Đức Giang',
      });
      expect(again.statusCode, again.body).toBe(200);
      const reapplied = await wait(2);
      expect(reapplied).toHaveLength(2);
      expect(bySubject(reapplied, '[Thông hành] Đã nhận đăng ký')?.to).toEqual([CONTACT, A.rep]);
      expect(bySubject(reapplied, '[Thông hành] Doanh nghiệp đăng ký lại, chờ tiếp nhận')?.to).toEqual([
        DESK_BOX,
        A.desk,
      ]);

      await desk.post(`/api/v1/businesses/${business.id}/refuse`, { reason: 'Nhầm phường.' });
      await wait(1);
      const reversed = await desk.post(`/api/v1/businesses/${business.id}/reverse-refusal`, {
        reason: 'Địa chỉ đúng là phường Đức Giang.',
      });
      expect(reversed.json().status).toBe('active');
      const [accepted, ...more] = await wait(1);
      expect(more).toEqual([]);
      expect(accepted?.subject).toBe('[Thông hành] Đăng ký của Công ty TNHH Bao bì Sao Mai đã được tiếp nhận');
      expect(accepted?.to).toEqual([CONTACT, A.rep]);
      expect(accepted?.text).toContain('Lý do: Địa chỉ đúng là phường Đức Giang.');
    });

    it('a change of details: the desk hears of the request, the business of the answer; the desk’s own edits send nothing', async () => {
      await wait(0);
      const business = await makeBusiness(t.db, { name: 'Công ty TNHH Cơ khí Thăng Long', contactEmail: null });
      const repUser = await makeUser(t.db, { role: 'business_rep', businessId: business.id, email: A.rep });
      await makeUser(t.db, {
        role: 'business_rep',
        businessId: business.id,
        email: 'nghi@thanglong.example',
        active: false,
      });
      await makeUser(t.db, { role: 'business_rep', businessId: business.id });
      const rep = await signIn(app, repUser);

      // Contact details alone apply at once: nobody to ask, nothing sent.
      expect((await rep.patch(`/api/v1/businesses/${business.id}`, { contactPhone: '0987 654 321' })).statusCode).toBe(
        200,
      );
      expect(await wait(0)).toEqual([]);

      const asked = await rep.patch(`/api/v1/businesses/${business.id}`, {
        name: 'Công ty Cổ phần Cơ khí Thăng Long',
        contactName: 'Người Liên Hệ Mới',
      });
      expect(asked.statusCode, asked.body).toBe(200);
      const changeId = asked.json().change.id as string;
      const [request, ...none] = await wait(1);
      expect(none).toEqual([]);
      expect(request?.subject).toBe(
        '[Thông hành] Đề nghị thay đổi thông tin chờ duyệt: Công ty TNHH Cơ khí Thăng Long',
      );
      expect(request?.to).toEqual([DESK_BOX, A.desk]);
      expect(request?.text).toContain(
        'Tên doanh nghiệp: Công ty TNHH Cơ khí Thăng Long → Công ty Cổ phần Cơ khí Thăng Long',
      );
      expect(request?.text).not.toContain('Người Liên Hệ Mới');

      const refused = await desk.post(`/api/v1/business-changes/${changeId}/refuse`, {
        reason: 'Chưa có giấy chứng nhận đăng ký doanh nghiệp mới.',
      });
      expect(refused.statusCode, refused.body).toBe(200);
      const [no, ...none2] = await wait(1);
      expect(none2).toEqual([]);
      // No contact e-mail: the active representative with an address only.
      expect(no?.to).toEqual([A.rep]);
      expect(no?.subject).toBe(
        '[Thông hành] Đề nghị thay đổi thông tin của Công ty TNHH Cơ khí Thăng Long không được duyệt',
      );
      expect(no?.text).toContain('Lý do: Chưa có giấy chứng nhận đăng ký doanh nghiệp mới.');

      // With a contact e-mail (applied at once) both hear of the approval, the new name in use.
      await rep.patch(`/api/v1/businesses/${business.id}`, { contactEmail: 'LienHe@thanglong.example' });
      const second = await rep.patch(`/api/v1/businesses/${business.id}`, { address: 'Số 8 phố Đức Giang' });
      const [request2] = await wait(1);
      expect(request2?.to).toEqual([DESK_BOX, A.desk]);
      expect(request2?.text).toContain('Địa chỉ: Số 1 phố Đức Giang → Số 8 phố Đức Giang');
      await desk.post(`/api/v1/business-changes/${second.json().change.id}/approve`, {
        note: 'Đã đối chiếu hợp đồng thuê.',
      });
      const [yes, ...none3] = await wait(1);
      expect(none3).toEqual([]);
      expect(yes?.to).toEqual(['LienHe@thanglong.example', A.rep]);
      expect(yes?.subject).toBe(
        '[Thông hành] Đề nghị thay đổi thông tin của Công ty TNHH Cơ khí Thăng Long đã được duyệt',
      );
      expect(yes?.text).toContain('Ghi chú: Đã đối chiếu hợp đồng thuê.');

      // The desk's own edit applies at once: no request, no e-mail.
      expect(
        (await desk.patch(`/api/v1/businesses/${business.id}`, { lineOfBusiness: 'Gia công cơ khí' })).json().change,
      ).toBe(null);
      expect(await wait(0)).toEqual([]);
    });
  });
});
