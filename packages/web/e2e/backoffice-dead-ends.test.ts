/**
 * No dead ends, in Debian's Chromium against the real server (demo seed): the business edits
 * its details (the phone at once, the name as a request the desk approves), sees and downloads
 * its unit QR, drafts and deletes an amendment; a refused registration is sent again, refused
 * again and the ward admin takes the refusal back; the desk takes back a rejected dossier; the
 * desk rejects a dossier it keeps and copies it into a new draft; the ward admin writes a staff
 * account's e-mail; the business moves to another ward, which approves it from its inbox.
 * Screenshots: docs/screenshots/backoffice-deadends-*.png.
 *
 *   npx vitest run packages/web/e2e/backoffice-dead-ends.test.ts
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  DESKTOP,
  ensureWebBuild,
  launchBrowser,
  openAs,
  type RunningBackoffice,
  shot,
  startBackoffice,
} from './backoffice-harness.js';

const NEW_NAME = 'Công ty TNHH Thực phẩm Sạch Đức Giang Mới';

let server: RunningBackoffice;
let browser: Browser;
const open: BrowserContext[] = [];

beforeAll(async () => {
  await ensureWebBuild();
  [server, browser] = await Promise.all([startBackoffice(), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  for (const c of open) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

async function as(username: string, path = '/'): Promise<Page> {
  const { context, page } = await openAs(browser, server.origin, username, path, DESKTOP);
  open.push(context);
  return page;
}
/** A desk officer of another ward (the demo has only Đức Giang's), written in the server's database. */
async function deskOfAnotherWard(username: string, wardCode: string): Promise<void> {
  const { loadConfig } = await import('../../server/src/config.js');
  const { createDatabase } = await import('../../server/src/db/database.js');
  const { createUser } = await import('../../server/src/users/create-user.js');
  const { CLI_ACTOR } = await import('../../server/src/audit/append-audit.js');
  const config = loadConfig({ THONGHANH_DATA_DIR: server.dataDir, NODE_ENV: 'test' });
  const db = createDatabase(config.database);
  try {
    await db.transaction().execute((tx) =>
      createUser(
        tx,
        {
          username,
          fullName: 'Bộ phận Một cửa phường Việt Hưng',
          role: 'ward_officer',
          scope: { wardCode },
          password: DEMO_PASSWORD,
          mustChangePassword: false,
        },
        CLI_ACTOR,
        new Date(),
      ),
    );
  } finally {
    await db.destroy();
  }
}
const status = (page: Page, text: string | RegExp) =>
  page.getByRole('status').filter({ hasText: text }).first().waitFor();

