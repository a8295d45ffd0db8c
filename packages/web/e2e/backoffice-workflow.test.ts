/**
 * The ward's workflow in Debian's Chromium against the real server (in-process, temporary
 * SQLite, demo seed), each person in their own browser profile:
 * a business registers → the one-stop desk accepts it → the business drafts a dossier,
 * uploads its plan (a wrong file is refused with a message), imports an Excel staff list
 * with a bad row, keeps the valid rows and fixes the bad one in the page, submits → the
 * Health Station confirms → the ward approves. Then an amendment is returned, fixed and
 * resubmitted; a person is taken off the list at once; permits are issued, printed with
 * progress and one is revoked by the ward; a late dossier shows "Quá hạn xử lý". Once submitted,
 * the plan's files cannot be deleted: the desk files the stamped plan as a new version.
 * Screenshots: docs/screenshots/backoffice-*.png.
 *
 *   npx vitest run packages/web/e2e/backoffice-workflow.test.ts
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_ID, PEOPLE, type Person, planPdf, staffXlsx, taxCode } from './backoffice-data.js';
import {
  DESKTOP,
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

const DAY = 86_400_000;
const TAX = taxCode('010623456');
const BUSINESS = 'Công ty TNHH Thực phẩm Sạch Đức Giang';
/** Self-registration: the representative signs in with the tax code. */
const REP = { username: TAX, password: 'ThucPham@2021', fullName: 'Phạm Văn Đông' };

let server: RunningBackoffice;
let browser: Browser;
let files: string;
const open: BrowserContext[] = [];

beforeAll(async () => {
  await ensureWebBuild();
  [server, browser] = await Promise.all([startBackoffice(), launchBrowser()]);
  files = mkdtempSync(join(tmpdir(), 'thonghanh-backoffice-files-'));
  writeFileSync(join(files, 'ke-hoach-phong-chong-dich.pdf'), planPdf('Ke hoach phong chong dich COVID-19'));
  writeFileSync(join(files, 'ghi-chu.pdf'), 'Đây không phải tệp PDF.');
  writeFileSync(join(files, 'danh-sach-nguoi-lao-dong.xlsx'), await staffXlsx(PEOPLE));
  const extra: Person = {
    ...(PEOPLE[0] as Person),
    fullName: 'Vũ Thị Hồng',
    idNumber: '001193077889',
    dateOfBirth: '15/05/1993',
    phone: '0911222333',
  };
  writeFileSync(join(files, 'bo-sung.xlsx'), await staffXlsx([extra]));
}, 240_000);

