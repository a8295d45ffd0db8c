/**
 * Post-inspection and the live picture in Debian's Chromium against the real server (demo
 * seed: a week of scans with a finding of every kind): the findings, a finding put into an
 * inspection case with a note, the scan log searched by document number, the statistics
 * with their charts for the ward and the district, checkpoint coordinates.
 * Screenshots: docs/screenshots/backoffice-inspection-*.png, backoffice-statistics-*.png.
 *
 *   npx vitest run packages/web/e2e/backoffice-inspection.test.ts
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureWebBuild,
  launchBrowser,
  openAs,
  type RunningBackoffice,
  shot,
  startBackoffice,
} from './backoffice-harness.js';

let server: RunningBackoffice;
let browser: Browser;

beforeAll(async () => {
  await ensureWebBuild();
  [server, browser] = await Promise.all([startBackoffice(), launchBrowser()]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name, exact: true }).click();

describe('post-inspection at the ward', { timeout: 120_000 }, () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openAs(browser, server.origin, 'motcua.ducgiang'));
  });

  it('lists the week’s findings of every kind with their explanations', async () => {
    await nav(page, 'Hậu kiểm');
    await page.getByRole('heading', { name: 'Hậu kiểm', exact: true }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Nghi giấy bị sao chụp' }).first().waitFor();
    await expect(page.getByRole('row').filter({ hasText: 'Giấy giả mạo' }).count()).resolves.toBeGreaterThan(0);
    await shot(page, 'inspection-findings', true);
  });

  it('puts a finding into the unit’s inspection case and records a note', async () => {
    const row = page.getByRole('row').filter({ hasText: 'Nghi giấy bị sao chụp' }).first();
    await row.getByRole('button', { name: 'Đưa vào hồ sơ' }).click();
    await page.getByRole('heading', { name: /^Hậu kiểm / }).waitFor();
    await page.getByText('Nghi giấy bị sao chụp').first().waitFor();
    await page.getByLabel('Nhận xét, kết quả làm việc').fill('Đã mời đại diện đơn vị lên làm việc ngày mai.');
    await page.getByRole('button', { name: 'Ghi vào hồ sơ' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã ghi vào hồ sơ' }).waitFor();
    await shot(page, 'inspection-case', true);
    await nav(page, 'Hồ sơ hậu kiểm');
    await page.getByRole('row').filter({ hasText: 'Đang mở' }).first().waitFor();
    await shot(page, 'inspection-cases');
  });

  it('searches the scan log by document number', async () => {
    await nav(page, 'Nhật ký quét');
    await page.getByRole('heading', { name: 'Nhật ký quét' }).waitFor();
    await page.getByLabel('Số giấy, mã giấy').fill('0999/GĐĐ');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.getByText('1 lượt quét').waitFor();
    await expect(page.getByRole('row').filter({ hasText: 'GIẢ MẠO' }).count()).resolves.toBe(1);
    await shot(page, 'inspection-scan-search');
  });

  it('shows the ward’s charts with their tables', async () => {
    await nav(page, 'Biểu đồ số liệu');
    await page.getByRole('heading', { name: 'Lượt quét tại chốt theo kết quả' }).waitFor();
    await page.locator('.chart canvas').first().waitFor();
    await expect(page.locator('.chart canvas').count()).resolves.toBe(3);
    await page.getByText('Bảng số liệu: Lượt quét tại chốt theo kết quả').click();
    await shot(page, 'statistics-ward', true);
  });
});

describe('the district supervisor', { timeout: 120_000 }, () => {
  it('sees the district summed, dossiers per ward', async () => {
    const { page } = await openAs(browser, server.origin, 'giamsat.longbien', '/statistics');
    await page.getByRole('heading', { name: 'Hồ sơ được xử lý trong hạn 3 ngày' }).waitFor();
    await page.locator('.chart canvas').nth(2).waitFor();
    await shot(page, 'statistics-district', true);
    await nav(page, 'Hậu kiểm');
    await page.getByRole('row').filter({ hasText: 'Nghi giấy bị sao chụp' }).first().waitFor();
    await expect(page.getByRole('button', { name: 'Đưa vào hồ sơ' }).count()).resolves.toBe(0);
  });
});

describe('the ward admin', { timeout: 120_000 }, () => {
  it('places a checkpoint on the map', async () => {
    const { page } = await openAs(browser, server.origin, 'quantri.ducgiang', '/checkpoints');
    const row = page.getByRole('row').filter({ hasText: 'Chốt phố Trường Lâm' });
    await row.getByRole('button', { name: 'Sửa' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('Vĩ độ').inputValue()).resolves.toBe('21.0641');
    await dialog.getByLabel('Kinh độ').fill('105.9031');
    await shot(page, 'inspection-checkpoint-coordinates');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu chốt' }).waitFor();
  });
});
