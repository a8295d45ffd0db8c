import { afterAll, describe, expect, it } from 'vitest';
import { decodePage, pdfInfo, pdfRawText, pdfText, Scratch } from '../../test/support/pdf-tools.js';
import { sampleConfirmation, UNIT_QR_TEXT } from './sample-permits.js';
import { renderUnitConfirmationPdf } from './unit-confirmation.js';

const scratch = new Scratch();
afterAll(() => scratch.dispose());

describe('renderUnitConfirmationPdf', () => {
  it('confirms a unit with 120 staff over several A4 pages, the header row on each, the unit QR readable', async () => {
    const data = sampleConfirmation(120);
    const path = scratch.file(await renderUnitConfirmationPdf(data));
    const info = pdfInfo(path);
    const pages = Number(info.Pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(info['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts/);

    const first = pdfText(path, 1);
    for (const s of [
      'UBND QUẬN LONG BIÊN',
      'UBND PHƯỜNG ĐỨC GIANG',
      'Số: 85/XN-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Long Biên, ngày 15 tháng 08 năm 2021',
      'XÁC NHẬN',
      'Ủy ban nhân dân phường Đức Giang xác nhận:',
      'Công ty TNHH Thực phẩm Đức Giang',
      '0100233488',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Hoàng Minh Tuấn',
      'DANH SÁCH NGƯỜI LAO ĐỘNG CẦN ĐI LẠI',
    ]) {
      expect(first).toContain(s);
    }
    expect(pdfRawText(path, 1).replace(/\s+/g, ' ')).toContain('danh sách 120 người lao động');

    // The header row on every page that has rows, and every person exactly once, in order.
    let all = '';
    for (let p = 1; p <= pages; p++) {
      const text = pdfText(path, p);
      expect(text, `page ${p}`).toMatch(/STT\s+Họ và tên\s+Số giấy tờ\s+Chức vụ\s+Lộ trình/);
      expect(text).toContain(`Trang ${p}/${pages}`);
      all += text;
    }
    let at = -1;
    data.staff.forEach((s, i) => {
      const next = all.indexOf(s.fullName, at + 1);
      expect(next, `${i + 1}. ${s.fullName}`).toBeGreaterThan(at);
      at = next;
    });
    for (const s of ['001190000000', '(CCCD)', '100000063', '(CMND)', 'Tổ trưởng', 'KCN Sài Đồng B']) {
      expect(all).toContain(s);
    }

    expect(await decodePage(path, 1, 150)).toEqual([UNIT_QR_TEXT]);
  });

  it('keeps "Phường"/"Xã" given with the name, and fits one short list on the first page', async () => {
    const data = { ...sampleConfirmation(3), wardName: 'Xã Dương Hà', districtName: 'Huyện Gia Lâm' };
    const path = scratch.file(await renderUnitConfirmationPdf(data));
    expect(pdfInfo(path).Pages).toBe('1');
    const text = pdfText(path);
    expect(text).toContain('UBND HUYỆN GIA LÂM');
    expect(text).toContain('UBND XÃ DƯƠNG HÀ');
    expect(text).toContain('Ủy ban nhân dân xã Dương Hà xác nhận:');
  });
});
