import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReceivedMail, startTestSmtp, takeMessages } from '../../test/support/smtp-server.js';
import { buildApp } from '../app.js';
import { manualClock } from '../clock.js';
import { silentLogger } from '../log.js';
import { smtpMailer } from '../mail/mailer.js';
import { type Agent, signIn, testConfig } from '../test/app.js';
import { TEST_CLOCK_START, WARDS } from '../test/constants.js';
import { forEachDatabase } from '../test/databases.js';
import { makeBusiness, makeDossier, makeUser, setWardSettings, TEST_COMMITMENT } from '../test/factories.js';
import { runDeadlineReminders } from './deadline-reminders.js';
import { uniqueAddresses } from './recipients.js';

const HOUR = 3_600_000;
const DESK_BOX = 'motcua@ducgiang.example';
// Typed with capitals (a contact e-mail is kept as typed); a rep's account has it lower-case.
const CONTACT = 'GiamDoc@hungthinh.example';
const A = {
  desk: 'motcua.an@ducgiang.example',
  health: 'tramyte.binh@ducgiang.example',
  leader: 'lanhdao.cuong@ducgiang.example',
  rep: 'daidien.dung@hungthinh.example',
};

describe('uniqueAddresses', () => {
  it('keeps each address once, case-insensitively, first spelling first, blanks dropped', () => {
    expect(uniqueAddresses('A@x.vn', null, ['a@x.vn', ' b@x.vn ', ''], undefined, 'B@X.VN')).toEqual([
      'A@x.vn',
      'b@x.vn',
    ]);
  });
});

/**
 * Who hears of a dossier, by the SMTP envelope a real server received: the people concerned
 * at their account e-mails, each once, never an inactive account or one without e-mail,
 * never another ward's.
 */
