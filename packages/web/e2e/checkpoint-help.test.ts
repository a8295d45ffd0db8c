/**
 * The checkpoint officer's help inside the app (Debian's Chromium, fake camera, fake server):
 * opened from a verdict at that verdict's explanation and closed with the phone's Back button,
 * opened from the top bar, and opened again with the network cut — the app and its help come
 * from the service worker's cache. Screenshots: docs/screenshots/help-checkpoint-*.png.
 *
 *   npx vitest run -c packages/web/e2e/vitest.checkpoint.config.ts checkpoint-help
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VERDICTS, WARNINGS } from '@thonghanh/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWeb,
  type FakeServer,
  type Fixtures,
  launch,
  makeFixtures,
  REPO_DIR,
  signInThroughUi,
  startFakeServer,
  VIEWPORT,
  videoOf,
} from './harness.js';

const SHOTS = join(REPO_DIR, 'docs/screenshots');

let work: string;
let server: FakeServer;
let fx: Fixtures;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'thonghanh-checkpoint-help-e2e-'));
  mkdirSync(SHOTS, { recursive: true });
  const dist = join(work, 'dist');
  buildWeb(dist);
  server = await startFakeServer(dist);
  fx = await makeFixtures(server.origin);
  server.trust = fx.trust;
  server.revoked = fx.revoked;
});

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function shot(page: Page, name: string) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SHOTS, `help-checkpoint-${name}.png`) });
}

/** The part of the help in view: its top between the sticky bar and the screen's bottom. */
async function inView(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  return !!box && box.y >= 40 && box.y < VIEWPORT.height - 100;
}

describe('the checkpoint help', () => {
  it('opens at the verdict on screen, closes with Back, opens from the top bar, and works offline', async () => {
    const file = await videoOf(join(work, 'revoked.y4m'), [fx.texts.revoked], { blankFrames: 6, codeFrames: 90 });
    const context = await launch({ userDataDir: join(work, 'profile'), video: file, origin: server.origin });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (e) => console.error('pageerror', e));
      await page.goto(`${server.origin}/checkpoint`);
      await signInThroughUi(page);
      await page
        .locator('.verdict-panel .verdict-headline')
        .filter({ hasText: 'ĐÃ BỊ THU HỒI' })
        .waitFor({ timeout: 30_000 });

      // From the verdict: straight to its explanation.
      await page.getByRole('link', { name: 'Ý nghĩa kết luận' }).click();
      const help = page.getByRole('dialog', { name: 'Hướng dẫn cán bộ tại chốt' });
      await help.waitFor();
      await page.locator('#ket-luan-revoked').getByText('Không cho qua.').first().waitFor();
      expect(new URL(page.url()).hash).toBe('#huong-dan/ket-luan-revoked');
      await page.waitForTimeout(300);
      expect(await inView(page, '#ket-luan-revoked')).toBe(true);
      await shot(page, 'verdict');

      // The phone's Back button closes it; the verdict is still there.
      await page.goBack();
      await help.waitFor({ state: 'detached' });
      await page.locator('.verdict-panel .verdict-headline').filter({ hasText: 'ĐÃ BỊ THU HỒI' }).waitFor();

      // From the top bar: the table of contents, every verdict and warning explained.
      await page.getByRole('link', { name: 'Hướng dẫn' }).first().click();
      await help.waitFor();
      await help.getByRole('navigation', { name: 'Mục lục hướng dẫn' }).waitFor();
      for (const code of [...VERDICTS, ...WARNINGS, 'lists_stale', 'cannot_verify'])
        expect(await page.locator(`#ket-luan-${code}`).count(), code).toBe(1);
      await shot(page, 'index');
      await help.getByRole('button', { name: 'Đóng' }).first().click();
      await help.waitFor({ state: 'detached' });
      expect(new URL(page.url()).hash).toBe('');

      // Offline: the app and its help come from the service worker's cache.
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 20_000 });
      await context.setOffline(true);
      // A new load (not a hash change): about:blank first.
      await page.goto('about:blank');
      await page.goto(`${server.origin}/checkpoint#huong-dan/ket-luan-cannot_verify`);
      await help.waitFor({ timeout: 30_000 });
      const cannot = page.locator('#ket-luan-cannot_verify');
      await cannot.getByText('KHÔNG THỂ XÁC MINH').first().waitFor();
      await cannot.getByText('Máy chưa tải được danh sách tin cậy nên không thể xác minh mã này.').waitFor();
      await page.waitForTimeout(300);
      expect(await inView(page, '#ket-luan-cannot_verify')).toBe(true);
      await shot(page, 'offline');
      // The printable guide needs the network; the help says so.
      await page.locator('#cai-dat-ung-dung').scrollIntoViewIfNeeded();
      await page.getByText('Đang mất mạng: tải khi có mạng.').waitFor();
      await context.setOffline(false);
    } finally {
      await context.close();
    }
  });
});
