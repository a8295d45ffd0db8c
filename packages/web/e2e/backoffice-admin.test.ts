/**
 * The back office in Debian's Chromium against the real server (in-process, temporary
 * SQLite, demo seed): sign-in and its back-off message, the ward admin's users (a leader's
 * position too), checkpoints, settings and audit log, a new officer's first sign-in, the supervisor's read-only view.
 * Screenshots: docs/screenshots/backoffice-*.png.
 *
 *   npx vitest run packages/web/e2e/backoffice-admin.test.ts
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureWebBuild,
  launchBrowser,
  newContext,
  openAs,
  PHONE,
  type RunningBackoffice,
  shot,
  signIn,
  startBackoffice,
} from './backoffice-harness.js';

let server: RunningBackoffice;
let browser: Browser;

beforeAll(async () => {
  await ensureWebBuild();
  [server, browser] = await Promise.all([startBackoffice(), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const row = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

describe('signing in', { timeout: 90_000 }, () => {
  it('shows the server’s message for a wrong password and its back-off after repeated failures', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await shot(page, 'login');
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Tên đăng nhập').fill('khong.ton.tai');
      await page.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng' }).waitFor();
      await page.getByRole('button', { name: 'Đăng nhập' }).and(page.locator(':enabled')).waitFor();
    }
    // The back-off after the 5th failure is 1 s and doubles with each further failure: on a
    // loaded machine the next click may come after it has passed (another 401), so keep trying
    // until the wait is long enough to be seen. 8 more tries reach a wait of 2 min.
    const throttled = page.getByRole('alert').filter({ hasText: /thử lại sau \d+ giây/ });
    for (let i = 0; i < 8 && !(await throttled.isVisible()); i++) {
      await page.getByRole('button', { name: 'Đăng nhập' }).and(page.locator(':enabled')).waitFor();
      await page.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /thử lại sau \d+ giây|không đúng/ })
        .waitFor();
      await page.waitForLoadState('networkidle');
    }
    await throttled.waitFor({ timeout: 1000 });
    await shot(page, 'login-throttled');
    await context.close();
  });

  it('fits a 360 px phone', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await shot(page, 'login-phone');
    await context.close();
  });
});

describe('the ward admin', { timeout: 120_000 }, () => {
  let page: Page;
  let generated = '';

  beforeAll(async () => {
    ({ page } = await openAs(browser, server.origin, 'quantri.ducgiang'));
  });

  it('lands on the overview with the ward’s counts', async () => {
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    await shot(page, 'admin-home');
  });

  it('creates an officer and is shown the generated password once', async () => {
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tài khoản' }).click();
    await page.getByRole('heading', { name: 'Tài khoản cán bộ' }).waitFor();
    await row(page, 'motcua.ducgiang').waitFor();
    await shot(page, 'admin-users');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo tài khoản mới' });
    await dialog.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
    await dialog.getByLabel('Tên đăng nhập').fill('motcua.nguyenlan');
    await dialog.getByLabel('Vai trò').selectOption({ label: 'Cán bộ Một cửa' });
    await dialog.getByLabel('Chức vụ').fill('Chuyên viên Bộ phận Một cửa');
    await dialog.getByLabel('E-mail').fill('Lan.MotCua@DucGiang.example');
    await shot(page, 'admin-user-create');
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const secret = page.getByRole('dialog', { name: 'Mật khẩu ban đầu' });
    generated = (await secret.getByTestId('generated-password').textContent()) ?? '';
    expect(generated.length).toBeGreaterThanOrEqual(8);
    await shot(page, 'admin-user-password');
    await secret.getByRole('button', { name: 'Đóng' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã tạo tài khoản motcua.nguyenlan' }).waitFor();
    await expect(row(page, 'motcua.nguyenlan').getByText('Chưa đổi mật khẩu').isVisible()).resolves.toBe(true);
    // What was typed at creation is what the edit dialog opens with (the e-mail lower-cased by the server).
    await row(page, 'motcua.nguyenlan')
      .getByRole('button', { name: /^Sửa motcua\.nguyenlan$/ })
      .click();
    const edit = page.getByRole('dialog', { name: 'Sửa tài khoản motcua.nguyenlan' });
    await expect(edit.getByLabel('Họ và tên').inputValue()).resolves.toBe('Nguyễn Thị Lan');
    await expect(edit.getByLabel('Chức vụ').inputValue()).resolves.toBe('Chuyên viên Bộ phận Một cửa');
    await expect(edit.getByLabel('E-mail').inputValue()).resolves.toBe('lan.motcua@ducgiang.example');
    await edit.getByRole('button', { name: 'Hủy' }).click();
  });

  it('refuses a taken username with the server’s message beside the form', async () => {
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo tài khoản mới' });
    await dialog.getByLabel('Họ và tên').fill('Trùng tên');
    await dialog.getByLabel('Tên đăng nhập').fill('motcua.nguyenlan');
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Tên đăng nhập đã được sử dụng' }).waitFor();
    await dialog.getByRole('button', { name: 'Hủy' }).click();
  });

  it('the new officer must change the password at first sign-in', async () => {
    const context = await newContext(browser);
    const p = await context.newPage();
    await p.goto(`${server.origin}/`);
    await signIn(p, 'motcua.nguyenlan', generated);
    await p.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    await p.getByText('Hãy đặt mật khẩu mới').waitFor();
    await shot(p, 'change-password');
    await p.getByLabel('Mật khẩu hiện tại').fill(generated);
    await p.getByLabel('Mật khẩu mới', { exact: true }).fill('LanMotCua2021');
    await p.getByLabel('Nhập lại mật khẩu mới').fill('LanMotCua2021');
    await p.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await p.getByRole('status').filter({ hasText: 'Đã đổi mật khẩu' }).waitFor();
    await p.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    await context.close();
  });

  it('deactivates and reactivates an account', async () => {
    await row(page, 'motcua.nguyenlan').getByRole('button', { name: /Khóa/ }).click();
    await page
      .getByRole('dialog', { name: /Khóa tài khoản motcua.nguyenlan/ })
      .getByRole('button', { name: 'Khóa' })
      .click();
    await row(page, 'motcua.nguyenlan').getByText('Đã khóa').waitFor();
    await row(page, 'motcua.nguyenlan')
      .getByRole('button', { name: /Mở khóa/ })
      .click();
    await row(page, 'motcua.nguyenlan').getByText('Đang dùng').waitFor();
  });

  it('resets a password and shows the new one once', async () => {
    await row(page, 'motcua.nguyenlan')
      .getByRole('button', { name: /Đặt lại mật khẩu/ })
      .click();
    await page
      .getByRole('dialog', { name: /Đặt lại mật khẩu/ })
      .getByRole('button', { name: 'Đặt lại mật khẩu' })
      .click();
    const secret = page.getByRole('dialog', { name: 'Mật khẩu ban đầu' });
    expect(((await secret.getByTestId('generated-password').textContent()) ?? '').length).toBeGreaterThanOrEqual(8);
    await secret.getByRole('button', { name: 'Đóng' }).click();
  });

  it('changes the ward leader’s position (chức vụ), refused in Vietnamese when too long', async () => {
    await row(page, 'lanhdao.ducgiang')
      .getByRole('button', { name: /^Sửa lanhdao\.ducgiang$/ })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Sửa tài khoản lanhdao.ducgiang' });
    await dialog.getByLabel('Chức vụ').fill('x'.repeat(201));
    await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
    // The server's message, beside the field (and in the form's summary).
    await dialog.locator('.error-text').filter({ hasText: 'Chức vụ dài tối đa 200 ký tự' }).waitFor();
    await dialog.getByLabel('Chức vụ').fill('Chủ tịch UBND phường');
    await shot(page, 'admin-user-edit');
    await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu tài khoản lanhdao.ducgiang' }).waitFor();
    await row(page, 'lanhdao.ducgiang').getByText('Chủ tịch UBND phường', { exact: true }).waitFor();
    await page.reload();
    // Saved, and found by the search through the position too.
    await page.getByLabel('Tìm theo tên hoặc tên đăng nhập').fill('chu tich');
    await row(page, 'lanhdao.ducgiang').getByText('Chủ tịch UBND phường', { exact: true }).waitFor();
    expect(await page.getByRole('row').count()).toBe(2);
    await shot(page, 'admin-users-title');
    await page.getByLabel('Tìm theo tên hoặc tên đăng nhập').fill('');
  });

  it('adds a checkpoint in a neighbouring ward of the district', async () => {
    await page.getByRole('link', { name: 'Chốt kiểm soát' }).click();
    await row(page, 'Chốt cầu Đông Trù').waitFor();
    await page.getByRole('button', { name: 'Thêm chốt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm chốt kiểm soát' });
    await dialog.getByLabel('Tên chốt').fill('Chốt cầu Chui');
    await dialog.getByLabel('Phường nơi đặt chốt').selectOption({ label: 'Phường Gia Thụy' });
    await dialog.getByLabel('Địa điểm').fill('Nút giao cầu Chui, đường Nguyễn Văn Linh');
    await shot(page, 'admin-checkpoint-create');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await row(page, 'Chốt cầu Chui').getByText('Phường Gia Thụy').waitFor();
    await page.getByRole('status').filter({ hasText: 'Đã thêm chốt Chốt cầu Chui' }).waitFor();
    await shot(page, 'admin-checkpoints');
  });

  it('saves the ward settings', async () => {
    await page.getByRole('link', { name: 'Thiết lập phường' }).click();
    await page.getByLabel('Thời hạn xử lý hồ sơ (ngày)').fill('3');
    await page
      .getByLabel('Căn cứ pháp lý')
      .fill('Căn cứ Công văn số 2434/UBND-KT ngày 29/7/2021 của UBND thành phố Hà Nội');
    await page.getByLabel('Hộp thư của Bộ phận Một cửa').fill('motcua@ducgiang.example');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu thiết lập của phường' }).waitFor();
    await shot(page, 'admin-settings');
  });

  it('reads what was done in the audit log', async () => {
    await page.getByRole('link', { name: 'Nhật ký hệ thống' }).click();
    await page.getByRole('cell', { name: 'Thêm chốt' }).first().waitFor();
    await page.getByRole('cell', { name: 'Tạo tài khoản' }).first().waitFor();
    await page.getByRole('cell', { name: 'Sửa thiết lập phường' }).first().waitFor();
    // Every detail in Vietnamese: labelled values, states by their names, times day first.
    await page.getByText('Hộp thư Một cửa:').first().waitFor();
    expect(await page.getByText('deskEmail').count()).toBe(0);
    await shot(page, 'admin-audit');
    await page.getByLabel('Loại đối tượng').selectOption({ label: 'Doanh nghiệp' });
    await page.getByRole('cell', { name: 'Tạo doanh nghiệp' }).first().waitFor();
    await page
      .getByText(/Trạng thái: Đã phê duyệt/)
      .first()
      .waitFor();
    await shot(page, 'admin-audit-businesses');
  });

  it('works on a phone: the menu opens from its button', async () => {
    const { context, page: p } = await openAs(browser, server.origin, 'quantri.ducgiang', '/checkpoints', PHONE);
    await row(p, 'Chốt cầu Chui').first().waitFor();
    await shot(p, 'admin-checkpoints-phone');
    await p.getByRole('button', { name: 'Trình đơn' }).click();
    await p.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await shot(p, 'phone-menu');
    await p.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tài khoản' }).click();
    await p.getByRole('heading', { name: 'Tài khoản cán bộ' }).waitFor();
    await shot(p, 'admin-users-phone');
    await context.close();
  });
});

describe('the district supervisor', { timeout: 90_000 }, () => {
  it('reads the area’s accounts without buttons to change them', async () => {
    const { context, page } = await openAs(browser, server.origin, 'giamsat.longbien', '/users');
    await row(page, 'quantri.ducgiang').waitFor();
    expect(await page.getByRole('button', { name: 'Tạo tài khoản' }).count()).toBe(0);
    await context.close();
  });
});