describe('e-mail recipients through a real SMTP server', () => {
  forEachDatabase((t) => {
    let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
    let app: Awaited<ReturnType<typeof buildApp>>;
    const clock = manualClock(TEST_CLOCK_START);
    let rep: Agent;
    let desk: Agent;
    let health: Agent;
    let leader: Agent;
    let business: Awaited<ReturnType<typeof makeBusiness>>;
    // 50 ms more: nothing beyond the n expected may arrive.
    const wait = (n: number) => takeMessages(smtp, n, 50);
    const bySubject = (mails: ReceivedMail[], start: string) => mails.find((m) => m.subject.startsWith(start));

    beforeAll(async () => {
      smtp = await startTestSmtp();
      const config = testConfig(t, { PUBLIC_URL: 'https://thonghanh.example' });
      app = await buildApp({ db: t.db, config, clock, mailer: smtpMailer(smtp.url, silentLogger) });
      await setWardSettings(t.db, { deskEmail: DESK_BOX, leaderApprovalRequired: true });
      business = await makeBusiness(t.db, { name: 'Công ty TNHH Thực phẩm Hưng Thịnh', contactEmail: CONTACT });
      const repUser = await makeUser(t.db, {
        role: 'business_rep',
        businessId: business.id,
        username: 'aa.rep',
        email: 'giamdoc@hungthinh.example',
      });
      await makeUser(t.db, { role: 'business_rep', businessId: business.id, username: 'bb.rep', email: A.rep });
      await makeUser(t.db, {
        role: 'business_rep',
        businessId: business.id,
        email: 'nghiviec@hungthinh.example',
        active: false,
      });
      rep = await signIn(app, repUser);
      desk = await signIn(app, await makeUser(t.db, { role: 'ward_officer', username: 'aa.desk', email: A.desk }));
      // The desk mailbox is also one officer's account e-mail: written once.
      await makeUser(t.db, { role: 'ward_officer', username: 'bb.desk', email: DESK_BOX });
      await makeUser(t.db, { role: 'ward_officer', username: 'cc.desk' });
      await makeUser(t.db, { role: 'ward_officer', email: 'dahuy@ducgiang.example', active: false });
      await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.sameDistrict, email: 'viethung@phuong.example' });
      health = await signIn(app, await makeUser(t.db, { role: 'health_officer', email: A.health }));
      leader = await signIn(app, await makeUser(t.db, { role: 'ward_leader', email: A.leader }));
      await makeUser(t.db, { role: 'ward_leader', email: 'lanhdao.cu@ducgiang.example', active: false });
      await makeUser(t.db, { role: 'ward_leader', wardCode: WARDS.sameDistrict, email: 'lanhdao@viethung.example' });
    });
    afterAll(async () => {
      await app?.close();
      await smtp?.close();
    });

    it('writes to each person concerned, step by step, at their account e-mail', async () => {
      const d = await makeDossier(t.db, { business, staff: 2 });
      expect((await rep.post(`/api/v1/dossiers/${d.id}/submit`, { commitment: TEST_COMMITMENT })).statusCode).toBe(200);
      const submitted = await wait(2);
      expect(submitted).toHaveLength(2);
      // The business: its contact e-mail and its active representatives', the same address once.
      expect(bySubject(submitted, '[Thông hành] Đã nhận hồ sơ')?.to).toEqual([CONTACT, A.rep]);
      // The ward: the desk mailbox, the active desk officers with an e-mail, the Health Station.
      expect(bySubject(submitted, '[Thông hành] Hồ sơ mới')?.to).toEqual([DESK_BOX, A.desk, A.health]);

      await health.post(`/api/v1/dossiers/${d.id}/confirm-health`);
      const [confirmed, ...more] = await wait(1);
      expect(more).toEqual([]);
      expect(confirmed?.subject).toBe(
        '[Thông hành] Trạm Y tế đã xác nhận hồ sơ của Công ty TNHH Thực phẩm Hưng Thịnh, hạn 18/08/2021 10:00',
      );
      expect(confirmed?.to).toEqual([A.desk, DESK_BOX]);

      await desk.post(`/api/v1/dossiers/${d.id}/send-for-signature`);
      const [toSign] = await wait(1);
      expect(toSign?.subject).toBe(
        '[Thông hành] Hồ sơ chờ lãnh đạo ký: Công ty TNHH Thực phẩm Hưng Thịnh, hạn 18/08/2021 10:00',
      );
      expect(toSign?.to).toEqual([A.leader]);
      expect(toSign?.text).toContain(`https://thonghanh.example/dossiers/${d.id}`);

      await leader.post(`/api/v1/dossiers/${d.id}/return-to-desk`, { note: 'Ghi rõ ca làm việc của từng người.' });
      const [back] = await wait(1);
      expect(back?.to).toEqual([A.desk, DESK_BOX]);
      expect(back?.text).toContain('Lý do: Ghi rõ ca làm việc của từng người.');

      await desk.post(`/api/v1/dossiers/${d.id}/send-for-signature`);
      await wait(1);
      const approved = await leader.post(`/api/v1/dossiers/${d.id}/approve`);
      expect(approved.json().state).toBe('approved');
      const [approval, ...others] = await wait(1);
      expect(others).toEqual([]);
      expect(approval?.subject).toMatch(/đã được phê duyệt/);
      expect(approval?.to).toEqual([CONTACT, A.rep]);
    });

    it('a returned dossier reaches the business users; a deactivated one hears no more', async () => {
      const d = await makeDossier(t.db, { business, kind: 'amendment', state: 'submitted' });
      expect(await wait(0)).toEqual([]);
      await t.db.updateTable('users').set({ active: 0 }).where('email', '=', A.rep).execute();
      await health.post(`/api/v1/dossiers/${d.id}/return`, { note: 'Thiếu bản kế hoạch có chữ ký.' });
      const [returned] = await wait(1);
      expect(returned?.to).toEqual([CONTACT]);
      await t.db.updateTable('users').set({ active: 1 }).where('email', '=', A.rep).execute();
    });

    it('reminds the desk mailbox and the desk officers of deadlines, once each', async () => {
      await wait(0);
      const other = await makeBusiness(t.db, { name: 'Công ty TNHH Cơ khí Thăng Long' });
      const d = await makeDossier(t.db, { business: other, state: 'submitted', at: clock.now() });
      const run = await runDeadlineReminders(t.db, {
        mailer: smtpMailer(smtp.url, silentLogger),
        publicUrl: 'https://thonghanh.example',
        now: new Date(clock.now().getTime() + 49 * HOUR),
      });
      expect(run.emails).toBe(1);
      const [reminder] = await wait(1);
      expect(reminder?.to).toEqual([DESK_BOX, A.desk]);
      expect(reminder?.text).toContain(d.id);
    });
  });
});
