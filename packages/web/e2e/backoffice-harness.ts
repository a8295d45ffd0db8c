/**
 * What the back-office E2E tests share: the web build (made only when missing or older than
 * its sources), the real server started in-process on a free port with a temporary SQLite
 * data folder and the demo seed, Debian's Chromium, sign-in and screenshots.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';

export const WEB_DIR = resolve(import.meta.dirname, '..');
export const REPO_DIR = resolve(WEB_DIR, '../..');
export const DIST_DIR = join(WEB_DIR, 'dist');
export const SHOTS_DIR = join(REPO_DIR, 'docs/screenshots');
export { CHROMIUM };
export const DEMO_PASSWORD = 'ducgiang2021';

export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 360, height: 740 };

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

/** True when dist/index.html is missing or older than anything the build reads. */
export function webBuildIsStale(): boolean {
  const built = join(DIST_DIR, 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['src', 'public', 'index.html', 'p1.html', 'checkpoint.html', 'vite.config.ts']
    .map((p) => join(WEB_DIR, p))
    .filter((p) => existsSync(p));
  const core = join(REPO_DIR, 'packages/core/src');
  return Math.max(...sources.map(newestMtime), existsSync(core) ? newestMtime(core) : 0) > statSync(built).mtimeMs;
}

/**
 * Builds packages/web/dist with Vite when it is missing or stale (the server serves it). A
 * lock folder keeps two test files from building at once.
 */
export async function ensureWebBuild(): Promise<void> {
  const lock = join(tmpdir(), 'thonghanh-web-build.lock');
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another file is building; a lock older than 3 minutes was left by a crash.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 180_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > 240_000) throw new Error(`web build lock ${lock} held too long`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (webBuildIsStale()) buildWeb();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function buildWeb(): void {
  const r = spawnSync(
    process.execPath,
    [
      join(REPO_DIR, 'node_modules/vite/bin/vite.js'),
      'build',
      '-c',
      join(WEB_DIR, 'vite.config.ts'),
      '--logLevel',
      'warn',
    ],
    { cwd: REPO_DIR, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}

export interface RunningBackoffice {
  origin: string;
  dataDir: string;
  /** Moves the server's clock (ms ahead of real time) to see deadlines pass. */
  setClockOffset(ms: number): void;
  close(): Promise<void>;
}

/**
 * The real server (`startServer`, as `thonghanh serve` runs it) on 127.0.0.1 and a free port,
 * on a fresh SQLite database with the demo seeded.
 */
export async function startBackoffice(): Promise<RunningBackoffice> {
  const dataDir = mkdtempSync(join(tmpdir(), 'thonghanh-backoffice-e2e-'));
  const { loadConfig } = await import('../../server/src/config.js');
  const { startServer } = await import('../../server/src/server.js');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', THONGHANH_DATA_DIR: dataDir, NODE_ENV: 'test' }, REPO_DIR);
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset) };
  const server = await startServer({ ...config, webDistDir: DIST_DIR }, { demo: true, clock });
  const origin = server.listenUrl.replace('localhost', '127.0.0.1');
  return {
    origin,
    dataDir,
    setClockOffset: (ms) => {
      offset = ms;
    },
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}

/** A fresh browser profile (its own cookies): one per person in a scenario. */
export async function newContext(browser: Browser, viewport = DESKTOP): Promise<BrowserContext> {
  return browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
}

/** Signs in through the login form of whatever page is open. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // The signed-in frame (its top bar) replaces the login card.
  await page.getByRole('banner').waitFor();
}

/** Opens `path` and signs in as `username` in a new context. */
export async function openAs(
  browser: Browser,
  origin: string,
  username: string,
  path = '/',
  viewport = DESKTOP,
  password = DEMO_PASSWORD,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, viewport);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${username}] pageerror`, e));
  await page.goto(origin + path);
  await signIn(page, username, password);
  return { context, page };
}

/** docs/screenshots/backoffice-<name>.png (the viewport, or the whole page). */
export async function shot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, `backoffice-${name}.png`);
  // Let fonts and the last render settle; hide the caret so shots are stable.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path, fullPage, caret: 'hide', animations: 'disabled' });
  return path;
}
