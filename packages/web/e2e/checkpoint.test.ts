/**
 * The checkpoint officer's app in Debian's Chromium with a fake camera playing videos made
 * from QR codes of signed permits: a verdict for each kind of code, the identity check with
 * a CCCD card QR, the unit QR, the manual fallback, and offline scanning synced exactly once.
 * Screenshots of each state go to docs/screenshots/checkpoint-*.png.
 *
 *   npx vitest run -c packages/web/e2e/vitest.checkpoint.config.ts
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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
  type Segment,
  signInThroughUi,
  startFakeServer,
  VERDICT_HEADLINE,
  videoOf,
  writeY4m,
} from './harness.js';

const SHOTS = join(REPO_DIR, 'docs/screenshots');

let work: string;
let server: FakeServer;
let fx: Fixtures;
let profile: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'thonghanh-checkpoint-e2e-'));
  mkdirSync(SHOTS, { recursive: true });
  const dist = join(work, 'dist');
  buildWeb(dist);
  server = await startFakeServer(dist);
  fx = await makeFixtures(server.origin);
  server.trust = fx.trust;
  server.revoked = fx.revoked;
  profile = join(work, 'profile');
});

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function video(name: string, texts: string[], codeFrames = 90): Promise<string> {
  return videoOf(join(work, `${name}.y4m`), texts, { blankFrames: 6, codeFrames });
}

/** Opens /checkpoint in a browser whose camera plays `file`; the profile is the officer's phone. */
async function withApp(file: string, fn: (page: Page) => Promise<void>, path = '/checkpoint'): Promise<void> {
  const context = await launch({ userDataDir: profile, video: file, origin: server.origin });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error('pageerror', e));
    await page.goto(`${server.origin}${path}`);
    try {
      await fn(page);
    } catch (e) {
      // Keep what the page showed, for the one who reads the failure.
      await page.screenshot({ path: join(tmpdir(), `checkpoint-e2e-failure-${Date.now()}.png`) }).catch(() => {});
      throw e;
    }
  } finally {
    await context.close();
  }
}

async function headline(page: Page, text: string): Promise<string> {
  const h = page.locator(VERDICT_HEADLINE).filter({ hasText: text });
  await h.waitFor({ timeout: 20_000 });
  return (await h.textContent()) ?? '';
}

async function shot(page: Page, name: string) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SHOTS, `checkpoint-${name}.png`) });
}

