import { fastQrMatrix } from '../qr/fast-matrix.js';
import { cleanText, DocFont } from './fonts.js';
import { ByteBuilder, num, type PdfSink, PdfWriter, pdfTextString } from './pdf-writer.js';
import { A5_H, A5_W, type FormFonts, MM, permitOps, qrTransform, staticFormOps } from './permit-form.js';
import type { PermitPrintData } from './permit-print-data.js';
import { qrImageMaxBytes, qrPathMaxBytes, writeQrImageBits, writeQrPath } from './qr-path.js';
import { LayoutCache } from './text-layout.js';

export type { PdfSink } from './pdf-writer.js';
export type { PermitPrintData } from './permit-print-data.js';

export interface RenderPermitsOptions {
  /** A5: one permit per A5 page. A4x2: two A5 permits per portrait A4 page, turned a quarter, with a cut line. */
  layout: 'A5' | 'A4x2';
  /** Called after each permit is written (1, 2, …). */
  onProgress?: (done: number) => void;
  /** The document title (PDF /Info and window title). */
  title?: string;
  /**
   * How the QR code is drawn. 'image' (default): a 1-bit image mask per code, one sample per
   * module (~0.9 KB, not compressed), drawn by viewers without smoothing when enlarged.
   * 'vector': the dark modules as filled rectangles (merged runs), deflated with the page;
   * about 2.5× the bytes and half the speed (docs/printing.md).
   */
  qr?: 'vector' | 'image';
}

export interface RenderPermitsResult {
  pages: number;
  permits: number;
  bytes: number;
}

/** The only text of the single page written when there is no permit. */
export const NOTHING_TO_PRINT = 'Không có giấy đi đường nào để in.';

const A4_W = 210 * MM;
const A4_H = 297 * MM;

/**
 * Writes permits on the city's form as one PDF, streaming: each page goes to `out` as soon as
 * its permit(s) arrive, in chunks of about 64 KB, waiting for a stream's `drain` (or for the
 * function's promise) before going on. Memory does not grow with the number of permits beyond
 * one offset per PDF object (two or three per page) and the glyphs used.
 *
 * Design (docs/printing.md): a hand-written PDF writer; Be Vietnam Pro Regular, Bold and
 * Italic embedded once per document as subset CIDFontType2 fonts with Identity-H and ToUnicode
 * (written at the end, when the glyphs in use are known); the motto and title in one Form
 * XObject; per page a deflated content stream with the variable text, and the QR code as a
 * 1-bit image mask (or a vector path), its matrix built by `fastQrMatrix` with a fixed mask.
 *
 * With no permit at all the document has one page saying so (NOTHING_TO_PRINT), `permits: 0`.
 * Throws (and leaves the output incomplete) when a permit's QR text cannot be encoded or a
 * date is not YYYY-MM-DD; validate before streaming to a client.
 */
