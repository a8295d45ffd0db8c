import { type PDFPage, rgb } from 'pdf-lib';
import { formatDate } from '../pdf/permit-print-data.js';
import { type GuideContext, inSentence } from './guide-context.js';
import {
  BRAND,
  CONTENT_W,
  type Drawable,
  drawLines,
  type Fonts,
  type GuideDoc,
  hex,
  INK,
  MUTED,
  wrapRich,
} from './guide-layout.js';

/** Pieces both printable guides share: the title block, numbered markers, boxes side by side. */

const WHITE = rgb(1, 1, 1);

/** The first page's top: the ward (as on its documents), the title, and the facts every reader needs. */
export function titleBlock(g: GuideDoc, ctx: GuideContext, title: string, subtitle: string, facts: string[]): void {
  const f = g.fonts;
  const district = `UBND ${inSentence(ctx.ward.districtName)}`.toUpperCase();
  const ward = `UBND ${inSentence(ctx.ward.wardName)}`.toUpperCase();
  g.block(30, (page, x, top) => {
    page.drawText(district, { x, y: top - 10, size: 10, font: f.regular, color: INK });
    page.drawText(ward, { x, y: top - 24, size: 11, font: f.bold, color: INK });
    const w = f.bold.widthOfTextAtSize(ward, 11);
    page.drawLine({
      start: { x: x + w / 2 - 25, y: top - 29 },
      end: { x: x + w / 2 + 25, y: top - 29 },
      thickness: 0.6,
    });
  });
  g.space(8);
  const titleLines = wrapRich(title, f, 20, CONTENT_W, f.bold);
  g.block(titleLines.length * 25, (page, x, top) => {
    drawLines(page, titleLines, x, top - 19, 20, BRAND, 25);
  });
  g.paragraph(subtitle, { size: 12, color: INK, after: 8 });
  const size = 10;
  const lines = facts.map((t) => wrapRich(t, f, size, CONTENT_W - 20));
  const h = lines.reduce((s, l) => s + l.length * size * 1.4, 0) + 16;
  g.block(h, (page, x, top) => {
    page.drawRectangle({ x, y: top - h, width: CONTENT_W, height: h, color: hex('#e8eefb') });
    page.drawRectangle({ x, y: top - h, width: 4, height: h, color: BRAND });
    let y = top - 8 - size;
    for (const l of lines) y = drawLines(page, l, x + 12, y, size, INK, size * 1.4);
  });
  g.space(4);
}

/** The facts line about the ward's desk and deadline, from its settings. */
export function deskFacts(ctx: GuideContext): string[] {
  const ward = `UBND ${inSentence(ctx.ward.wardName)}`;
  return [
    `**Địa chỉ hệ thống:** ${ctx.publicUrl}`,
    ctx.deskEmail ? `**Bộ phận Một cửa ${ward}:** ${ctx.deskEmail}` : `**Bộ phận Một cửa:** tại trụ sở ${ward}`,
    `**Thời hạn xử lý hồ sơ:** ${ctx.dueDays} ngày kể từ khi nộp`,
    `**Ngày lập tài liệu:** ${formatDate(ctx.today)}`,
  ];
}

/** A numbered marker (white number on a brand disc) centred at (cx, cy). */
export function marker(page: PDFPage, fonts: Fonts, n: number, cx: number, cy: number, r = 7): void {
  page.drawCircle({ x: cx, y: cy, size: r, color: BRAND, borderColor: WHITE, borderWidth: 1.2 });
  const t = String(n);
  const size = r * 1.3;
  page.drawText(t, {
    x: cx - fonts.bold.widthOfTextAtSize(t, size) / 2,
    y: cy - size * 0.36,
    size,
    font: fonts.bold,
    color: WHITE,
  });
}

/** A numbered legend: marker, then text wrapped beside it; `width` wide. */
export function legend(fonts: Fonts, items: string[], width: number, size = 9.5): Drawable {
  const lines = items.map((t) => wrapRich(t, fonts, size, width - 22));
  const gap = 6;
  const height = lines.reduce((h, l) => h + l.length * size * 1.38 + gap, 0);
  return {
    height,
    draw(page, x, top) {
      let y = top;
      lines.forEach((l, i) => {
        marker(page, fonts, i + 1, x + 8, y - size * 0.6);
        drawLines(page, l, x + 22, y - size * 0.95, size, INK, size * 1.38);
        y -= l.length * size * 1.38 + gap;
      });
    },
  };
}

/** Boxes side by side, each a title and some lines, the same height. */
export function sideBySide(fonts: Fonts, boxes: Array<{ title: string; lines: string[] }>, width: number): Drawable {
  const gap = 10;
  const w = (width - gap * (boxes.length - 1)) / boxes.length;
  const size = 9.5;
  const laid = boxes.map((b) => ({
    title: wrapRich(b.title, fonts, 11, w - 16, fonts.bold),
    body: b.lines.map((l) => wrapRich(l, fonts, size, w - 26)),
  }));
  const height =
    Math.max(...laid.map((b) => b.title.length * 14 + 6 + b.body.reduce((h, l) => h + l.length * size * 1.38 + 4, 0))) +
    16;
  return {
    height,
    draw(page, x, top) {
      laid.forEach((b, i) => {
        const bx = x + i * (w + gap);
        page.drawRectangle({ x: bx, y: top - height, width: w, height, borderColor: BRAND, borderWidth: 1 });
        let y = drawLines(page, b.title, bx + 8, top - 8 - 11, 11, BRAND, 14) - 4;
        for (const l of b.body) {
          page.drawText('•', { x: bx + 10, y, size, font: fonts.regular, color: INK });
          y = drawLines(page, l, bx + 20, y, size, INK, size * 1.38) - 4;
        }
      });
    },
  };
}

/** A row of boxes joined by arrows (the procedure at a glance). */
export function flow(fonts: Fonts, steps: string[], width: number): Drawable {
  const arrow = 14;
  const w = (width - arrow * (steps.length - 1)) / steps.length;
  const size = 8.8;
  const laid = steps.map((s) => wrapRich(s, fonts, size, w - 8));
  const height = Math.max(...laid.map((l) => l.length)) * size * 1.3 + 14;
  return {
    height,
    draw(page, x, top) {
      laid.forEach((l, i) => {
        const bx = x + i * (w + arrow);
        page.drawRectangle({
          x: bx,
          y: top - height,
          width: w,
          height,
          color: hex('#e8eefb'),
          borderColor: BRAND,
          borderWidth: 1,
        });
        const textH = l.length * size * 1.3;
        drawLines(page, l, bx + 4, top - (height - textH) / 2 - size * 0.95, size, INK, size * 1.3, 'center', w - 8);
        if (i < laid.length - 1) {
          const ax = bx + w + 2;
          const ay = top - height / 2;
          page.drawLine({ start: { x: ax, y: ay }, end: { x: ax + arrow - 5, y: ay }, thickness: 1.4, color: BRAND });
          page.drawSvgPath(`M 0 0 L 6 4 L 0 8 Z`, { x: ax + arrow - 7, y: ay + 4, color: BRAND });
        }
      });
    },
  };
}

/** Muted small text. */
export const MUTED_INK = MUTED;
