import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePage, pdfInfo, pdfRawText, pdfText, pdfWords, Scratch } from '../../test/support/pdf-tools.js';
import { QrCapacityError } from '../qr/segments.js';
import { A5_W, MM } from './permit-form.js';
import type { PermitPrintData } from './permit-print-data.js';
import { NOTHING_TO_PRINT, type RenderPermitsOptions, renderPermitsPdf } from './render-permits.js';
import { REFERENCE_PERMIT, samplePermit } from './sample-permits.js';

const scratch = new Scratch();
afterAll(() => scratch.dispose());

async function render(permits: PermitPrintData[], opts: RenderPermitsOptions) {
  const chunks: Uint8Array[] = [];
  const result = await renderPermitsPdf(permits, (c) => void chunks.push(c), opts);
  const pdf = Buffer.concat(chunks);
  expect(pdf.length).toBe(result.bytes);
  return { path: scratch.file(pdf), result };
}

/** Every label of the form, as the brief lists them. */
const LABELS = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'GIẤY ĐI ĐƯỜNG',
  'Số: 0125/GĐĐ',
  'Hà Nội, ngày 15 tháng 08 năm 2021',
  'Cấp cho Ông/Bà:',
  'Số CMND/CCCD/Hộ chiếu:',
  'Chức vụ:',
  'Nơi làm việc:',
  'Nơi ở:',
  'Lý do:',
  'Lộ trình: từ',
  'Thời gian làm việc: T2–T7, 07:00–17:30',
  'Thời hạn: từ ngày 16/08/2021 đến ngày 06/09/2021',
  'THỦ TRƯỞNG ĐƠN VỊ',
  '(Ký, ghi rõ họ tên, đóng dấu)',
  'Trần Văn Bình',
  'CÔNG TY TNHH THỰC PHẨM',
];

