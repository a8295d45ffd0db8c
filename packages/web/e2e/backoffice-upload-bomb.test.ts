/**
 * Issue 9, item 2 in the browser: the one-stop desk drops an .xlsx bomb (0.5 MB holding one
 * 500 MiB cell) into the staff import panel of a draft dossier. The tab does not freeze: its
 * own reading stops at the cap and says so, the server refuses the file (413
 * `file_too_complex`) and its Vietnamese message is shown. Screenshot:
 * docs/screenshots/backoffice-staff-import-bomb.png.
 *
 *   npx vitest run packages/web/e2e/backoffice-upload-bomb.test.ts
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { hugeInlineString } from '../../server/src/staff/import/upload-bombs.test-support.js';
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
let bomb: string;

beforeAll(async () => {
  await ensureWebBuild();
  [server, browser] = await Promise.all([startBackoffice(), launchBrowser()]);
  bomb = join(mkdtempSync(join(tmpdir(), 'thonghanh-bomb-')), 'danh-sach-nguoi-lao-dong.xlsx');
  writeFileSync(bomb, hugeInlineString(500).bytes);
}, 240_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

describe('an .xlsx bomb in the staff import panel', { timeout: 120_000 }, () => {
  it('is refused by the browser and by the server, both saying why in Vietnamese', async () => {
    const db = new Database(join(server.dataDir, 'thonghanh.sqlite'), { readonly: true });
    const draft = db
      .prepare("select id from dossiers where state = 'draft' and channel = 'in_person' limit 1")
      .get() as { id: string };
    db.close();
    const opened = await openAs(browser, server.origin, 'motcua.ducgiang', `/dossiers/${draft.id}`);
    context = opened.context;
    const page = opened.page;
    await page.getByLabel('Tệp danh sách người lao động').setInputFiles(bomb);
    await page.getByTestId('sheet-refused').getByText('dữ liệu khi giải nén quá lớn').waitFor();
    await page.getByRole('alert').filter({ hasText: 'Tệp quá phức tạp nên không được đọc' }).first().waitFor();
    await page.getByRole('alert').filter({ hasText: 'khi giải nén vượt 64 MB' }).first().waitFor();
    // Both refusals in view: the browser's and the server's, just below the drop zone.
    await page.getByTestId('sheet-refused').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, 'staff-import-bomb');
  });
});
