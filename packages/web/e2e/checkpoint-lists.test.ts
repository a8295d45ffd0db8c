/**
 * Missing and late lists in Debian's Chromium, against the fake server of harness.ts:
 * - the checkpoint app on its first run with the lists answering 503: a valid permit gives
 *   the neutral "cannot verify" screen and is logged as `cannot_verify`, never as invalid;
 *   the lists recover and the same permit gives HỢP LỆ without reloading; a revocation
 *   published while the app runs is picked up by the poll (shortened to 1.5 s here);
 * - /p1 on a first visit with the lists failing: the same neutral state, then HỢP LỆ;
 * - /p1 opened once online, then with no network at all: another permit verified with the
 *   kept lists and their age shown (also when the page's own copy is gone: the worker's).
 * Screenshots: docs/screenshots/checkpoint-cannot-verify.png, p1-cannot-verify.png, p1-offline.png.
 *
 *   npx vitest run -c packages/web/e2e/vitest.checkpoint.config.ts checkpoint-lists
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWeb,
  type FakeServer,
  type Fixtures,
  frameLuma,
  HOLDER,
  launch,
  makeFixtures,
  qrGray,
  REPO_DIR,
  signInThroughUi,
  startFakeServer,
  VERDICT_HEADLINE,
  writeY4m,
} from './harness.js';

const SHOTS = join(REPO_DIR, 'docs/screenshots');

let work: string;
let server: FakeServer;
let fx: Fixtures;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'thonghanh-lists-e2e-'));
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

async function withContext(name: string, video: string, fn: (context: BrowserContext) => Promise<void>) {
  const context = await launch({ userDataDir: join(work, `profile-${name}`), video, origin: server.origin });
  try {
    await fn(context);
  } catch (e) {
    for (const [i, page] of context.pages().entries()) {
      await page.screenshot({ path: join(tmpdir(), `lists-e2e-failure-${name}-${i}.png`) }).catch(() => {});
    }
    throw e;
  } finally {
    await context.close();
  }
}

async function headline(page: Page, text: string, scope = '.verdict-headline'): Promise<string> {
  const h = page.locator(scope).filter({ hasText: text });
  await h.waitFor({ timeout: 30_000 });
  return (await h.textContent()) ?? '';
}

/** The checkpoint app as the officer sees it (one screen); /p1 whole, down to the lists' age. */
async function shot(page: Page, name: string, fullPage = false) {
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

const blankVideo = () => writeY4m(join(work, 'blank.y4m'), [{ luma: frameLuma(null), frames: 10 }]);

describe('lists missing or late', () => {
  it('checkpoint: the first download fails → "cannot verify", not logged invalid; recovery → HỢP LỆ; a revocation is picked up', async () => {
    // The permit shows for 1 s every 6 s: past the repeat filter's 3 s, so it is scanned again and again.
    const video = writeY4m(join(work, 'valid-every-6s.y4m'), [
      { luma: frameLuma(null), frames: 150 },
      { luma: frameLuma(await qrGray(fx.texts.valid), 360, 3), frames: 30 },
    ]);
    server.listsStatus = 503;
    await withContext('checkpoint', video, async (context) => {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (e) => console.error('pageerror', e));
      await page.goto(`${server.origin}/checkpoint?listsPollMs=1500`);
      await signInThroughUi(page);

      // 1. No list on the device: the neutral state, never the red verdict.
      await page.getByTestId('lists-missing').waitFor({ timeout: 20_000 });
      const neutral = await headline(page, 'KHÔNG THỂ XÁC MINH', VERDICT_HEADLINE);
      expect(neutral).toContain('CHƯA CÓ DANH SÁCH TIN CẬY');
      expect(neutral).not.toContain('KHÔNG HỢP LỆ');
      expect(await page.locator('.verdict-bad').count()).toBe(0);
      await page.getByText('Không kết luận giấy giả chỉ vì màn hình này').waitFor();
      await page.getByRole('button', { name: `Tra cứu thủ công số giấy ${HOLDER.serial}` }).waitFor();
      await shot(page, 'checkpoint-cannot-verify');
      // Logged and synced as cannot_verify: seen by supervisors, never counted as an invalid scan.
      await expect
        .poll(() => [...server.scans.values()].filter((s) => s.scan.verdict === 'cannot_verify').length, {
          timeout: 20_000,
        })
        .toBeGreaterThan(0);
      const logged = [...server.scans.values()];
      expect(logged.every((s) => s.scan.verdict === 'cannot_verify')).toBe(true);
      expect(logged[0]?.scan).toMatchObject({ serial: HOLDER.serial, warnings: ['lists_missing'] });

      // 2. The server recovers: the retry (seconds, not minutes) brings the lists, no reload.
      server.listsStatus = null;
      expect(await headline(page, 'HỢP LỆ', VERDICT_HEADLINE)).toContain('✓');
      await page.getByTestId('lists-missing').waitFor({ state: 'detached' });
      await page.getByText(HOLDER.holder).first().waitFor();

      // 3. A revocation published while the app runs: the poll fetches it, the next scan shows it.
      server.revoked = {
        ...fx.revoked,
        version: fx.revoked.version + 1,
        revoked: [...fx.revoked.revoked, fx.validCti],
      };
      expect(await headline(page, 'ĐÃ BỊ THU HỒI', VERDICT_HEADLINE)).toContain('✕');
      await expect
        .poll(() => [...server.scans.values()].some((s) => s.scan.verdict === 'revoked'), { timeout: 20_000 })
        .toBe(true);
      const verdicts = new Set([...server.scans.values()].map((s) => s.scan.verdict));
      expect([...verdicts].sort()).toEqual(['cannot_verify', 'revoked', 'valid']);
      // The lists were asked for with their ETag once the device had them (304s while unchanged).
      expect(server.requests.filter((r) => r.includes('/.well-known/thonghanh/')).length).toBeGreaterThan(4);
    });
    server.revoked = fx.revoked;
  });

  it('/p1: a first visit while the lists fail says "cannot verify", then HỢP LỆ once they come', async () => {
    server.listsStatus = 503;
    await withContext('p1-first', blankVideo(), async (context) => {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(fx.texts.valid);
      const neutral = await headline(page, 'KHÔNG THỂ XÁC MINH');
      expect(neutral).not.toContain('KHÔNG HỢP LỆ');
      expect(await page.locator('.verdict-bad').count()).toBe(0);
      expect(await page.title()).toContain('KHÔNG THỂ XÁC MINH');
      await page.getByText('Kết quả này không có nghĩa là giấy giả').waitFor();
      await shot(page, 'p1-cannot-verify', true);
      server.listsStatus = null;
      // The page retries on its own (2 s, 4 s …): no reload.
      expect(await headline(page, 'HỢP LỆ')).toContain('✓');
      expect(await page.title()).toContain('HỢP LỆ');
    });
    server.listsStatus = null;
  });

  it('/p1 works offline once opened: another permit verified with the kept lists and their age', async () => {
    const [other] = await fx.permits(1);
    await withContext('p1-offline', blankVideo(), async (context) => {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(fx.texts.valid);
      expect(await headline(page, 'HỢP LỆ')).toContain('✓');
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 20_000 });
      // Once it controls the page, the worker keeps the lists too (the page fetches them every minute).
      await page.reload();
      expect(await headline(page, 'HỢP LỆ')).toContain('✓');
      await page.waitForLoadState('networkidle');

      // No network at all: the browser is offline and the server unreachable.
      await context.setOffline(true);
      server.down = true;
      try {
        const offline = await context.newPage();
        await offline.goto(other as string);
        expect(await headline(offline, 'HỢP LỆ')).toContain('✓');
        await offline.getByText('1000/GĐĐ').waitFor();
        const freshness = (await offline.getByTestId('freshness').textContent()) ?? '';
        expect(freshness).toMatch(/cập nhật lúc \d\d:\d\d \d\d\/\d\d\/\d{4} \(vừa xong\), đang dùng bản lưu trên máy/);
        await shot(offline, 'p1-offline', true);

        // The page's own copy gone (site data cleared in part): the worker's copy still verifies.
        await offline.evaluate(() => localStorage.clear());
        const again = await context.newPage();
        await again.goto(fx.texts.revoked);
        expect(await headline(again, 'ĐÃ BỊ THU HỒI')).toContain('✕');
        expect((await again.getByTestId('freshness').textContent()) ?? '').toContain('đang dùng bản lưu trên máy');
      } finally {
        server.down = false;
        await context.setOffline(false);
      }
    });
  });
});
