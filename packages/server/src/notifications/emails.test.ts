import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, takeMessages } from '../../test/support/smtp-server.js';
import { buildApp } from '../app.js';
import { manualClock } from '../clock.js';
import { silentLogger } from '../log.js';
import { smtpMailer } from '../mail/mailer.js';
import { type Agent, signIn, testConfig } from '../test/app.js';
import { TEST_CLOCK_START } from '../test/constants.js';
import { forEachDatabase } from '../test/databases.js';
import {
  makeBusiness,
  makeBusinessRep,
  makeDossier,
  makeUser,
  setWardSettings,
  TEST_COMMITMENT,
} from '../test/factories.js';
import { runDeadlineReminders } from './deadline-reminders.js';

const DESK = 'motcua@ducgiang.example';
const BUSINESS = 'giamdoc@thucpham.example';
const HOUR = 3_600_000;

describe('e-mail through a real SMTP server', () => {
  forEachDatabase((t) => {
    let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
    let app: Awaited<ReturnType<typeof buildApp>>;
    const clock = manualClock(TEST_CLOCK_START);
    let rep: Agent;
    let desk: Agent;
    let health: Agent;
    let businessId: string;
    const wait = (n: number) => takeMessages(smtp, n);

    beforeAll(async () => {
      smtp = await startTestSmtp();
      const config = testConfig(t, { PUBLIC_URL: 'https://thonghanh.example' });
      app = await buildApp({ db: t.db, config, clock, mailer: smtpMailer(smtp.url, silentLogger) });
      // The desk approves here (these are not tests of the leader's signature).
      await setWardSettings(t.db, { deskEmail: DESK, leaderApprovalRequired: false });
      const b = await makeBusiness(t.db, { name: 'Công ty TNHH Thực phẩm Hưng Thịnh', contactEmail: BUSINESS });
      businessId = b.id;
      rep = await signIn(app, await makeBusinessRep(t.db, b));
      desk = await signIn(app, await makeUser(t.db, { role: 'ward_officer' }));
      health = await signIn(app, await makeUser(t.db, { role: 'health_officer' }));
    });
    afterAll(async () => {
      await app?.close();
      await smtp?.close();
    });

    it('sends the business a receipt with the deadline, and the desk a new-dossier notice, after commit', async () => {
      const business = await t.db
        .selectFrom('businesses')
        .selectAll()
        .where('id', '=', businessId)
        .executeTakeFirstOrThrow();
      const d = await makeDossier(t.db, { business: { ...business, ward_name: 'Phường Đức Giang' }, staff: 5 });
      const res = await rep.post(`/api/v1/dossiers/${d.id}/submit`, { commitment: TEST_COMMITMENT });
      expect(res.statusCode).toBe(200);
      const mails = await wait(2);
      const receipt = mails.find((m) => m.to.includes(BUSINESS));
      const notice = mails.find((m) => m.to.includes(DESK));
      expect(receipt?.subject).toBe('[Thông hành] Đã nhận hồ sơ đăng ký của Công ty TNHH Thực phẩm Hưng Thịnh');
      // 15/08/2021 10:00 in Hà Nội + 3 days.
      expect(receipt?.text).toContain('chậm nhất trước 18/08/2021 10:00');
      expect(receipt?.text).toContain('Số người lao động: 5');
      expect(receipt?.text).toContain(`https://thonghanh.example/dossiers/${d.id}`);
      expect(receipt?.html).toContain(
        '<th align="left" style="padding-right: 12px">Hạn xử lý</th><td>18/08/2021 10:00</td>',
      );
      expect(receipt?.from).toBe('no-reply@thonghanh.local');
      expect(notice?.subject).toBe('[Thông hành] Hồ sơ mới: Công ty TNHH Thực phẩm Hưng Thịnh, hạn 18/08/2021 10:00');
      expect(notice?.raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);

      // Returned with a reason, fixed and resubmitted, confirmed, approved.
      await health.post(`/api/v1/dossiers/${d.id}/return`, {
        note: 'Kế hoạch thiếu chữ ký và con dấu của thủ trưởng đơn vị.',
      });
      const [returned] = await wait(1);
      expect(returned?.to).toEqual([BUSINESS]);
      expect(returned?.subject).toBe(
        '[Thông hành] Hồ sơ của Công ty TNHH Thực phẩm Hưng Thịnh được trả lại để bổ sung',
      );
      expect(returned?.text).toContain('Lý do: Kế hoạch thiếu chữ ký và con dấu của thủ trưởng đơn vị.');
      expect(returned?.text).toContain('UBND phường Đức Giang đã trả lại');

      clock.advance(HOUR);
      await rep.post(`/api/v1/dossiers/${d.id}/submit`, { commitment: TEST_COMMITMENT });
      const again = await wait(2);
      expect(again.find((m) => m.to.includes(DESK))?.subject).toBe(
        '[Thông hành] Hồ sơ nộp lại: Công ty TNHH Thực phẩm Hưng Thịnh, hạn 18/08/2021 11:00',
      );
      await health.post(`/api/v1/dossiers/${d.id}/confirm-health`);
      expect(await wait(0)).toEqual([]);
      const approved = (await desk.post(`/api/v1/dossiers/${d.id}/approve`)).json();
      const [approval] = await wait(1);
      expect(approval?.subject).toBe(
        `[Thông hành] Hồ sơ của Công ty TNHH Thực phẩm Hưng Thịnh đã được phê duyệt (số ${approved.referenceNumber})`,
      );
      expect(approval?.text).toContain('chỉ cấp giấy đi đường cho người có tên trong danh sách đã đăng ký');
    });

    it('tells the business why its dossier was rejected', async () => {
      const business = await makeBusiness(t.db, {
        name: 'Công ty Cổ phần Nhựa Đông Á',
        contactEmail: 'nhua@dongа.example'.replace('а', 'a'),
      });
      const d = await makeDossier(t.db, { business, state: 'submitted' });
      await desk.post(`/api/v1/dossiers/${d.id}/reject`, { note: 'Ngành nghề không thuộc diện được hoạt động.' });
      const [mail] = await wait(1);
      expect(mail?.to).toEqual(['nhua@donga.example']);
      expect(mail?.subject).toBe('[Thông hành] Hồ sơ của Công ty Cổ phần Nhựa Đông Á không được phê duyệt');
      expect(mail?.text).toContain('Lý do: Ngành nghề không thuộc diện được hoạt động.');
    });

    it('reminds the desk once of dossiers 24 hours from their deadline, and of overdue ones', async () => {
      await wait(0);
      const business = await makeBusiness(t.db, { name: 'Công ty TNHH Cơ khí Thăng Long' });
      const start = clock.now();
      const soon = await makeDossier(t.db, { business, state: 'submitted', at: start });
      const later = await makeDossier(t.db, {
        business: await makeBusiness(t.db),
        state: 'submitted',
        at: new Date(start.getTime() + 30 * HOUR),
      });
      const deps = { mailer: smtpMailer(smtp.url, silentLogger), publicUrl: 'https://thonghanh.example' };

      // Two days and one hour later: `soon` is due within 24 h, `later` is not.
      const run1 = await runDeadlineReminders(t.db, { ...deps, now: new Date(start.getTime() + 49 * HOUR) });
      expect(run1.emails).toBe(1);
      const [reminder] = await wait(1);
      expect(reminder?.to).toEqual([DESK]);
      expect(reminder?.subject).toMatch(/^\[Thông hành\] \d+ hồ sơ sắp đến hạn xử lý/);
      expect(reminder?.text).toContain(
        'Công ty TNHH Cơ khí Thăng Long: Đã nộp, chờ Trạm Y tế xác nhận; hạn 18/08/2021 11:00',
      );
      expect(reminder?.text).not.toContain(later.id);
      const marked = await t.db
        .selectFrom('dossiers')
        .select('reminded_at')
        .where('id', '=', soon.id)
        .executeTakeFirstOrThrow();
      expect(marked.reminded_at).not.toBeNull();

      const run2 = await runDeadlineReminders(t.db, { ...deps, now: new Date(start.getTime() + 50 * HOUR) });
      expect(run2.dossiers).toBe(0);
      // Past its deadline, `later` is reminded of once, marked overdue.
      const run3 = await runDeadlineReminders(t.db, { ...deps, now: new Date(start.getTime() + 103 * HOUR) });
      expect(run3.dossiers).toBe(1);
      const [overdue] = await wait(1);
      expect(overdue?.subject).toContain('(1 hồ sơ đã quá hạn)');
      expect(overdue?.text).toContain('(QUÁ HẠN)');
      const audit = await t.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', later.id)
        .where('action', '=', 'dossier.reminder_sent')
        .execute();
      expect(audit).toHaveLength(1);
    });
  });
});