describe('no dead ends', { timeout: 180_000 }, () => {
  let business: Page;
  let oldName = '';

  it('the business sees its unit QR and downloads it as a PNG', async () => {
    business = await as('doanhnghiep.demo', '/');
    oldName = (await business.getByRole('heading', { level: 1 }).textContent()) ?? '';
    const img = business.getByRole('img', { name: /Mã QR của đơn vị/ });
    await img.waitFor();
    await expect.poll(() => img.evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
    await img.scrollIntoViewIfNeeded();
    await shot(business, 'deadends-unit-qr');
    const [download] = await Promise.all([
      business.waitForEvent('download'),
      business.getByRole('link', { name: 'Tải ảnh mã QR (PNG)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ma-qr-don-vi-0100233488.png');
    const bytes = readFileSync((await download.path()) as string);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('edits its details: the phone at once, the new name waits for the desk', async () => {
    await business.goto(`${server.origin}/`);
    await business.getByRole('button', { name: 'Sửa thông tin' }).click();
    const d = business.getByRole('dialog', { name: 'Sửa thông tin doanh nghiệp' });
    await d.waitFor();
    await d.getByLabel('Tên doanh nghiệp').fill(NEW_NAME);
    await d.getByLabel('Số điện thoại di động').fill('0988 777 666');
    await shot(business, 'deadends-business-edit');
    await d.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await status(business, 'Đã gửi đề nghị thay đổi');
    await business.getByText('Đề nghị thay đổi thông tin đang chờ phường duyệt').first().waitFor();
    await business.getByText('0988777666').first().waitFor();
    await shot(business, 'deadends-business-pending-change');
  });

  it('the desk sees the request in its inbox and approves it', async () => {
    const desk = await as('motcua.ducgiang', '/inbox');
    await desk.getByText('đề nghị thay đổi thông tin doanh nghiệp chờ duyệt').waitFor();
    await desk.getByRole('link', { name: oldName.trim() }).first().click();
    await desk.getByRole('button', { name: 'Duyệt thay đổi' }).waitFor();
    await shot(desk, 'deadends-desk-change');
    await desk.getByRole('button', { name: 'Duyệt thay đổi' }).click();
    await status(desk, 'Đã duyệt thay đổi thông tin');
    await desk.getByRole('heading', { name: NEW_NAME }).waitFor();
    await business.reload();
    await business.getByRole('heading', { name: NEW_NAME }).waitFor();
  });

  it('the business drafts an amendment and deletes the draft', async () => {
    await business.goto(`${server.origin}/dossiers/new?kind=amendment`);
    await business.getByRole('button', { name: 'Tạo hồ sơ nháp' }).click();
    await status(business, 'Đã tạo hồ sơ nháp');
    await business.getByRole('button', { name: 'Xóa hồ sơ nháp' }).click();
    const d = business.getByRole('dialog', { name: 'Xóa hồ sơ nháp này?' });
    await d.waitFor();
    await shot(business, 'deadends-delete-draft');
    await d.getByRole('button', { name: 'Xóa hồ sơ nháp' }).click();
    await status(business, 'Đã xóa hồ sơ nháp');
  });

  it('a refused registration is sent again; the ward admin takes a refusal back', async () => {
    const desk = await as('motcua.ducgiang', '/businesses?status=pending');
    const refuse = async () => {
      await desk.getByRole('button', { name: 'Không tiếp nhận' }).first().click();
      const d = desk.getByRole('dialog');
      await d.getByRole('textbox').fill('Chưa ghi số nhà trong địa chỉ');
      await d.getByRole('button', { name: 'Không tiếp nhận' }).click();
      await d.waitFor({ state: 'hidden' });
    };
    await desk.getByRole('row').nth(1).getByRole('link').first().click();
    await desk.getByRole('button', { name: 'Tiếp nhận doanh nghiệp' }).waitFor();
    const pendingUrl = desk.url();
    await refuse();
    await desk.getByText('Không được tiếp nhận').first().waitFor();

    const rep = await as('doanhnghiep.cho', '/');
    await rep.getByRole('heading', { name: 'Đăng ký lại' }).waitFor();
    await rep.getByLabel('Địa chỉ').fill('Số 25 ngõ 120 phố Đức Giang');
    await shot(rep, 'deadends-reapply', true);
    await rep.getByRole('button', { name: 'Gửi lại đăng ký' }).click();
    await status(rep, 'Đã gửi lại đăng ký');
    await rep.getByText('Chờ UBND phường tiếp nhận').first().waitFor();

    await desk.goto(pendingUrl);
    await desk.getByText('Số 25 ngõ 120 phố Đức Giang').first().waitFor();
    await refuse();
    const admin = await as('quantri.ducgiang', new URL(pendingUrl).pathname);
    await admin.getByRole('button', { name: 'Hủy quyết định không tiếp nhận' }).click();
    const d = admin.getByRole('dialog');
    await d.getByRole('textbox').fill('Doanh nghiệp đã bổ sung số nhà: tiếp nhận');
    await shot(admin, 'deadends-reverse-refusal');
    await d.getByRole('button', { name: 'Hủy quyết định không tiếp nhận' }).click();
    await status(admin, 'Đã hủy quyết định không tiếp nhận');
    await admin.getByText('Đang hoạt động').first().waitFor();
  });

  it('the desk takes back a rejected dossier with a reason', async () => {
    const desk = await as('motcua.ducgiang', '/dossiers');
    await desk.getByRole('combobox', { name: 'Trạng thái', exact: true }).selectOption({ label: 'Từ chối' });
    await desk.getByRole('row').filter({ hasText: 'Từ chối' }).first().waitFor();
    await desk.getByRole('row').nth(1).getByRole('link').first().click();
    await desk.getByRole('button', { name: 'Hủy quyết định từ chối' }).click();
    const d = desk.getByRole('dialog');
    await d.getByRole('textbox').fill('Từ chối nhầm: phương án đã đủ');
    await shot(desk, 'deadends-reopen-dossier');
    await d.getByRole('button', { name: 'Hủy quyết định từ chối' }).click();
    await status(desk, 'Đã hủy quyết định từ chối');
    await desk.getByText('Đã nộp, chờ Trạm Y tế xác nhận').first().waitFor();
    await desk.getByText('Từ chối nhầm: phương án đã đủ').first().waitFor();
    await shot(desk, 'deadends-reopened', true);
  });

  it('the desk rejects a dossier it took in by e-mail and copies it into a new draft', async () => {
    const desk = await as('motcua.ducgiang', '/dossiers');
    await desk
      .getByRole('combobox', { name: 'Trạng thái', exact: true })
      .selectOption({ label: 'Đã nộp, chờ Trạm Y tế xác nhận' });
    // The desk keeps a dossier sent by e-mail (the business keeps the online ones).
    const byEmail = desk.getByRole('row').filter({ hasText: 'Thư điện tử' }).first();
    await byEmail.getByRole('link').first().click();
    await desk.getByRole('button', { name: 'Từ chối', exact: true }).click();
    const reject = desk.getByRole('dialog', { name: 'Từ chối hồ sơ' });
    await reject.getByRole('textbox').fill('Phương án chưa có chữ ký của thủ trưởng đơn vị');
    await reject.getByRole('button', { name: 'Từ chối', exact: true }).click();
    await status(desk, 'Đã từ chối hồ sơ');
    const rejectedUrl = desk.url();
    await desk.getByRole('button', { name: 'Sao chép thành hồ sơ mới' }).click();
    const copy = desk.getByRole('dialog', { name: 'Sao chép hồ sơ bị từ chối?' });
    await copy.waitFor();
    await shot(desk, 'deadends-copy-dossier');
    await copy.getByRole('button', { name: 'Sao chép thành hồ sơ mới' }).click();
    await status(desk, 'Đã tạo hồ sơ nháp mới từ hồ sơ bị từ chối');
    await expect.poll(() => desk.url()).not.toBe(rejectedUrl);
    // The new draft: editable, to be fixed and submitted again.
    await desk.getByText('Nháp', { exact: true }).first().waitFor();
    await desk.getByRole('button', { name: 'Nộp hồ sơ' }).waitFor();
    await shot(desk, 'deadends-copied-dossier', true);
  });

  it('the ward admin writes a staff account’s e-mail', async () => {
    const admin = await as('quantri.ducgiang', '/users');
    await admin.getByRole('button', { name: /^Sửa chot\.ducgiang$/ }).click();
    const d = admin.getByRole('dialog', { name: 'Sửa tài khoản chot.ducgiang' });
    await d.getByLabel('E-mail').fill('Chot.DucGiang@phuong.example.vn');
    await d.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await status(admin, 'Đã lưu tài khoản chot.ducgiang');
    await admin.getByText('chot.ducgiang@phuong.example.vn').waitFor();
    await shot(admin, 'deadends-users-email');
  });

  it('the business moves to another ward; the new ward approves it from its inbox', async () => {
    await deskOfAnotherWard('motcua.viethung', '00127');
    await business.goto(`${server.origin}/`);
    await business.getByRole('button', { name: 'Chuyển sang phường khác' }).click();
    const d = business.getByRole('dialog', { name: 'Chuyển trụ sở sang phường khác' });
    await d.waitFor();
    // The picker opens on the business's district (Long Biên): the ward next door is one choice away.
    await d.getByRole('combobox', { name: 'Phường/Xã' }).selectOption({ label: 'Phường Việt Hưng' });
    await d.getByLabel('Địa chỉ trụ sở mới').fill('Số 8 phố Việt Hưng');
    await d.getByText('Khi phường mới duyệt:').waitFor();
    // The consequences, read before sending: the warning and the button in view.
    await d.getByRole('button', { name: 'Gửi đề nghị chuyển phường' }).scrollIntoViewIfNeeded();
    await shot(business, 'deadends-move-ask');
    await d.getByRole('button', { name: 'Gửi đề nghị chuyển phường' }).click();
    await status(business, 'Đã gửi đề nghị chuyển phường');
    await business.getByText('Đề nghị chuyển sang phường khác đang chờ phường mới duyệt').waitFor();
    await shot(business, 'deadends-move-pending');

    // The ward it leaves only reads the request.
    const from = await as('motcua.ducgiang', '/businesses');
    await from.getByRole('link', { name: NEW_NAME }).first().click();
    await from.getByText('Phường mới quyết định; phường hiện tại chỉ xem đề nghị này.').waitFor();
    expect(await from.getByRole('button', { name: 'Duyệt thay đổi' }).count()).toBe(0);

    const to = await as('motcua.viethung', '/inbox');
    const card = to.getByRole('region', { name: NEW_NAME });
    await card.getByText('Chuyển đến từ Phường Đức Giang').waitFor();
    await shot(to, 'deadends-move-inbox');
    await card.getByRole('button', { name: 'Duyệt chuyển đến phường' }).click();
    await status(to, `Đã duyệt: ${NEW_NAME} chuyển đến phường.`);

    await business.reload();
    await business.getByText('Phường Việt Hưng').first().waitFor();
    await business.getByText('Số 8 phố Việt Hưng').first().waitFor();
    // The old ward's approval does not carry over: the next step is a dossier for the new ward.
    await business.getByText('Doanh nghiệp đã chuyển đến phường Việt Hưng').waitFor();
    await business.getByRole('link', { name: 'Lập hồ sơ đăng ký' }).waitFor();
    expect(await business.getByRole('img', { name: /Mã QR của đơn vị/ }).count()).toBe(0);
    await shot(business, 'deadends-moved', true);
  });
});