afterAll(async () => {
  for (const c of open) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

async function as(username: string, path = '/', viewport = DESKTOP, password?: string): Promise<Page> {
  const { context, page } = await openAs(browser, server.origin, username, path, viewport, password);
  open.push(context);
  return page;
}

const status = (page: Page, text: string | RegExp) =>
  page.getByRole('status').filter({ hasText: text }).first().waitFor();
const row = (page: Page, text: string | RegExp) => page.getByRole('row').filter({ hasText: text });
const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

/** Opens the dossier action's dialog, types the note, confirms. */
async function act(page: Page, button: string, note?: string) {
  await page.getByRole('region', { name: 'Xử lý hồ sơ' }).getByRole('button', { name: button }).click();
  const d = page.getByRole('dialog');
  await d.waitFor();
  if (/^Nộp/.test(button)) {
    // The representative's commitment (ký cam kết): ticked and signed with their name.
    await d.getByRole('checkbox', { name: /cam kết/ }).check();
    await d.getByLabel(/Họ và tên người đại diện/).fill(REP.fullName);
  }
  if (note) await d.getByRole('textbox', { name: /Lý do|Ghi chú/ }).fill(note);
  await d.getByRole('button', { name: button }).click();
  await d.waitFor({ state: 'hidden' });
}

let business: Page;
let dossierUrl = '';

describe('a business registers and the ward accepts it', { timeout: 120_000 }, () => {
  it('registers itself with its representative’s account and waits', async () => {
    const context = await newContext(browser);
    open.push(context);
    business = await context.newPage();
    business.on('pageerror', (e) => console.error('[business] pageerror', e));
    await business.goto(`${server.origin}/`);
    await business.getByRole('link', { name: 'Đăng ký doanh nghiệp' }).click();
    await business.getByRole('heading', { name: 'Đăng ký doanh nghiệp' }).waitFor();
    await business.getByLabel('Mã số thuế').fill(TAX);
    await business.getByLabel('Tên doanh nghiệp, cơ sở sản xuất kinh doanh').fill(BUSINESS);
    await business.getByLabel('Địa chỉ').fill('Số 18 phố Đức Giang, Long Biên, Hà Nội');
    await business.getByLabel('Tỉnh/Thành phố').selectOption({ label: 'Thành phố Hà Nội' });
    await business.getByLabel('Quận/Huyện').selectOption({ label: 'Quận Long Biên' });
    await business.getByLabel('Phường/Xã', { exact: true }).selectOption({ label: 'Phường Đức Giang' });
    await business.getByLabel('Ngành nghề kinh doanh').fill('Chế biến và phân phối thực phẩm');
    await business.getByLabel('Người liên hệ').fill(REP.fullName);
    await business.getByLabel('Số điện thoại di động').fill('0912 345 678');
    await business.getByLabel('Họ và tên').fill(REP.fullName);
    await business.getByText('Tên đăng nhập của người đại diện là mã số thuế').waitFor();
    await business.getByLabel('Mật khẩu', { exact: true }).fill(REP.password);
    await business.getByLabel('Nhập lại mật khẩu mới').fill(REP.password);
    await shot(business, 'register', true);
    await business.getByRole('button', { name: 'Gửi đăng ký' }).click();
    await business.getByRole('heading', { name: BUSINESS }).waitFor();
    await business.getByText('Chờ UBND phường tiếp nhận').first().waitFor();
    await shot(business, 'business-pending');
  });

  it('the one-stop desk sees the registration and accepts it', async () => {
    const desk = await as('motcua.ducgiang', '/inbox');
    await desk.getByText('doanh nghiệp tự đăng ký đang chờ tiếp nhận').waitFor();
    await desk.getByRole('link', { name: 'Xem và tiếp nhận' }).click();
    await row(desk, BUSINESS).waitFor();
    await shot(desk, 'desk-businesses');
    await desk.getByRole('link', { name: BUSINESS }).click();
    await desk.getByRole('button', { name: 'Tiếp nhận doanh nghiệp' }).waitFor();
    await shot(desk, 'desk-business-review');
    await desk.getByRole('button', { name: 'Tiếp nhận doanh nghiệp' }).click();
    await status(desk, `Đã tiếp nhận ${BUSINESS}`);
    await desk.getByText('Đang hoạt động').first().waitFor();
  });
});

describe('the business drafts, fills and submits its dossier', { timeout: 150_000 }, () => {
  it('opens a draft for the plan’s period', async () => {
    await business.reload();
    await business.getByRole('link', { name: 'Lập hồ sơ đăng ký' }).click();
    await business.getByRole('heading', { name: 'Lập hồ sơ đăng ký' }).waitFor();
    await business.getByLabel(/Ghi chú/).fill('Hai ca sản xuất, 4 người cần đi lại.');
    await shot(business, 'dossier-new');
    await business.getByRole('button', { name: 'Tạo hồ sơ nháp' }).click();
    await business.getByRole('heading', { name: /Hồ sơ đăng ký:/ }).waitFor();
    dossierUrl = new URL(business.url()).pathname;
    expect(dossierUrl).toMatch(/^\/dossiers\/.+/);
    await business.getByText('Nháp', { exact: true }).first().waitFor();
  });

  it('uploads the plan; a file that is not a PDF is refused with the server’s message', async () => {
    const input = business.getByLabel('Tải lên tệp kế hoạch');
    await input.setInputFiles(join(files, 'ghi-chu.pdf'));
    await business.getByRole('alert').filter({ hasText: 'ghi-chu.pdf' }).waitFor();
    await input.setInputFiles(join(files, 'ke-hoach-phong-chong-dich.pdf'));
    await status(business, 'Đã tải lên 1 tệp');
    await business.getByText('ke-hoach-phong-chong-dich.pdf', { exact: true }).first().waitFor();
  });

  it('imports the Excel staff list: the bad row is shown, the valid rows kept, the bad one fixed in the page', async () => {
    await business
      .getByLabel('Tệp danh sách người lao động')
      .setInputFiles(join(files, 'danh-sach-nguoi-lao-dong.xlsx'));
    await business.getByText('Tệp có 4 dòng: 3 dòng hợp lệ, 1 lỗi').waitFor();
    const problems = business.getByRole('table', { name: 'Các lỗi cần sửa, theo dòng trong tệp' });
    await problems.getByRole('cell', { name: 'Số giấy tờ' }).waitFor();
    await business.getByRole('heading', { name: /Kết quả kiểm tra tệp/ }).scrollIntoViewIfNeeded();
    await shot(business, 'staff-import-errors');
    await business.getByRole('button', { name: 'Chỉ giữ 3 dòng hợp lệ' }).click();
    await business.getByText('Đã lưu 3 người vào danh sách của hồ sơ.').waitFor();
    await business.getByRole('button', { name: 'Sửa dòng 5' }).click();
    const idField = business.locator('#fix-5-idNumber');
    await expect(idField.inputValue()).resolves.toBe('001195033445');
    await expect(business.locator('#fix-5-fullName').inputValue()).resolves.toBe('Lê Thị Thu');
    await idField.fill(FIXED_ID);
    await business.getByRole('heading', { name: 'Sửa dòng 5 rồi thêm vào danh sách' }).scrollIntoViewIfNeeded();
    await shot(business, 'staff-import-fix');
    await business.getByRole('button', { name: 'Thêm vào danh sách' }).click();
    await status(business, 'Đã sửa dòng 5');
    await business.getByRole('heading', { name: /Danh sách người lao động \(4 người\)/ }).waitFor();
    await row(business, 'Lê Thị Thu').filter({ hasText: FIXED_ID }).waitFor();
  });

  it('searches the list without diacritics', async () => {
    const search = business.getByLabel('Tìm theo họ tên hoặc số giấy tờ');
    await search.fill('do minh hai');
    await search.press('Enter');
    await business.getByRole('heading', { name: /\(1 người\)/ }).waitFor();
    await row(business, 'Đỗ Minh Hải').waitFor();
    await search.fill('');
    await search.press('Enter');
    await business.getByRole('heading', { name: /\(4 người\)/ }).waitFor();
    await shot(business, 'dossier-draft', true);
  });

  it('submits: the dossier waits for the Health Station with its 3-day clock', async () => {
    await act(business, 'Nộp hồ sơ');
    await status(business, 'Đã nộp hồ sơ');
    await business.getByText('Đã nộp, chờ Trạm Y tế xác nhận').first().waitFor();
    await business
      .getByText(/còn 2 ngày 23 giờ|còn 3 ngày/)
      .first()
      .waitFor();
    await shot(business, 'dossier-submitted');
  });
});

describe('the Health Station confirms and the ward approves', { timeout: 120_000 }, () => {
  it('the Health Station sees it in its queue, reads the plan in the page and confirms', async () => {
    const health = await as('tramyte.ducgiang');
    await row(health, BUSINESS).waitFor();
    await shot(health, 'health-queue');
    await health.getByRole('link', { name: BUSINESS }).click();
    await health.getByRole('button', { name: /^Xem/ }).first().click();
    await health.locator('.viewer iframe').waitFor();
    await health.getByRole('region', { name: 'Kế hoạch, phương án phòng chống dịch' }).scrollIntoViewIfNeeded();
    await health.waitForTimeout(300);
    await shot(health, 'health-dossier');
    // Chromium's PDF viewer takes the focus (and scrolls) as it loads: close it before acting.
    await health.getByRole('button', { name: /^Ẩn/ }).click();
    await act(health, 'Xác nhận phương án', 'Phương án đạt yêu cầu.');
    await status(health, 'Đã xác nhận phương án');
    await health.getByText('Trạm Y tế đã xác nhận, chờ UBND phường phê duyệt').first().waitFor();
  });

  it('the desk sends it to the ward leader for signature from its inbox', async () => {
    const desk = await as('motcua.ducgiang', '/inbox');
    await row(desk, BUSINESS).waitFor();
    await shot(desk, 'desk-inbox');
    await desk.getByRole('link', { name: BUSINESS }).click();
    await desk.getByRole('region', { name: 'Xử lý hồ sơ' }).waitFor();
    await shot(desk, 'desk-dossier', true);
    await act(desk, 'Trình lãnh đạo ký');
    await status(desk, 'Đã trình lãnh đạo ký');
    await desk.getByText('Chờ lãnh đạo UBND phường ký').first().waitFor();
  });

  it('the leader returns it to the desk with a reason; the desk sends it again', async () => {
    const leader = await as('lanhdao.ducgiang');
    await row(leader, BUSINESS).waitFor();
    await shot(leader, 'leader-inbox');
    await leader.getByRole('link', { name: BUSINESS }).click();
    await leader.getByRole('region', { name: 'Xử lý hồ sơ' }).waitFor();
    await leader.getByText('ký cam kết lúc').first().waitFor();
    await shot(leader, 'leader-dossier', true);
    await act(leader, 'Trả lại Một cửa', 'Đề nghị kiểm tra lại lộ trình trước khi trình ký.');
    await status(leader, 'Đã trả hồ sơ về Một cửa');
    const desk = await as('motcua.ducgiang', dossierUrl);
    await desk.getByText('Đề nghị kiểm tra lại lộ trình trước khi trình ký.').first().waitFor();
    await shot(desk, 'leader-returned', true);
    await act(desk, 'Trình lãnh đạo ký');
    await status(desk, 'Đã trình lãnh đạo ký');
  });

  it('the leader signs: the dossier is approved with the leader’s name', async () => {
    const leader = await as('lanhdao.ducgiang', dossierUrl);
    await leader.getByRole('region', { name: 'Xử lý hồ sơ' }).waitFor();
    await act(leader, 'Phê duyệt');
    await status(leader, 'Đã phê duyệt hồ sơ');
    await leader.getByText('Số phê duyệt').waitFor();
    await leader.getByText('Lãnh đạo UBND phường Đức Giang (demo) (Phó Chủ tịch UBND phường)').waitFor();
    await leader.getByText('UBND phường phê duyệt').first().waitFor();
    await shot(leader, 'leader-approved', true);
  });

  it('the desk files the stamped plan as a new version: the submitted file stays, no delete, both in the history', async () => {
    writeFileSync(join(files, 'ke-hoach-co-dau.pdf'), planPdf('Ke hoach co chu ky, dong dau'));
    const desk = await as('motcua.ducgiang', dossierUrl);
    const panel = desk.getByRole('region', { name: 'Kế hoạch, phương án phòng chống dịch' });
    await panel.getByText(/không xóa được/).waitFor();
    expect(await panel.getByRole('button', { name: /^Xóa/ }).count()).toBe(0);
    await panel.getByRole('button', { name: /^Tải lên phiên bản mới/ }).click();
    await panel.getByLabel('Lý do thay').fill('Bản có chữ ký của Chủ tịch UBND phường, đóng dấu');
    await panel.getByLabel('Chọn tệp phiên bản mới').setInputFiles(join(files, 'ke-hoach-co-dau.pdf'));
    await status(desk, 'Đã tải lên phiên bản 2');
    await panel.locator('strong', { hasText: 'ke-hoach-co-dau.pdf' }).waitFor();
    await panel.getByText('Các phiên bản trước (1)').click();
    await panel.locator('.versions strong', { hasText: 'ke-hoach-phong-chong-dich.pdf' }).waitFor();
    await panel.scrollIntoViewIfNeeded();
    await shot(desk, 'dossier-file-versions');
    const history = desk.getByRole('region', { name: 'Lịch sử xử lý' });
    await history.getByText('Tải lên phiên bản mới của tệp').waitFor();
    await history.getByText(/thay cho “ke-hoach-phong-chong-dich.pdf” \(phiên bản 1\)/).waitFor();
    await history.scrollIntoViewIfNeeded();
    await shot(desk, 'dossier-file-history');
  });

  it('the business follows its timeline and gets its unit QR and the ward’s confirmation', async () => {
    await business.goto(`${server.origin}${dossierUrl}`);
    await business.getByText('Đã phê duyệt', { exact: true }).first().waitFor();
    await business.getByRole('region', { name: 'Lịch sử xử lý' }).getByText('Trạm Y tế xác nhận phương án').waitFor();
    await business.getByRole('region', { name: 'Lịch sử xử lý' }).scrollIntoViewIfNeeded();
    await shot(business, 'dossier-timeline');
    await business.goto(`${server.origin}/`);
    await business.getByRole('heading', { name: 'Mã QR của đơn vị' }).waitFor();
    await shot(business, 'business-home', true);
  });
});

describe('after approval: an amendment is returned, fixed and resubmitted; a person is taken off', {
  timeout: 150_000,
}, () => {
  let amendmentUrl = '';

  it('the business adds a person through an amendment dossier and submits it', async () => {
    await business.getByRole('link', { name: 'Bổ sung người lao động' }).click();
    await business.getByRole('button', { name: 'Tạo hồ sơ nháp' }).click();
    await business.getByRole('heading', { name: /Hồ sơ bổ sung người lao động:/ }).waitFor();
    amendmentUrl = new URL(business.url()).pathname;
    await business.getByLabel('Tệp danh sách người lao động').setInputFiles(join(files, 'bo-sung.xlsx'));
    await business.getByText('Đã lưu 1 người vào danh sách của hồ sơ.').waitFor();
    await act(business, 'Nộp hồ sơ');
    await status(business, 'Đã nộp hồ sơ');
  });

  it('the Health Station returns it with a reason', async () => {
    const health = await as('tramyte.ducgiang', amendmentUrl);
    await act(health, 'Trả lại để bổ sung', 'Thiếu chức vụ của người lao động bổ sung; ghi rõ chức vụ.');
    await status(health, 'Đã trả lại hồ sơ để bổ sung');
  });

  it('the business reads the reason, fixes the person and resubmits', async () => {
    await business.reload();
    await business.getByText('Lý do trả lại:').waitFor();
    await business.getByText('Thiếu chức vụ của người lao động bổ sung').first().waitFor();
    await shot(business, 'dossier-returned');
    await row(business, 'Vũ Thị Hồng').getByRole('button', { name: /Sửa/ }).click();
    await business.locator('[id^="edit-"][id$="-position"]').fill('Thủ kho');
    await business.getByRole('button', { name: 'Lưu', exact: true }).click();
    await status(business, 'Đã lưu thông tin của Vũ Thị Hồng');
    await row(business, 'Vũ Thị Hồng').getByText('Thủ kho').waitFor();
    await act(business, 'Nộp hồ sơ');
    await status(business, 'Đã nộp hồ sơ');
    await business.getByText('Đã nộp, chờ Trạm Y tế xác nhận').first().waitFor();
  });

  it('the business takes a person off its approved list at once, with a reason', async () => {
    await business.goto(`${server.origin}/staff`);
    await row(business, 'Trần Văn Bình').waitFor();
    await shot(business, 'business-staff');
    await row(business, 'Trần Văn Bình')
      .getByRole('button', { name: /Rút khỏi danh sách/ })
      .click();
    const d = dialog(business, /Rút Trần Văn Bình/);
    await d.getByRole('textbox').fill('Nghỉ việc từ ngày 16/8/2021.');
    await d.getByRole('button', { name: 'Rút khỏi danh sách' }).click();
    await status(business, 'Đã rút Trần Văn Bình khỏi danh sách');
    // The list reloads after the message: wait for the row to go rather than count at once.
    await row(business, 'Trần Văn Bình').waitFor({ state: 'detached' });
  });
});

describe('permits', { timeout: 150_000 }, () => {
  it('the business picks people (search without diacritics, select all), issues and prints with progress', async () => {
    await business.goto(`${server.origin}/permits/issue`);
    await business.getByText('Đã chọn 0 / 3 người').waitFor();
    await business.getByLabel('Tìm người trong danh sách').fill('quynh anh');
    await business.getByText('Hiển thị 1 / 3').waitFor();
    await business.getByLabel('Tìm người trong danh sách').fill('');
    await business.getByLabel('Chọn tất cả').check();
    await business.getByText('Đã chọn 3 / 3 người').waitFor();
    await shot(business, 'permits-issue');
    await business.getByRole('button', { name: 'Cấp giấy đi đường cho 3 người' }).click();
    await business
      .getByText(/Đã cấp 3 giấy đi đường, số 0001\/GĐĐ đến 0003\/GĐĐ/)
      .first()
      .waitFor();
    await business.getByRole('button', { name: 'In 3 giấy vừa cấp' }).click();
    await business.getByText('Tệp PDF gồm 3 giấy đã sẵn sàng.').waitFor();
    await shot(business, 'permits-printed');
    const download = business.waitForEvent('download');
    await business.getByRole('link', { name: 'Tải tệp PDF' }).click();
    const pdf = readFileSync((await (await download).path()) as string);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('the business sees its permits', async () => {
    await business.goto(`${server.origin}/permits`);
    await row(business, '0001/GĐĐ').waitFor();
    await shot(business, 'permits-list');
  });

  it('the ward sees every permit of its businesses and revokes one', async () => {
    const desk = await as('motcua.ducgiang', '/permits');
    await desk.getByLabel('Doanh nghiệp', { exact: true }).selectOption({ label: BUSINESS });
    await desk.getByText('3 giấy đi đường', { exact: true }).waitFor();
    await row(desk, '0002/GĐĐ').waitFor();
    await row(desk, '0002/GĐĐ')
      .getByRole('button', { name: /Thu hồi/ })
      .click();
    const d = dialog(desk, /Thu hồi giấy 0002\/GĐĐ/);
    await d.getByRole('textbox').fill('Người lao động báo mất giấy.');
    await d.getByRole('button', { name: 'Thu hồi' }).click();
    await status(desk, 'Đã thu hồi giấy 0002/GĐĐ');
    await row(desk, '0002/GĐĐ').getByText('Đã thu hồi').waitFor();
    await shot(desk, 'ward-permits');
  });

  it('the desk suspends the business (its permits are revoked) and reinstates it', async () => {
    const desk = await as('motcua.ducgiang', dossierUrl);
    await act(desk, 'Tạm dừng hoạt động', 'Kiểm tra phát hiện vi phạm quy định phòng chống dịch.');
    await status(desk, 'Đã tạm dừng hoạt động của doanh nghiệp');
    await desk.getByText('Lý do tạm dừng:').waitFor();
    await shot(desk, 'desk-dossier-suspended');
    await desk.goto(`${server.origin}/permits`);
    await desk.getByLabel('Doanh nghiệp', { exact: true }).selectOption({ label: BUSINESS });
    await desk.getByLabel('Trạng thái').selectOption({ label: 'Còn hiệu lực' });
    await desk.getByText('0 giấy đi đường', { exact: true }).waitFor();
    await desk.goto(`${server.origin}${dossierUrl}`);
    await act(desk, 'Cho hoạt động trở lại', 'Đơn vị đã khắc phục.');
    await status(desk, 'Đã cho doanh nghiệp hoạt động trở lại');
    await desk.getByText('Đã phê duyệt', { exact: true }).first().waitFor();
  });
});

describe('the desk takes in a dossier sent by e-mail, and deadlines pass', { timeout: 150_000 }, () => {
  it('creates the business with its representative’s account and opens the dossier', async () => {
    const desk = await as('motcua.ducgiang', '/intake');
    await desk.getByRole('button', { name: 'Doanh nghiệp mới' }).click();
    await desk.getByLabel('Mã số thuế').fill(taxCode('010700001'));
    await desk.getByLabel('Tên doanh nghiệp, cơ sở sản xuất kinh doanh').fill('Hợp tác xã Rau sạch Long Biên');
    await desk.getByLabel('Địa chỉ').fill('Số 2 ngõ 10 phố Đức Giang');
    await desk.getByLabel('Ngành nghề kinh doanh').fill('Sản xuất rau an toàn');
    await desk.getByLabel('Người liên hệ').fill('Hoàng Văn Nam');
    await desk.getByLabel('Số điện thoại di động').fill('0977123456');
    await desk.getByLabel('Họ và tên người đại diện').fill('Hoàng Văn Nam');
    await desk.getByLabel('Tên đăng nhập').fill('htx.rausach');
    await desk.getByRole('button', { name: 'Tạo doanh nghiệp' }).click();
    const secret = dialog(desk, 'Mật khẩu ban đầu');
    expect(((await secret.getByTestId('generated-password').textContent()) ?? '').length).toBeGreaterThanOrEqual(8);
    await secret.getByRole('button', { name: 'Đóng' }).click();
    await desk.getByLabel('Thư điện tử', { exact: true }).check();
    await desk.getByLabel(/Ghi chú/).fill('Nhận qua thư điện tử ngày 15/8/2021.');
    await shot(desk, 'desk-intake', true);
    await desk.getByRole('button', { name: 'Tạo hồ sơ và tải bản quét lên' }).click();
    await desk.getByRole('heading', { name: /Hợp tác xã Rau sạch Long Biên/ }).waitFor();
    await desk.getByText('Thư điện tử').first().waitFor();
    await desk.getByLabel('Tải lên tệp kế hoạch').setInputFiles(join(files, 'ke-hoach-phong-chong-dich.pdf'));
    await status(desk, 'Đã tải lên 1 tệp');
    await desk.getByLabel('Tệp danh sách người lao động').setInputFiles(join(files, 'bo-sung.xlsx'));
    await desk.getByText('Đã lưu 1 người vào danh sách của hồ sơ.').waitFor();
    await act(desk, 'Nộp hồ sơ');
    await status(desk, 'Đã nộp hồ sơ');
  });

  it('four days later the inbox marks the late dossiers “Quá hạn xử lý”, on a phone too', async () => {
    server.setClockOffset(4 * DAY);
    try {
      const context = await newContext(browser);
      open.push(context);
      await context.clock.install({ time: new Date(Date.now() + 4 * DAY) });
      const desk = await context.newPage();
      await desk.goto(`${server.origin}/inbox`);
      await signIn(desk, 'motcua.ducgiang');
      await desk.getByText('Quá hạn xử lý').first().waitFor();
      await desk
        .getByText(/quá hạn \d+ ngày|quá hạn \d+ giờ/)
        .first()
        .waitFor();
      await shot(desk, 'desk-inbox-overdue');
      await desk.setViewportSize(PHONE);
      await shot(desk, 'desk-inbox-phone');
      await desk.goto(`${server.origin}/`);
      await desk.getByRole('heading', { name: 'Tổng quan' }).waitFor();
      await desk.setViewportSize({ width: 1366, height: 768 });
      await desk.getByText('Quá hạn xử lý').first().waitFor();
      await shot(desk, 'desk-dashboard');
    } finally {
      server.setClockOffset(0);
    }
  });
});

describe('read-only views', { timeout: 120_000 }, () => {
  it('the supervisor reads the counts of every ward of the district', async () => {
    const sup = await as('giamsat.longbien');
    await row(sup, 'Phường Đức Giang').waitFor();
    await sup.getByRole('row', { name: /Phường Việt Hưng/ }).waitFor();
    await shot(sup, 'supervisor-home');
  });

  it('the ward admin rotates the signing key and reads the scan log', async () => {
    const admin = await as('quantri.ducgiang', '/keys');
    await admin.getByRole('heading', { name: 'Khóa ký của UBND phường' }).waitFor();
    await admin.getByText('Đang dùng').first().waitFor();
    await admin.getByRole('button', { name: 'Thay khóa ký' }).click();
    await dialog(admin, 'Thay khóa ký của phường?').getByRole('button', { name: 'Thay khóa ký' }).click();
    await status(admin, 'Đã thay khóa ký');
    await admin
      .getByRole('cell', { name: /Đã thay/ })
      .first()
      .waitFor();
    await shot(admin, 'admin-keys');
    await admin.goto(`${server.origin}/scans`);
    await admin.getByRole('heading', { name: 'Nhật ký quét' }).waitFor();
    await shot(admin, 'admin-scans');
  });

  it('the business’s screens fit a 360 px phone', async () => {
    const phone = await as(REP.username, '/', PHONE, REP.password);
    await phone.getByRole('heading', { name: BUSINESS }).waitFor();
    await shot(phone, 'business-home-phone');
    await phone.goto(`${server.origin}${dossierUrl}`);
    await phone.getByText('Đã phê duyệt', { exact: true }).first().waitFor();
    await shot(phone, 'dossier-phone');
  });
});
