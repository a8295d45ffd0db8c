import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { decodeQrPixels } from '../../src/qr/decode-image.js';

/**
 * Poppler (pdftoppm, pdftotext, pdfinfo) and zxing on PDFs in memory, for the tests of this
 * folder and the screenshots: what a person printing and a checkpoint scanning would see.
 */

/** A scratch folder removed by `dispose()`. */
export class Scratch {
  readonly dir = mkdtempSync(join(tmpdir(), 'thonghanh-pdf-'));
  private n = 0;

  /** Writes the PDF to a file of the folder; returns its path. */
  file(pdf: Uint8Array): string {
    const path = join(this.dir, `doc-${++this.n}.pdf`);
    writeFileSync(path, pdf);
    return path;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** `pdftotext` of the whole document or one page (1-based), layout kept. */
export function pdfText(path: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, path, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** `pdftotext` without layout: words in reading order, one text flow per block. */
export function pdfRawText(path: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, path, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** `pdfinfo` fields (Pages, Page size, …). */
export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1] as string] = m[2] as string;
  }
  return info;
}

/** One word of `pdftotext -bbox`, in points from the page's top-left corner. */
export interface WordBox {
  word: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of a page with their boxes, and the page size. */
export function pdfWords(path: string, page = 1): { width: number; height: number; words: WordBox[] } {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), path, '-'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const size = /<page width="([\d.]+)" height="([\d.]+)">/.exec(html);
  const words: WordBox[] = [];
  const re = /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    words.push({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      word: unescapeHtml(m[5] as string),
    });
  }
  return { width: Number(size?.[1]), height: Number(size?.[2]), words };
}

function unescapeHtml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Renders one page (1-based) to a PNG file at `dpi`; returns the PNG's path. */
export function renderPage(path: string, page: number, dpi: number, outPrefix = `${path}-p${page}-${dpi}`): string {
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-png',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    path,
    outPrefix,
  ]);
  return `${outPrefix}.png`;
}

/** The QR codes zxing finds in a PNG, in reading order. */
export async function decodePng(pngPath: string): Promise<string[]> {
  const png = PNG.sync.read(readFileSync(pngPath));
  return decodeQrPixels(png.data, png.width, png.height);
}

/** Renders a page at `dpi` and decodes its QR codes. */
export async function decodePage(path: string, page: number, dpi = 150): Promise<string[]> {
  return decodePng(renderPage(path, page, dpi));
}