export async function renderPermitsPdf(
  permits: AsyncIterable<PermitPrintData> | Iterable<PermitPrintData>,
  out: PdfSink,
  opts: RenderPermitsOptions,
): Promise<RenderPermitsResult> {
  if (opts.layout !== 'A5' && opts.layout !== 'A4x2')
    throw new RangeError(`khổ in không hỗ trợ: ${String(opts.layout)}`);
  const w = new PdfWriter(out);
  const yieldOnFlush = typeof out === 'function';
  const catalog = w.reserve();
  const pagesRef = w.reserve();
  const fonts: FormFonts = {
    regular: new DocFont('regular', 'F1', w),
    bold: new DocFont('bold', 'F2', w),
    italic: new DocFont('italic', 'F3', w),
    layout: new LayoutCache(),
  };
  const fontRes = `/Font<</F1 ${fonts.regular.ref} 0 R/F2 ${fonts.bold.ref} 0 R/F3 ${fonts.italic.ref} 0 R>>`;
  const form = w.stream(
    `/Type/XObject/Subtype/Form/BBox[0 0 ${num(A5_W)} ${num(A5_H)}]/Resources<<${fontRes}>>`,
    staticFormOps(fonts),
    { compress: true },
  );
  const xobjects = `/Fm0 ${form} 0 R`;
  const image = opts.qr !== 'vector';
  // Vector QR codes: every page shares one resource dictionary. Image QR codes: each page
  // names its own images, so its resources are written inline in the page.
  const shared = image ? 0 : w.object(`<<${fontRes}/XObject<<${xobjects}>>/ProcSet[/PDF/Text]>>`);
  const kids: number[] = [];
  /** Image mode: the QR images of the page being built, by resource name. */
  let pageImages = '';

  const writePage = (content: Uint8Array, width: number, height: number) => {
    const contents = w.stream('', content, { compress: true, small: image });
    const resources = image
      ? `<<${fontRes}/XObject<<${xobjects}${pageImages}>>/ProcSet[/PDF/Text/ImageB]>>`
      : `${shared} 0 R`;
    kids.push(
      w.object(
        `<</Type/Page/Parent ${pagesRef} 0 R/MediaBox[0 0 ${num(width)} ${num(height)}]/Resources ${resources}/Contents ${contents} 0 R>>`,
      ),
    );
    pageImages = '';
  };

  const halfH = A4_H / 2;
  const inset = (halfH - A5_W) / 2;
  // A5 content turned a quarter anticlockwise: its top runs along the sheet's left edge.
  const halfCm = (index: number) => `0 1 -1 0 ${num(A5_H)} ${num(index === 0 ? halfH + inset : inset)} cm\n`;
  const cutLine = `q 0.6 G 0.4 w [4 3] 0 d ${num(6 * MM)} ${num(halfH)} m ${num(A4_W - 6 * MM)} ${num(halfH)} l S Q\n`;

  // One page's content is built here, then deflated; for A4x2 the upper half waits in it.
  const page = new ByteBuilder();
  const bits = new ByteBuilder(4096);
  let count = 0;
  let halves = 0;
  for await (const p of permits) {
    const qr = fastQrMatrix(p.qrText);
    const text = permitOps(fonts, p, qr);
    if (opts.layout === 'A4x2') {
      if (halves === 0) page.ascii(cutLine);
      page.ascii(`q ${halfCm(halves)}`);
    } else {
      page.ascii('q ');
    }
    page.ascii('/Fm0 Do\n');
    page.ascii(text);
    if (image) {
      // An image mask of one sample per module, not deflated (its bits hardly compress).
      bits.reset();
      bits.ensure(qrImageMaxBytes(qr.size));
      bits.length = writeQrImageBits(qr, bits.buf, 0);
      const ref = w.stream(
        `/Type/XObject/Subtype/Image/Width ${qr.size}/Height ${qr.size}/ImageMask true/BitsPerComponent 1/Decode[1 0]`,
        bits.view(),
      );
      pageImages += `/Qr${halves} ${ref} 0 R`;
      page.ascii(`${qrTransform(qr.size, true)}/Qr${halves} Do Q\nQ\n`);
    } else {
      page.ascii(qrTransform(qr.size));
      page.ensure(qrPathMaxBytes(qr.size));
      page.length = writeQrPath(qr, page.buf, page.length);
      page.ascii('f Q\nQ\n');
    }
    halves++;
    if (opts.layout === 'A5') {
      writePage(page.view(), A5_W, A5_H);
      page.reset();
      halves = 0;
    } else if (halves === 2) {
      writePage(page.view(), A4_W, A4_H);
      page.reset();
      halves = 0;
    }
    count++;
    opts.onProgress?.(count);
    if (w.wantsFlush) {
      await w.flush();
      if (yieldOnFlush) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  if (halves > 0) writePage(page.view(), A4_W, A4_H);
  if (count === 0) {
    // A PDF needs a page: say that there was nothing to print.
    const [pw, ph] = opts.layout === 'A5' ? [A5_W, A5_H] : [A4_W, A4_H];
    const notice = fonts.italic.encode(cleanText(NOTHING_TO_PRINT));
    page.ascii(
      `BT /F3 12 Tf 1 0 0 1 ${num((pw - (notice.width * 12) / 1000) / 2)} ${num(ph / 2)} Tm<${notice.hex}>Tj ET\n`,
    );
    writePage(page.view(), pw, ph);
  }

  for (const f of [fonts.regular, fonts.bold, fonts.italic]) await f.write(w);
  let kidsList = '';
  for (const k of kids) kidsList += `${k} 0 R `;
  w.object(`<</Type/Pages/Kids[${kidsList}]/Count ${kids.length}>>`, pagesRef);
  const title = opts.title ?? 'Giấy đi đường';
  w.object(`<</Type/Catalog/Pages ${pagesRef} 0 R/Lang(vi-VN)/ViewerPreferences<</DisplayDocTitle true>>>>`, catalog);
  const info = w.object(`<</Title ${pdfTextString(title)}/Producer (Thong hanh)/Creator (Thong hanh)>>`);
  const bytes = await w.end(catalog, info);
  return { pages: kids.length, permits: count, bytes };
}
