import fontkit from '@pdf-lib/fontkit';
import { type Color, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { cleanText, faceBytes } from '../pdf/fonts.js';
import { MM } from '../pdf/permit-form.js';

/**
 * A small flowing layout over pdf-lib for the printable guides: A4 pages, a running header
 * and footer, headings, paragraphs with **bold** words, numbered steps, bullets, notes, and
 * blocks of known height drawn by the caller (pictures, verdict cards), each moved to the next
 * page when it does not fit. Be Vietnam Pro, embedded as subsets; text is NFC (cleanText).
 */

export const A4_W = 210 * MM;
export const A4_H = 297 * MM;
export const MARGIN_X = 18 * MM;
const MARGIN_TOP = 20 * MM;
const MARGIN_BOTTOM = 18 * MM;
export const CONTENT_W = A4_W - 2 * MARGIN_X;

export const BODY_SIZE = 10.5;
export const LEADING = 1.42;

export const INK = rgb(0.07, 0.07, 0.07);
export const MUTED = rgb(0.3, 0.3, 0.3);
export const BRAND = hex('#0b3d91');

/** `#0b3d91` → pdf-lib colour. */
export function hex(h: string): Color {
  const n = Number.parseInt(h.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

/** A piece of one line: text in one font at x (from the line's start). */
export interface Segment {
  text: string;
  font: PDFFont;
  x: number;
}
export interface TextLine {
  segments: Segment[];
  width: number;
}

/**
 * Breaks text with `**bold**` marks into lines no wider than `width` (greedy, at spaces; a word
 * longer than the line is cut between characters).
 */
export function wrapRich(text: string, fonts: Fonts, size: number, width: number, base?: PDFFont): TextLine[] {
  const regular = base ?? fonts.regular;
  // Words are split at spaces; a word may change font inside ("**Mã QR**:" is bold then regular, no space).
  let bold = false;
  const words = cleanText(text)
    .split(' ')
    .filter((w) => w !== '')
    .map((raw) =>
      raw
        .split('**')
        .map((t, i) => {
          if (i > 0) bold = !bold;
          return { text: t, font: bold ? fonts.bold : regular };
        })
        .filter((p) => p.text !== ''),
    )
    .filter((pieces) => pieces.length > 0);
  const lines: TextLine[] = [];
  let line: Segment[] = [];
  let x = 0;
  const flush = () => {
    lines.push({ segments: line, width: x });
    line = [];
    x = 0;
  };
  const widthOf = (pieces: Array<{ text: string; font: PDFFont }>) =>
    pieces.reduce((w, p) => w + p.font.widthOfTextAtSize(p.text, size), 0);
  for (const pieces of words) {
    const first = pieces[0] as { text: string; font: PDFFont };
    const space = x > 0 ? first.font.widthOfTextAtSize(' ', size) : 0;
    if (x > 0 && x + space + widthOf(pieces) > width) flush();
    pieces.forEach((p, i) => {
      let rest = p.text;
      let gap = i === 0 && x > 0;
      // A piece longer than a line is cut between characters.
      while (p.font.widthOfTextAtSize(rest, size) > width - x && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && p.font.widthOfTextAtSize(rest.slice(0, cut), size) > width - x) cut--;
        put(rest.slice(0, cut), p.font, gap);
        flush();
        gap = false;
        rest = rest.slice(cut);
      }
      put(rest, p.font, gap);
    });
  }
  if (line.length > 0 || lines.length === 0) flush();
  return lines;

  function put(t: string, font: PDFFont, spaceBefore: boolean) {
    const space = spaceBefore ? font.widthOfTextAtSize(' ', size) : 0;
    const last = line[line.length - 1];
    if (last && last.font === font) last.text += spaceBefore ? ` ${t}` : t;
    else line.push({ text: spaceBefore ? ` ${t}` : t, font, x });
    x += space + font.widthOfTextAtSize(t, size);
  }
}

/** Draws wrapped lines from a first baseline; returns the baseline after the last line. */
export function drawLines(
  page: PDFPage,
  lines: TextLine[],
  x: number,
  baseline: number,
  size: number,
  color: Color = INK,
  lead = size * LEADING,
  align: 'left' | 'center' = 'left',
  width = 0,
): number {
  let y = baseline;
  for (const l of lines) {
    const dx = align === 'center' ? (width - l.width) / 2 : 0;
    for (const s of l.segments) page.drawText(s.text, { x: x + dx + s.x, y, size, font: s.font, color });
    y -= lead;
  }
  return y;
}

/** Something of known height that draws itself from its top-left corner. */
export interface Drawable {
  height: number;
  draw(page: PDFPage, x: number, top: number): void;
}

export interface GuideMeta {
  /** PDF title, e.g. "Hướng dẫn cho doanh nghiệp – UBND phường Đức Giang". */
  title: string;
  /** Left of every page's header: "UBND phường Đức Giang". */
  headerLeft: string;
  /** Right of every page's header: "Hướng dẫn cho doanh nghiệp". */
  headerRight: string;
}

/** A guide being written: the document, its fonts, the current page and the cursor (top-down). */
export class GuideDoc {
  page!: PDFPage;
  /** The cursor: the top of the next thing to place, in points from the page's bottom. */
  y = 0;
  readonly pages: PDFPage[] = [];

  private constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly meta: GuideMeta,
  ) {
    this.newPage();
  }

  static async create(meta: GuideMeta): Promise<GuideDoc> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const fonts: Fonts = {
      regular: await doc.embedFont(faceBytes('regular'), { subset: true }),
      bold: await doc.embedFont(faceBytes('bold'), { subset: true }),
      italic: await doc.embedFont(faceBytes('italic'), { subset: true }),
    };
    doc.setTitle(cleanText(meta.title), { showInWindowTitleBar: true });
    doc.setLanguage('vi-VN');
    doc.setProducer('Thong hanh');
    doc.setCreator('Thong hanh');
    return new GuideDoc(doc, fonts, meta);
  }

  /** The lowest point content may reach. */
  get floor(): number {
    return MARGIN_BOTTOM;
  }

  newPage(): void {
    this.page = this.doc.addPage([A4_W, A4_H]);
    this.pages.push(this.page);
    this.y = A4_H - MARGIN_TOP;
  }

  /** Moves to a new page unless `height` fits below the cursor. */
  ensure(height: number): void {
    if (this.y - height < this.floor) this.newPage();
  }

  space(pt: number): void {
    this.y -= pt;
  }

  /** A section heading, kept with at least `keep` points of what follows. */
  heading(text: string, level: 1 | 2 = 1, keep = 70): void {
    const size = level === 1 ? 14 : 11.5;
    const lines = wrapRich(text, this.fonts, size, CONTENT_W, this.fonts.bold);
    const h = lines.length * size * 1.3 + (level === 1 ? 10 : 4);
    this.space(level === 1 ? 10 : 6);
    this.ensure(h + keep);
    let y = this.y - size;
    y = drawLines(this.page, lines, MARGIN_X, y, size, level === 1 ? BRAND : INK, size * 1.3);
    if (level === 1) {
      const ry = y + size * 1.3 - 5;
      this.page.drawLine({
        start: { x: MARGIN_X, y: ry },
        end: { x: A4_W - MARGIN_X, y: ry },
        thickness: 1,
        color: BRAND,
      });
    }
    this.y -= h;
  }

  /** A paragraph (with **bold** words), line by line across pages. */
  paragraph(
    text: string,
    o: { size?: number; indent?: number; color?: Color; italic?: boolean; after?: number } = {},
  ): void {
    const size = o.size ?? BODY_SIZE;
    const indent = o.indent ?? 0;
    const lines = wrapRich(text, this.fonts, size, CONTENT_W - indent, o.italic ? this.fonts.italic : undefined);
    this.lines(lines, MARGIN_X + indent, size, o.color);
    this.space(o.after ?? size * 0.5);
  }

  private lines(lines: TextLine[], x: number, size: number, color?: Color): void {
    const lead = size * LEADING;
    for (const l of lines) {
      this.ensure(lead);
      drawLines(this.page, [l], x, this.y - size, size, color);
      this.y -= lead;
    }
  }

  /** A numbered or bulleted list with hanging indents. */
  list(items: readonly string[], numbered: boolean, size = BODY_SIZE): void {
    const indent = numbered ? 16 : 13;
    items.forEach((item, i) => {
      const lines = wrapRich(item, this.fonts, size, CONTENT_W - indent);
      const lead = size * LEADING;
      this.ensure(Math.min(lines.length, 2) * lead);
      const mark = numbered ? `${i + 1}.` : '•';
      const font = numbered ? this.fonts.bold : this.fonts.regular;
      this.page.drawText(mark, { x: MARGIN_X + 2, y: this.y - size, size, font, color: numbered ? BRAND : INK });
      this.lines(lines, MARGIN_X + indent, size);
      this.space(size * 0.3);
    });
    this.space(size * 0.3);
  }

  /** A boxed remark: `warn` on amber with a thick left rule, `info` on light blue. */
  note(text: string, tone: 'info' | 'warn' = 'info'): void {
    const size = BODY_SIZE;
    const pad = 7;
    const lines = wrapRich(text, this.fonts, size, CONTENT_W - 2 * pad - 6);
    const h = lines.length * size * LEADING + 2 * pad - (size * LEADING - size);
    this.ensure(h + 4);
    const top = this.y;
    const fill = tone === 'warn' ? hex('#fff3cd') : hex('#e8eefb');
    const rule = tone === 'warn' ? hex('#d39e00') : BRAND;
    this.page.drawRectangle({ x: MARGIN_X, y: top - h, width: CONTENT_W, height: h, color: fill });
    this.page.drawRectangle({ x: MARGIN_X, y: top - h, width: 4, height: h, color: rule });
    drawLines(
      this.page,
      lines,
      MARGIN_X + pad + 6,
      top - pad - size * 0.9,
      size,
      tone === 'warn' ? hex('#5c4400') : INK,
    );
    this.y = top - h - 8;
  }

  /** Reserves `height` (a new page if needed) and lets `draw` paint it from the top-left (x, top). */
  block(height: number, draw: (page: PDFPage, x: number, top: number) => void, after = 8): void {
    this.ensure(height);
    draw(this.page, MARGIN_X, this.y);
    this.y -= height + after;
  }

  /** Places a drawable at the cursor (a new page if it does not fit). */
  place(d: Drawable, after = 8): void {
    this.block(d.height, (page, x, top) => d.draw(page, x, top), after);
  }

  /** Header and footer on every page, then the bytes. */
  async save(): Promise<Uint8Array> {
    const f = this.fonts;
    const n = this.pages.length;
    this.pages.forEach((p, i) => {
      const hy = A4_H - 11 * MM;
      p.drawText(cleanText(this.meta.headerLeft), { x: MARGIN_X, y: hy, size: 8.5, font: f.bold, color: MUTED });
      const right = cleanText(this.meta.headerRight);
      p.drawText(right, {
        x: A4_W - MARGIN_X - f.regular.widthOfTextAtSize(right, 8.5),
        y: hy,
        size: 8.5,
        font: f.regular,
        color: MUTED,
      });
      p.drawLine({
        start: { x: MARGIN_X, y: hy - 4 },
        end: { x: A4_W - MARGIN_X, y: hy - 4 },
        thickness: 0.5,
        color: MUTED,
      });
      const foot = `Trang ${i + 1}/${n}`;
      p.drawText(foot, {
        x: A4_W - MARGIN_X - f.regular.widthOfTextAtSize(foot, 8.5),
        y: 9 * MM,
        size: 8.5,
        font: f.regular,
        color: MUTED,
      });
      p.drawText(cleanText(`${this.meta.headerLeft} · ${this.meta.headerRight}`), {
        x: MARGIN_X,
        y: 9 * MM,
        size: 8.5,
        font: f.regular,
        color: MUTED,
      });
    });
    return this.doc.save();
  }
}
