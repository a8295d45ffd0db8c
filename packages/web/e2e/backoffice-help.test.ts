/**
 * The in-app help of the back office in Debian's Chromium against the real server (demo seed):
 * the desk and a business open their help from the shell and from a screen's "?", read the
 * verdicts page, download the ward's printable guides; a visitor reads the help without an
 * account. Screenshots: docs/screenshots/help-*.png.
 *
 *   npx vitest run packages/web/e2e/backoffice-help.test.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VERDICT_TEXT, VERDICTS } from '@thonghanh/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureWebBuild,
  launchBrowser,
  newContext,
  openAs,
  PHONE,
  type RunningBackoffice,
  SHOTS_DIR,
  startBackoffice,
} from './backoffice-harness.js';

let server: RunningBackoffice;
let browser: Browser;
const downloads = mkdtempSync(join(tmpdir(), 'thonghanh-help-e2e-'));

beforeAll(async () => {
  await ensureWebBuild();
  [server, browser] = await Promise.all([startBackoffice(), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(downloads, { recursive: true, force: true });
});

/** docs/screenshots/help-<name>.png */
async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS_DIR, `help-${name}.png`), fullPage, caret: 'hide', animations: 'disabled' });
}

/** Clicks a download link and returns the text of the PDF it gave. */
async function downloadPdfText(page: Page, name: string | RegExp): Promise<{ file: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name }).first().click(),
  ]);
  const path = join(downloads, download.suggestedFilename());
  await download.saveAs(path);
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  return { file: download.suggestedFilename(), text: execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }) };
}

describe('the desk’s help', { timeout: 150_000 }, () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openAs(browser, server.origin, 'motcua.ducgiang', '/inbox'));
  });

  it('opens the page about the 3-day deadline from the inbox’s "?"', async () => {
    await page.getByRole('heading', { name: 'Hồ sơ cần xử lý' }).waitFor();
    await page.getByRole('link', { name: 'Trợ giúp: Hạn 3 ngày: hồ sơ cần xử lý' }).click();
    await page.getByRole('heading', { name: 'Hạn 3 ngày: hồ sơ cần xử lý', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/help/han-xu-ly-ho-so');
    await page.getByText('Quá hạn xử lý', { exact: false }).first().waitFor();
    await shot(page, 'desk-topic');
  });

  it('lists the desk’s pages first in the help reached from the shell, and its printable guides', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'Trợ giúp' }).click();
    await page.getByRole('heading', { name: 'Hướng dẫn sử dụng', level: 1 }).waitFor();
    const mine = page.getByRole('region', { name: 'Dành cho Cán bộ Một cửa' });
    await mine.getByRole('link', { name: 'Tiếp nhận hồ sơ gửi qua thư điện tử, bưu điện hoặc trực tiếp' }).waitFor();
    await mine.getByRole('link', { name: 'Duyệt hay trả lại hồ sơ' }).waitFor();
    await shot(page, 'desk');
    const guide = await downloadPdfText(page, 'Hướng dẫn cho doanh nghiệp (PDF)');
    expect(guide.file).toBe('huong-dan-doanh-nghiep-00124.pdf');
    expect(guide.text).toContain('UBND phường Đức Giang');
    expect(guide.text).toContain('HƯỚNG DẪN CHO DOANH NGHIỆP');
  });

  it('takes the intake screen’s "?" to its page', async () => {
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Tiếp nhận hồ sơ' })
      .click();
    await page.getByRole('link', { name: /^Trợ giúp: Tiếp nhận hồ sơ/ }).click();
    await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ gửi qua thư điện tử, bưu điện hoặc trực tiếp' }).waitFor();
    await page.getByText('Tạo hồ sơ và tải bản quét lên', { exact: false }).first().waitFor();
  });
});

