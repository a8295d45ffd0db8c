/**
 * Issue 9, items 5 and 6 in the browser: the business types a date that does not exist
 * (31/13/2026) in "Đến ngày" and issuing is blocked, nothing sent; with the date cleared,
 * a person who already holds an active permit makes the server answer 409 and the screen
 * asks what to do; replacing shows the batch's result, its print panel and its permits page
 * by page. Screenshots: docs/screenshots/backoffice-issue-*.png.
 *
 *   npx vitest run packages/web/e2e/backoffice-issuance.test.ts
 */
import type { Browser, BrowserContext } from 'playwright-core';
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
let context: BrowserContext | undefined;

beforeAll(async () => {
  await ensureWebBuild();
  [server, browser] = await Promise.all([startBackoffice(), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

describe('issuing permits in the back office', { timeout: 120_000 }, () => {
  it('blocks a date that does not exist, asks before a second active permit, then shows the result', async () => {
    const opened = await openAs(browser, server.origin, 'doanhnghiep.demo', '/permits/issue');
    context = opened.context;
    const page = opened.page;
    await page.locator('tbody input[type=checkbox]').first().check();
    const to = page.getByLabel('Đến ngày', { exact: false });
    await to.fill('31/13/2026');
    // Leave the field first: its inline error moves the button down.
    await to.press('Tab');
    await page.getByText('Ngày không hợp lệ').first().waitFor();
    await page.getByRole('button', { name: /Cấp giấy đi đường cho 1 người/ }).click();
    await page.getByText('Chưa cấp giấy: hãy sửa ngày không hợp lệ').waitFor();
    await to.scrollIntoViewIfNeeded();
    await shot(page, 'issue-bad-date');

    await to.fill('');
    await page.getByRole('button', { name: /Cấp giấy đi đường cho 1 người/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Có người đang có giấy còn hiệu lực').waitFor();
    await dialog
      .getByText(/đang có giấy số/)
      .first()
      .waitFor();
    await shot(page, 'issue-confirm');

    await dialog.getByRole('button', { name: 'Thu hồi giấy cũ và cấp giấy mới' }).click();
    await page
      .getByText(/Đã cấp 1 giấy đi đường, số/)
      .first()
      .waitFor();
    await page.getByText(/thay giấy cũ 1/).waitFor();
    await page.getByRole('button', { name: 'In 1 giấy vừa cấp' }).waitFor();
    expect(await page.locator('section[aria-labelledby="issued-title"] tbody tr').count()).toBe(1);
    await page.locator('#issued-title').scrollIntoViewIfNeeded();
    await shot(page, 'issue-result');
  });
});