describe('renderPermitsPdf, A5', () => {
  for (const qr of ['image', 'vector'] as const) {
    it(`prints the reference permit as real text with a QR code that decodes at 150 dpi (${qr})`, async () => {
      const { path, result } = await render([REFERENCE_PERMIT], { layout: 'A5', qr });
      expect(result).toMatchObject({ pages: 1, permits: 1 });
      const info = pdfInfo(path);
      expect(info.Pages).toBe('1');
      expect(info['Page size']).toMatch(/^419\.5\d x 595\.2\d pts/);
      const text = pdfText(path);
      expect(text).toContain('Nguyễn Thị Quỳnh Anh');
      expect(text.normalize('NFC')).toBe(text); // the ToUnicode map gives NFC back
      for (const label of LABELS) expect(text).toContain(label);
      expect(text).toContain('001190012345 (CCCD)');
      expect(text).toContain(REFERENCE_PERMIT.routeTo.split(',')[0]);
      expect(pdfRawText(path)).toContain('Quét mã QR bằng camera điện thoại\nhoặc Zalo để kiểm tra giấy đi đường');
      expect(await decodePage(path, 1, 150)).toEqual([REFERENCE_PERMIT.qrText]);
    });
  }

  it('draws the QR code 48 mm wide with its quiet zone: 0.52 mm modules for a V17 symbol', async () => {
    const { path } = await render([REFERENCE_PERMIT], { layout: 'A5' });
    // The image mask is drawn in the unit square scaled to the symbol (85 modules of a V17).
    const m = /([\d.]+) 0 0 ([\d.]+) [\d.]+ [\d.]+ cm\n\/Qr0 Do/.exec(firstPageContent(readFileSync(path, 'latin1')));
    expect(m).not.toBeNull();
    const moduleMm = Number(m?.[1]) / 85 / MM;
    expect(moduleMm).toBeGreaterThanOrEqual(0.5);
    expect(moduleMm * 93).toBeCloseTo(48, 1);
  });

  it('renders every Vietnamese vowel with every tone, ươ and đĐ, given NFC or NFD, and gets NFC back', async () => {
    // Each vowel with its five tones, as one word per vowel.
    const vowels = 'aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đ';
    const all = `${vowels} ${vowels.toUpperCase()} Người đường ĐƯỜNG`;
    const { path } = await render(
      [{ ...REFERENCE_PERMIT, holder: 'Đặng Thị Ngọc Hường', residence: all, purpose: all.normalize('NFD') }],
      { layout: 'A5' },
    );
    const text = pdfRawText(path).replace(/\n/g, ' ');
    expect(text).toContain('Đặng Thị Ngọc Hường');
    // Long values wrap: compare word by word, in order.
    const words = text.split(/\s+/);
    const expected = all.split(' ');
    for (const label of ['Nơi ở:', 'Lý do:']) {
      const at = words.findIndex((w, i) => `${w} ${words[i + 1]}` === label);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(words.slice(at + 2, at + 2 + expected.length)).toEqual(expected);
    }
  });

  it('wraps long values inside the page and keeps every word, shrinking the text when it must', async () => {
    const long = (what: string) =>
      `${what} Số 1234 ngõ 567 ngách 89 hẻm 10 đường Nguyễn Văn Linh kéo dài, khu đô thị Sài Đồng, phường Phúc Đồng, quận Long Biên, thành phố Hà Nội, Việt Nam`;
    const permit: PermitPrintData = {
      ...REFERENCE_PERMIT,
      unitName: 'Công ty Cổ phần Đầu tư Phát triển Sản xuất Thương mại và Dịch vụ Kỹ thuật Công nghiệp Long Biên',
      holder: 'Tôn Nữ Hoàng Thị Phương Thảo Nguyên',
      position: 'Phó Giám đốc phụ trách sản xuất, kinh doanh và an toàn lao động',
      workplace: long('Nhà máy'),
      residence: long('Nhà'),
      purpose: 'Đi làm theo ca, vận chuyển hàng hóa thiết yếu, nguyên vật liệu sản xuất và thực phẩm cho nhân dân',
      routeFrom: long('Từ'),
      routeTo: long('Tới'),
      legalBasis: `${REFERENCE_PERMIT.legalBasis} ${REFERENCE_PERMIT.legalBasis}`,
      verifyCaption: 'Quét mã QR bằng camera điện thoại, Zalo hoặc ứng dụng kiểm tra giấy đi đường của phường',
      signerTitle: 'Phó Tổng giám đốc thường trực',
      idNumber: 'X'.repeat(70), // one word longer than a line: broken between characters
    };
    const { path } = await render([permit], { layout: 'A5' });
    const { width, height, words } = pdfWords(path);
    expect(width).toBeCloseTo(A5_W, 0);
    for (const w of words) {
      expect(w.xMin, w.word).toBeGreaterThanOrEqual(10 * MM);
      expect(w.xMax, w.word).toBeLessThanOrEqual(width - 10 * MM);
      expect(w.yMin, w.word).toBeGreaterThanOrEqual(8 * MM);
      expect(w.yMax, w.word).toBeLessThanOrEqual(height - 8 * MM);
    }
    // No two words overlap (nothing drawn over anything else).
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const a = words[i] as (typeof words)[number];
        const b = words[j] as (typeof words)[number];
        const overlap =
          Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > 0.5 &&
          Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > 0.5;
        expect(overlap, `${a.word} / ${b.word}`).toBe(false);
      }
    }
    const text = pdfRawText(path).replace(/\s+/g, ' ');
    for (const value of [permit.holder, permit.position, permit.workplace, permit.residence, permit.purpose]) {
      expect(text).toContain(value);
    }
    expect(text).toContain(`từ ${permit.routeFrom} đến ${permit.routeTo}`);
    expect(text.replace(/ /g, '')).toContain('X'.repeat(70));
  });
});

