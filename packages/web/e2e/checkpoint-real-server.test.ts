/**
 * The checkpoint app against the REAL server (not the fake of harness.ts): the server runs
 * in-process with the demo seeded and PUBLIC_URL = its own address; the business rep issues a
 * permit through the API; its printed A5 page (the real PDF route, rendered by pdftoppm)
 * becomes the fake camera's video. The officer signs in through the UI, scans it (HỢP LỆ),
 * the permit is revoked and scanned again (ĐÃ BỊ THU HỒI), then scanned offline and synced;
 * the ward's scan log holds each scan exactly once. Also /p1#… opened directly.
 *
 *   npx vitest run -c packages/web/e2e/vitest.checkpoint.config.ts checkpoint-real-server
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { type RunningServer, startServer } from '../../server/src/server.js';
import {
  buildWeb,
  FRAME_H,
  FRAME_W,
  frameLuma,
  type Gray,
  launch,
  REPO_DIR,
  VERDICT_HEADLINE,
  writeY4m,
} from './harness.js';

const SHOTS = join(REPO_DIR, 'docs/screenshots');
const PASSWORD = 'ducgiang2021'; // the demo's shared password
const CHECKPOINT = /Chốt cầu Đông Trù/;

interface Permit {
  id: string;
  serial: string;
  holder: string;
  qrText: string;
}

interface ApiSession {
  cookie: string;
  csrf: string;
  user: { id: string; businessId: string | null };
}

let work: string;
let server: RunningServer;
let origin: string;

/** A port that was free a moment ago: PUBLIC_URL must name it before the server starts. */
function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'thonghanh-checkpoint-real-'));
  mkdirSync(SHOTS, { recursive: true });
  const dist = join(work, 'dist');
  buildWeb(dist);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      THONGHANH_DATA_DIR: join(work, 'data'),
      PUBLIC_URL: origin,
      LOG_LEVEL: 'silent',
    },
    work,
  );
  // Our own build, not packages/web/dist (which others build into).
  server = await startServer({ ...config, webDistDir: dist }, { demo: true });
});

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function login(username: string): Promise<ApiSession> {
  const res = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string; user: ApiSession['user'] };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: body.csrfToken, user: body.user };
}