describe('the ward admin’s printable guides', { timeout: 150_000 }, () => {
  it('downloads the checkpoint officers’ guide from the ward settings screen', async () => {
    const { page, context } = await openAs(browser, server.origin, 'quantri.ducgiang', '/settings');
    const panel = page.getByRole('region', { name: 'Tài liệu hướng dẫn để gửi và in' });
    await panel.scrollIntoViewIfNeeded();
    await shot(page, 'admin-downloads');
    const guide = await downloadPdfText(page, 'Hướng dẫn cho cán bộ tại chốt (PDF)');
    expect(guide.file).toBe('huong-dan-can-bo-tai-chot-00124.pdf');
    const text = guide.text.replace(/\s+/g, ' ');
    expect(text).toContain('HƯỚNG DẪN CHO CÁN BỘ TẠI CHỐT KIỂM SOÁT');
    for (const v of VERDICTS) expect(text, v).toContain(v === 'valid' ? 'HỢP LỆ' : VERDICT_TEXT[v].headline);
    await context.close();
  });
});

describe('a business’s help', { timeout: 150_000 }, () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openAs(browser, server.origin, 'doanhnghiep.demo'));
  });

  it('explains the unit QR from its panel on the business’s page', async () => {
    await page.getByRole('heading', { name: 'Mã QR của đơn vị' }).waitFor();
    await page.getByRole('link', { name: 'Trợ giúp: Mã QR của đơn vị và giấy xác nhận' }).click();
    await page.getByRole('heading', { name: 'Mã QR của đơn vị và giấy xác nhận', level: 1 }).waitFor();
    await page.getByText('Không dán mã QR của đơn vị lên giấy đi đường', { exact: false }).waitFor();
  });

  it('explains issuing and printing from the issue screen, with the printable guide for businesses', async () => {
    await page.goto(`${server.origin}/permits/issue`);
    await page.getByRole('heading', { name: 'Cấp giấy đi đường', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Trợ giúp: Cấp và in giấy đi đường' }).click();
    await page.getByRole('heading', { name: 'Cấp và in giấy đi đường', level: 1 }).waitFor();
    await page.getByText('A4, mỗi trang hai giấy', { exact: false }).first().waitFor();
    await shot(page, 'business', true);
    const guide = await downloadPdfText(page, 'Hướng dẫn cho doanh nghiệp (PDF)');
    expect(guide.text).toContain('Mẫu giấy đi đường khổ A5');
  });

  it('shows every verdict of the checkpoint as on screen, and goes straight to one', async () => {
    await page.goto(`${server.origin}/help/y-nghia-ket-luan#ket-luan-revoked`);
    const revoked = page.locator('#ket-luan-revoked');
    await revoked.waitFor();
    for (const v of VERDICTS) {
      const entry = page.locator(`[data-code="${v}"]`).first();
      await entry.waitFor();
      expect(await entry.textContent()).toContain(v === 'valid' ? 'HỢP LỆ' : VERDICT_TEXT[v].headline);
    }
    await page.locator('[data-code="cannot_verify"] .sign-neutral').getByText('KHÔNG THỂ XÁC MINH').waitFor();
    // The context link's part is on screen.
    const box = await revoked.boundingBox();
    expect(box && box.y >= 0 && box.y < 768).toBe(true);
    const colour = await revoked.locator('.sign-headline').evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(colour).toBe('rgb(176, 0, 32)');
    await shot(page, 'verdicts');
  });
});

describe('the help without an account', { timeout: 90_000 }, () => {
  it('is open to a business before it registers, on a phone', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.getByRole('link', { name: 'Hướng dẫn sử dụng' }).click();
    await page.getByRole('heading', { name: 'Hướng dẫn sử dụng', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Đăng ký doanh nghiệp' }).first().waitFor();
    await page.getByText('Đăng nhập để tải tài liệu hướng dẫn in', { exact: false }).waitFor();
    expect(await page.getByRole('link', { name: /\(PDF\)/ }).count()).toBe(0);
    await shot(page, 'public-phone');
    await page.getByRole('banner').getByRole('link', { name: 'Đăng ký doanh nghiệp' }).click();
    await page.getByRole('heading', { name: 'Đăng ký doanh nghiệp', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/register');
    await context.close();
  });
});