describe('checkpoint app', () => {
  it('signs in once per device and picks a checkpoint', async () => {
    const blank = writeY4m(join(work, 'blank.y4m'), [{ luma: frameLuma(null), frames: 10 }]);
    await withApp(blank, async (page) => {
      await page.getByLabel('Tên đăng nhập').waitFor();
      await shot(page, 'login');
      await page.getByLabel('Tên đăng nhập').fill('canbo.chot1');
      await page.getByLabel('Mật khẩu').fill('sai');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByText('Sai tên đăng nhập hoặc mật khẩu').waitFor();
      await page.reload();
      await signInThroughUi(page).catch(async () => {
        throw new Error(await page.content());
      });
      await page.getByText('Nhật ký quét đã gửi hết').waitFor();
      await page.getByText('Đưa mã QR vào khung').waitFor();
      // The service worker installs its precache first: on a loaded 2-core machine that took over 20 s once.
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 60_000 });
      await shot(page, 'scanning');
    });
    // The next opening goes straight to the camera.
    await withApp(blank, async (page) => {
      await page.getByText('Đưa mã QR vào khung').waitFor();
      expect(await page.getByText('Chốt cầu Chui').count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Cài đặt' }).click();
      await page.getByRole('button', { name: 'Đổi chốt kiểm soát' }).click();
      await page.getByRole('button', { name: /Chốt Ngọc Lâm/ }).waitFor();
      await shot(page, 'pick');
      await page.getByRole('button', { name: /Chốt cầu Chui/ }).click();
      await page.getByText('Đưa mã QR vào khung').waitFor();
    });
  });

  const cases: Array<[string, keyof Fixtures['texts'], string, string]> = [
    ['valid', 'valid', 'HỢP LỆ', 'Giấy đi đường hợp lệ'],
    ['revoked', 'revoked', 'ĐÃ BỊ THU HỒI', 'đã bị đơn vị hoặc UBND phường thu hồi'],
    ['expired', 'expired', 'HẾT HẠN', 'Giấy đã hết hạn từ'],
    ['forged', 'forged', 'GIẢ MẠO', 'Chữ ký số không khớp'],
    ['foreign', 'foreign', 'KHÔNG RÕ NƠI CẤP', 'không do UBND phường nào trong danh sách tin cậy cấp'],
  ];
  for (const [name, key, title, explanation] of cases) {
    it(`shows ${title} for a ${name} permit`, async () => {
      const file = await video(name, [fx.texts[key]]);
      await withApp(file, async (page) => {
        const text = await headline(page, title);
        expect(text).toContain(title);
        if (name !== 'valid') expect(text).toContain('✕');
        else expect(text).toContain('✓');
        await page.getByText(explanation).first().waitFor();
        if (name === 'valid') {
          await page.getByText(HOLDER.holder).first().waitFor();
          expect(await page.getByText('Ngoài lộ trình').count()).toBe(0);
          // One hand: "Quét tiếp" is big and at the bottom of the 780 px screen, in view.
          const next = await page.getByRole('button', { name: 'Quét tiếp' }).boundingBox();
          expect(next).not.toBeNull();
          expect(next!.height).toBeGreaterThanOrEqual(56);
          expect(next!.y).toBeGreaterThan(780 / 2);
          expect(next!.y + next!.height).toBeLessThanOrEqual(780);
        }
        await shot(page, name);
      });
    });
  }

  it('checks identity with a CCCD card scanned before the permit: mismatch', async () => {
    const segments: Segment[] = [
      { luma: frameLuma(null), frames: 6 },
      { luma: frameLuma(await qrGray(fx.cards.mismatch), 300, 5), frames: 30 },
      { luma: frameLuma(null), frames: 10 },
      { luma: frameLuma(await qrGray(fx.texts.valid), 360, 6), frames: 120 },
    ];
    const file = writeY4m(join(work, 'card-then-permit.y4m'), segments);
    await withApp(file, async (page) => {
      await page.getByTestId('card-chip').waitFor({ timeout: 20_000 });
      await headline(page, 'HỢP LỆ');
      await page.getByText('Giấy tờ tùy thân không khớp với người được cấp giấy').waitFor();
      await page.getByText('Không khớp giấy tờ tùy thân').waitFor();
      await shot(page, 'identity-mismatch');
    });
  });

  it('checks identity with a CCCD card scanned after the permit: match', async () => {
    const segments: Segment[] = [
      { luma: frameLuma(null), frames: 6 },
      { luma: frameLuma(await qrGray(fx.texts.valid), 360, 7), frames: 30 },
      { luma: frameLuma(null), frames: 10 },
      { luma: frameLuma(await qrGray(fx.cards.match), 300, 8), frames: 120 },
    ];
    const file = writeY4m(join(work, 'permit-then-card.y4m'), segments);
    await withApp(file, async (page) => {
      await headline(page, 'HỢP LỆ');
      await page.getByText('Khớp giấy tờ tùy thân').waitFor({ timeout: 20_000 });
      expect(await page.getByText('Giấy tờ tùy thân không khớp').count()).toBe(0);
      await shot(page, 'identity-match');
    });
  });

  it('shows a unit QR with its status and checks a person against its approved list', async () => {
    const file = await video('unit', [fx.texts.unit]);
    await withApp(file, async (page) => {
      await headline(page, 'ĐƠN VỊ ĐÃ ĐƯỢC PHÊ DUYỆT');
      await page.getByText('Đã phê duyệt', { exact: true }).waitFor();
      await page.getByLabel(/Kiểm tra người lao động/).fill('001190012345');
      await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
      await page.getByText('CÓ TRONG DANH SÁCH').waitFor();
      await page.getByText(`${HOLDER.holder} — số giấy tờ ${HOLDER.idNumber}`).waitFor();
      await shot(page, 'unit');
      await page.getByLabel(/Kiểm tra người lao động/).fill('001099999999');
      await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
      await page.getByText('KHÔNG CÓ TRONG DANH SÁCH').waitFor();
    });
  });

  it('looks up a damaged code by its serial number (manual fallback)', async () => {
    const blank = writeY4m(join(work, 'blank2.y4m'), [{ luma: frameLuma(null), frames: 10 }]);
    await withApp(blank, async (page) => {
      await page.getByRole('button', { name: 'Nhập tay' }).click();
      await page.getByLabel(/Số giấy đi đường/).fill('0125');
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.getByText('CÓ TRONG DANH SÁCH').waitFor();
      await page.getByText(HOLDER.holder).waitFor();
      await shot(page, 'manual');
      await page.getByLabel(/Số giấy đi đường/).fill('9999/XYZ');
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.getByText('KHÔNG TÌM THẤY').waitFor();
    });
  });

  it('warns lists_stale when the lists on the device are older than the limit', async () => {
    const file = await video('stale', [fx.texts.valid]);
    const keep = { trust: server.trust, revoked: server.revoked };
    server.trust = null; // the server cannot give fresh lists (404): the device keeps its copies
    server.revoked = null;
    try {
      await withApp(file, async (page) => {
        await headline(page, 'HỢP LỆ');
        // Age the kept lists by 30 hours, then open the app again.
        await page.evaluate(async () => {
          const db = await new Promise<IDBDatabase>((res, rej) => {
            const r = indexedDB.open('thonghanh-checkpoint');
            r.onsuccess = () => res(r.result);
            r.onerror = () => rej(r.error);
          });
          const tx = db.transaction('kv', 'readwrite');
          const store = tx.objectStore('kv');
          const keys = await new Promise<IDBValidKey[]>((res) => {
            const r = store.getAllKeys();
            r.onsuccess = () => res(r.result);
          });
          for (const key of keys) {
            if (!String(key).startsWith('list:')) continue;
            const r = store.get(key);
            r.onsuccess = () => {
              const cached = JSON.parse(r.result as string) as { fetchedAt: number };
              cached.fetchedAt = Date.now() - 30 * 3600_000;
              store.put(JSON.stringify(cached), key);
            };
          }
          await new Promise((res) => {
            tx.oncomplete = res;
          });
          db.close();
        });
        await page.reload();
        await headline(page, 'HỢP LỆ');
        await page.getByText('Danh sách tin cậy/thu hồi đã cũ 30 giờ').waitFor();
        expect(await page.getByTestId('list-ages').textContent()).toContain('tin cậy: 30 giờ');
        await shot(page, 'lists-stale');
      });
    } finally {
      server.trust = keep.trust;
      server.revoked = keep.revoked;
    }
  });

  it('scans offline, queues the scans and syncs each exactly once when the network returns', async () => {
    const permits = await fx.permits(3);
    const file = await videoOf(join(work, 'offline.y4m'), permits, { blankFrames: 10, codeFrames: 20 });
    const before = server.scans.size;
    const t0 = Date.now();
    const batchesBefore = server.batches.length;
    const context = await launch({ userDataDir: profile, video: file, origin: server.origin });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${server.origin}/checkpoint`);
      await page.getByText('Nhật ký quét đã gửi hết').waitFor();
      await context.setOffline(true);
      // The app itself comes from the service worker's cache, the lists from IndexedDB.
      await page.reload();
      await page.getByText('Mất mạng').waitFor();
      await page.getByText(/3 lượt quét chờ gửi/).waitFor({ timeout: 20_000 });
      expect(server.scans.size).toBe(before);
      await shot(page, 'offline');
      // The first answer is lost on the way back: the batch is sent again, stored once.
      server.dropAnswers = 1;
      await context.setOffline(false);
      await page.getByText('Nhật ký quét đã gửi hết').waitFor({ timeout: 30_000 });
      // Exactly once: the server holds each scan the device logged in this test, none twice.
      // (The video loops: on a loaded machine a code may be scanned again meanwhile, so the
      // device's log is read, not a count seen on screen.)
      const deviceIds = () =>
        page.evaluate(async (since) => {
          const db = await new Promise<IDBDatabase>((res, rej) => {
            const r = indexedDB.open('thonghanh-checkpoint');
            r.onsuccess = () => res(r.result);
            r.onerror = () => rej(r.error);
          });
          const rows = await new Promise<Array<{ queuedAt: number; scan: { id: string } }>>((res) => {
            const r = db.transaction('scans', 'readonly').objectStore('scans').getAll();
            r.onsuccess = () => res(r.result);
          });
          db.close();
          return rows
            .filter((x) => x.queuedAt >= since)
            .map((x) => x.scan.id)
            .sort();
        }, t0);
      const storedIds = () =>
        [...server.scans.values()]
          .slice(before)
          .map((x) => x.scan.id)
          .sort();
      await expect
        .poll(async () => JSON.stringify(await deviceIds()) === JSON.stringify(storedIds()), {
          timeout: 20_000,
        })
        .toBe(true);
      const stored = [...server.scans.values()].slice(before);
      expect(stored.length).toBeGreaterThanOrEqual(3);
      expect(new Set(stored.map((x) => x.scan.id)).size).toBe(stored.length);
      const serials = stored.map((s) => s.scan.serial).sort();
      expect(serials).toEqual(expect.arrayContaining(['1000/GĐĐ', '1001/GĐĐ', '1002/GĐĐ']));
      expect(stored.every((s) => s.checkpointId === 'cp-1' && s.scan.verdict === 'valid')).toBe(true);
      const retried = server.batches.slice(batchesBefore);
      expect(retried.some((b) => b.dropped)).toBe(true);
      expect(retried.some((b) => b.duplicates > 0)).toBe(true);
      await page.getByRole('button', { name: 'Nhật ký' }).click();
      await page.getByText('đã gửi').first().waitFor();
      await shot(page, 'history');
    } finally {
      await context.close();
    }
    // No request ever carried a permit's digits.
    const digits = permits.map((t) => t.split('#')[1] as string);
    expect(server.requests.filter((r) => digits.some((d) => r.includes(d.slice(0, 40))))).toEqual([]);
  });
});