async function api<T>(s: ApiSession, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: {
      cookie: s.cookie,
      ...(method !== 'GET' ? { 'x-csrf-token': s.csrf, 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

// ---------------------------------------------------------------------------------------
// The printed page as the camera sees it

function readGray(file: string): Gray {
  const png = PNG.sync.read(readFileSync(file));
  const data = new Uint8Array(png.width * png.height);
  for (let i = 0; i < data.length; i++) {
    const o = i * 4;
    data[i] = Math.round(
      0.299 * (png.data[o] as number) + 0.587 * (png.data[o + 1] as number) + 0.114 * (png.data[o + 2] as number),
    );
  }
  return { width: png.width, height: png.height, data };
}

/** The QR's box on the rendered page: the dark pixels of its lower left quarter (layout A5). */
function qrBox(page: Gray): { x: number; y: number; size: number } {
  let minX = page.width;
  let maxX = 0;
  let minY = page.height;
  for (let y = Math.floor(page.height * 0.62); y < page.height; y++) {
    for (let x = 0; x < page.width >> 1; x++) {
      if ((page.data[y * page.width + x] as number) < 100) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
      }
    }
  }
  if (maxX <= minX) throw new Error('no QR code found on the printed page');
  return { x: minX, y: minY, size: maxX - minX + 1 };
}

/**
 * One camera frame of the printed page: a window of the page around `center`, `span` page
 * pixels high (4:3), scaled to 640×480 (nearest neighbour), the paper's white a light grey
 * with a little noise and the ink a dark grey, as the harness draws codes. `span` = the page's
 * height gives the whole page in view.
 */
function pageFrame(page: Gray, center: { x: number; y: number }, span: number, seed: number): Uint8Array {
  const out = new Uint8Array(FRAME_W * FRAME_H);
  const scale = span / FRAME_H; // page pixels per frame pixel
  let s = seed >>> 0 || 1;
  for (let fy = 0; fy < FRAME_H; fy++) {
    for (let fx = 0; fx < FRAME_W; fx++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      const noise = ((s >>> 0) % 9) - 4;
      const px = Math.floor(center.x + (fx - FRAME_W / 2) * scale);
      const py = Math.floor(center.y + (fy - FRAME_H / 2) * scale);
      const inside = px >= 0 && py >= 0 && px < page.width && py < page.height;
      const v = inside ? (page.data[py * page.width + px] as number) : 160; // the desk around the sheet
      out[fy * FRAME_W + fx] = Math.max(0, Math.min(255, Math.round(34 + (v * (232 - 34)) / 255) + noise));
    }
  }
  return out;
}

/**
 * The video: the whole A5 page (scaled to fit 480 px high, its code too small to read: the
 * officer is still raising the phone), then the phone held over the code, the page's QR
 * about 340 px tall with the print around it. Loops.
 */
function printedPermitVideo(pngFile: string, out: string): string {
  const page = readGray(pngFile);
  const box = qrBox(page);
  const center = { x: box.x + box.size / 2, y: box.y + box.size / 2 };
  const whole = pageFrame(page, { x: page.width / 2, y: page.height / 2 }, page.height, 3);
  const close = pageFrame(page, center, Math.round(box.size / 0.7), 4);
  return writeY4m(out, [
    { luma: frameLuma(null), frames: 4 },
    { luma: whole, frames: 8 },
    { luma: close, frames: 90 },
  ]);
}

// ---------------------------------------------------------------------------------------

async function headline(page: Page, text: string): Promise<string> {
  const h = page.locator(VERDICT_HEADLINE).filter({ hasText: text });
  await h.waitFor({ timeout: 20_000 });
  return (await h.textContent()) ?? '';
}

describe('checkpoint app on the real server', () => {
  it('scans a printed permit: valid, revoked, offline synced exactly once; /p1 keeps the fragment', async () => {
    const t0 = Date.now();
    const marks: Record<string, number> = {};
    const mark = (name: string) => {
      marks[name] = Date.now() - t0;
    };

    // The business rep issues a permit to one approved person.
    const rep = await login('doanhnghiep.demo');
    const staff = await api<{ items: Array<{ id: string; fullName: string }> }>(
      rep,
      'GET',
      `/api/v1/businesses/${rep.user.businessId}/staff?status=approved`,
    );
    const person = staff.items[0];
    if (!person) throw new Error('the demo business has no approved staff');
    const issued = await api<{ count: number; items: Permit[] }>(rep, 'POST', '/api/v1/permits', {
      staffIds: [person.id],
      // The demo person may hold a permit already: this one replaces it.
      onActive: 'replace',
    });
    expect(issued.count).toBe(1);
    const permit = issued.items[0] as Permit;
    expect(permit.holder).toBe(person.fullName);
    expect(permit.qrText.startsWith(`${origin}/p1#`)).toBe(true);

    // Its printed page, from the real route, rendered at 150 dpi.
    const pdf = await fetch(`${origin}/api/v1/permits/${permit.id}/pdf?layout=A5`, {
      headers: { cookie: rep.cookie },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    writeFileSync(join(work, 'permit.pdf'), Buffer.from(await pdf.arrayBuffer()));
    const r = spawnSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', 'permit.pdf', 'page'], {
      cwd: work,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
    const video = printedPermitVideo(join(work, 'page.png'), join(work, 'printed.y4m'));
    mark('video');

    const context: BrowserContext = await launch({ userDataDir: join(work, 'profile'), video, origin });
    const digits = permit.qrText.split('#')[1] as string;
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (e) => console.error('pageerror', e));
      await page.goto(`${origin}/checkpoint`);

      // Sign in through the UI, pick a checkpoint of Đức Giang.
      await page.getByLabel('Tên đăng nhập').fill('chot.ducgiang');
      await page.getByLabel('Mật khẩu').fill(PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('button', { name: CHECKPOINT }).click();

      // 1. Valid.
      expect(await headline(page, 'HỢP LỆ')).toContain('✓');
      await page.getByText(permit.holder).first().waitFor();
      await page.getByText(permit.serial).first().waitFor();
      mark('valid');
      await page.waitForTimeout(150);
      await page.screenshot({ path: join(SHOTS, 'checkpoint-real-printed-permit.png') });
      await page.getByText('Nhật ký quét đã gửi hết').waitFor({ timeout: 20_000 });
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 20_000 });

      // 2. Revoked through the API; the app fetches its lists again, the page is reopened.
      await api(rep, 'POST', `/api/v1/permits/${permit.id}/revoke`, { reason: 'Thôi việc (kiểm thử)' });
      await page.getByRole('button', { name: 'Cài đặt' }).click();
      await page.getByRole('button', { name: 'Cập nhật danh sách ngay' }).click();
      await page.getByRole('button', { name: 'Cập nhật danh sách ngay', disabled: false }).waitFor();
      await page.reload();
      expect(await headline(page, 'ĐÃ BỊ THU HỒI')).toContain('✕');
      await page.getByText(permit.holder).first().waitFor();
      mark('revoked');
      await page.getByText('Nhật ký quét đã gửi hết').waitFor({ timeout: 20_000 });

      // 3. Offline: scanned, queued; back online, synced.
      await context.setOffline(true);
      await page.reload(); // from the service worker's cache
      await page.getByText('Mất mạng').waitFor();
      expect(await headline(page, 'ĐÃ BỊ THU HỒI')).toContain('✕');
      await page.getByText('1 lượt quét chờ gửi').waitFor({ timeout: 20_000 });
      mark('offline');
      await context.setOffline(false);
      await page.getByText('Nhật ký quét đã gửi hết').waitFor({ timeout: 30_000 });
      mark('synced');

      // 4. /p1#… opened directly (online): the verdict, and the fragment never leaves the page.
      const p1 = await context.newPage();
      const seen: string[] = [];
      p1.on('request', (req) => seen.push(`${req.method()} ${req.url()}\n${req.postData() ?? ''}`));
      await p1.goto(permit.qrText);
      expect(await headline(p1, 'ĐÃ BỊ THU HỒI')).toContain('✕');
      await p1.getByText(permit.holder).first().waitFor();
      await p1.waitForLoadState('networkidle');
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.filter((s) => s.includes(digits.slice(0, 40)) || s.includes(digits.slice(-40)))).toEqual([]);
      await p1.close();
      mark('p1');
    } finally {
      await context.close();
    }

    // The ward's scan log: each of the three scans stored exactly once.
    const officer = await login('motcua.ducgiang');
    const log = await api<{
      total: number;
      items: Array<{ id: string; verdict: string; checkpointName: string; serial: string | null }>;
    }>(officer, 'GET', `/api/v1/scans?permit=${encodeURIComponent(permit.id)}`);
    expect(log.total).toBe(3);
    expect(new Set(log.items.map((s) => s.id)).size).toBe(3);
    expect(log.items.map((s) => s.verdict).sort()).toEqual(['revoked', 'revoked', 'valid']);
    expect(log.items.every((s) => CHECKPOINT.test(s.checkpointName) && s.serial === permit.serial)).toBe(true);
    mark('checked');
    console.log('checkpoint on the real server, ms since the test began:', JSON.stringify(marks));
  });
});