describe('renderPermitsPdf, A4x2', () => {
  it('puts two permits on each portrait A4 page: 3 permits → 2 pages, every QR code decodes', async () => {
    const permits = [0, 1, 2].map((i) => samplePermit(i));
    const progress: number[] = [];
    const { path, result } = await render(permits, { layout: 'A4x2', onProgress: (n) => progress.push(n) });
    expect(result).toMatchObject({ pages: 2, permits: 3 });
    expect(progress).toEqual([1, 2, 3]);
    const info = pdfInfo(path);
    expect(info.Pages).toBe('2');
    expect(info['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts/);
    expect((await decodePage(path, 1, 150)).sort()).toEqual([permits[0]?.qrText, permits[1]?.qrText].sort());
    expect(await decodePage(path, 2, 150)).toEqual([permits[2]?.qrText]);
    const page1 = pdfRawText(path, 1);
    expect(page1).toContain(permits[0]?.holder);
    expect(page1).toContain(permits[1]?.holder);
    expect(pdfRawText(path, 2)).toContain(permits[2]?.holder);
  });
});

describe('renderPermitsPdf, streaming', () => {
  it('streams 2,000 permits through a slow writable stream, with backpressure, never holding the document', async () => {
    let received = 0;
    let largestChunk = 0;
    let receivedAtHalf = -1;
    let drains = 0;
    const parts: Buffer[] = [];
    const out = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _enc, done) {
        received += chunk.length;
        largestChunk = Math.max(largestChunk, chunk.length);
        parts.push(chunk);
        setImmediate(done); // a slow consumer: the writer must wait for 'drain'
      },
    });
    out.on('drain', () => drains++);
    const permits = (async function* () {
      for (let i = 0; i < 2000; i++) yield samplePermit(i);
    })();
    let last = 0;
    const result = await renderPermitsPdf(permits, out, {
      layout: 'A5',
      onProgress: (n) => {
        expect(n).toBe(last + 1);
        last = n;
        if (n === 1000) receivedAtHalf = received;
      },
    });
    await new Promise<void>((resolve) => out.end(resolve));
    expect(last).toBe(2000);
    expect(result).toMatchObject({ pages: 2000, permits: 2000 });
    expect(received).toBe(result.bytes);
    // Half of the pages were already with the consumer when the 1,000th permit was done.
    expect(receivedAtHalf).toBeGreaterThan(result.bytes * 0.4);
    expect(largestChunk).toBeLessThan(1024 * 1024);
    expect(drains).toBeGreaterThan(10);
    const path = scratch.file(Buffer.concat(parts));
    const info = pdfInfo(path);
    expect(info.Pages).toBe('2000');
    expect(pdfRawText(path, 1999)).toContain(samplePermit(1998).holder);
  }, 120_000);

  it('accepts a synchronous iterable and an async sink function', async () => {
    const chunks: Uint8Array[] = [];
    const result = await renderPermitsPdf(
      [samplePermit(3), samplePermit(4)],
      async (c) => {
        await new Promise((r) => setTimeout(r, 1));
        chunks.push(c);
      },
      { layout: 'A5', title: 'Giấy đi đường – đợt 1' },
    );
    expect(result).toMatchObject({ pages: 2, permits: 2 });
    const path = scratch.file(Buffer.concat(chunks));
    expect(pdfInfo(path).Title).toBe('Giấy đi đường – đợt 1');
  });

  it('writes one page saying there is nothing to print when there is no permit', async () => {
    for (const layout of ['A5', 'A4x2'] as const) {
      const { path, result } = await render([], { layout });
      expect(result).toMatchObject({ pages: 1, permits: 0 });
      expect(pdfInfo(path).Pages).toBe('1');
      expect(pdfText(path)).toContain(NOTHING_TO_PRINT);
    }
  });

  it('refuses a QR text too long for any QR code', async () => {
    const tooLong = { ...REFERENCE_PERMIT, qrText: `https://x.example/p1#${'1'.repeat(6000)}` };
    await expect(renderPermitsPdf([tooLong], () => {}, { layout: 'A5' })).rejects.toThrow(QrCapacityError);
  });
});

/** The first page content stream (inflated) of a PDF read as latin1. */
function firstPageContent(pdf: string): string {
  const re = /<<\/Length (\d+)\/Filter\/FlateDecode>>\nstream\n/g;
  for (let m = re.exec(pdf); m; m = re.exec(pdf)) {
    const start = m.index + m[0].length;
    const text = inflateSync(Buffer.from(pdf.slice(start, start + Number(m[1])), 'latin1')).toString('latin1');
    if (text.includes('/Fm0 Do')) return text;
  }
  throw new Error('no page content');
}
