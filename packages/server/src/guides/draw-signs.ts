import {
  DECISION_TEXT,
  GUIDE_COLOURS,
  type GuideEntry,
  type GuideIcon,
  type GuideTone,
  type ScreenSign,
} from '@thonghanh/core';
import { type Color, LineCapStyle, type PDFPage, rgb } from 'pdf-lib';
import { BODY_SIZE, type Drawable, drawLines, type Fonts, hex, INK, LEADING, MUTED, wrapRich } from './guide-layout.js';

export type { Drawable } from './guide-layout.js';

/**
 * The checkpoint app's signs on paper: the same icon, colours and words as on screen (core's
 * checkpoint guide), drawn as vectors (the font has no ✓ ✕ ⚠ glyphs), and the card that
 * explains one of them.
 */

const WHITE = rgb(1, 1, 1);

/** An icon centred in a square of side `s` whose top-left is (x, top). */
export function drawIcon(
  page: PDFPage,
  fonts: Fonts,
  icon: GuideIcon,
  x: number,
  top: number,
  s: number,
  color: Color,
) {
  const stroke = (d: string, w = 0.13) =>
    page.drawSvgPath(d, {
      x,
      y: top,
      scale: s,
      borderColor: color,
      // The path is scaled by `s`, its line width with it.
      borderWidth: w,
      borderLineCap: LineCapStyle.Round,
    });
  switch (icon) {
    case '✓':
      return stroke('M 0.14 0.54 L 0.4 0.8 L 0.88 0.22', 0.16);
    case '✕':
      stroke('M 0.2 0.2 L 0.8 0.8', 0.16);
      return stroke('M 0.8 0.2 L 0.2 0.8', 0.16);
    case '⚠':
      stroke('M 0.5 0.08 L 0.95 0.9 L 0.05 0.9 Z', 0.09);
      stroke('M 0.5 0.38 L 0.5 0.62', 0.11);
      return page.drawCircle({ x: x + 0.5 * s, y: top - 0.76 * s, size: 0.06 * s, color });
    case 'ℹ':
      page.drawCircle({ x: x + 0.5 * s, y: top - 0.5 * s, size: 0.42 * s, borderColor: color, borderWidth: 0.08 * s });
      stroke('M 0.5 0.45 L 0.5 0.74', 0.12);
      return page.drawCircle({ x: x + 0.5 * s, y: top - 0.29 * s, size: 0.065 * s, color });
    case '○':
      return page.drawCircle({
        x: x + 0.5 * s,
        y: top - 0.55 * s,
        size: 0.3 * s,
        borderColor: color,
        borderWidth: 0.09 * s,
      });
    case '↑':
      stroke('M 0.5 0.88 L 0.5 0.14', 0.12);
      return stroke('M 0.22 0.42 L 0.5 0.14 L 0.78 0.42', 0.12);
    case '?': {
      const size = s * 1.05;
      const w = fonts.bold.widthOfTextAtSize('?', size);
      return page.drawText('?', { x: x + (s - w) / 2, y: top - s * 0.86, size, font: fonts.bold, color });
    }
  }
}

const colours = (tone: GuideTone) => GUIDE_COLOURS[tone];

/** A rounded rectangle, filled and/or outlined, its top-left at (x, top). */
export function roundRect(
  page: PDFPage,
  x: number,
  top: number,
  w: number,
  h: number,
  r: number,
  o: { fill?: Color; border?: Color; borderWidth?: number },
) {
  const d = `M ${r} 0 H ${w - r} Q ${w} 0 ${w} ${r} V ${h - r} Q ${w} ${h} ${w - r} ${h} H ${r} Q 0 ${h} 0 ${h - r} V ${r} Q 0 0 ${r} 0 Z`;
  page.drawSvgPath(d, {
    x,
    y: top,
    ...(o.fill ? { color: o.fill } : {}),
    ...(o.border ? { borderColor: o.border, borderWidth: o.borderWidth ?? 1 } : {}),
  });
}

/** A sign as the app shows it, `width` wide; `scale` 1 is the size used in the verdict cards. */
export function signDrawable(fonts: Fonts, sign: ScreenSign, width: number, scale = 1): Drawable {
  const c = colours(sign.tone);
  const pad = 6 * scale;
  switch (sign.style) {
    case 'headline': {
      const titleSize = 13 * scale;
      const reasonSize = 11 * scale;
      const icon = titleSize * 1.15;
      const ink = sign.tone === 'neutral' ? hex(c.ink) : WHITE;
      const titleLines = wrapRich(sign.title ?? '', fonts, titleSize, width - 2 * pad - icon - 4, fonts.bold);
      const reasonLines = sign.reason ? wrapRich(sign.reason, fonts, reasonSize, width - 2 * pad, fonts.bold) : [];
      const textSize = 9.5 * scale;
      const textLines = sign.text ? wrapRich(sign.text, fonts, textSize, width) : [];
      const boxH =
        2 * pad +
        Math.max(icon, titleLines.length * titleSize * 1.2) +
        reasonLines.length * reasonSize * 1.25 +
        (reasonLines.length ? 2 : 0);
      const height = boxH + (textLines.length ? 5 * scale + textLines.length * textSize * LEADING : 0);
      return {
        height,
        draw(page, x, top) {
          roundRect(page, x, top, width, boxH, 5 * scale, {
            fill: hex(c.fill),
            ...(sign.tone === 'neutral' ? { border: hex(c.border), borderWidth: 1.5 * scale } : {}),
          });
          drawIcon(page, fonts, sign.icon, x + pad, top - pad, icon, ink);
          let y = drawLines(
            page,
            titleLines,
            x + pad + icon + 4,
            top - pad - titleSize * 0.95,
            titleSize,
            ink,
            titleSize * 1.2,
          );
          if (reasonLines.length) {
            y = Math.min(y, top - pad - icon - 2) + titleSize * 1.2 - reasonSize * 0.2;
            drawLines(page, reasonLines, x + pad, y - reasonSize * 1.05, reasonSize, ink, reasonSize * 1.25);
          }
          if (textLines.length) drawLines(page, textLines, x, top - boxH - 5 * scale - textSize, textSize, INK);
        },
      };
    }
    case 'warning':
    case 'notice': {
      const size = 9.5 * scale;
      const icon = size * 1.3;
      const fill = hex(sign.style === 'warning' ? GUIDE_COLOURS.warn.fill : c.noticeFill);
      const ink = hex(sign.style === 'warning' ? GUIDE_COLOURS.warn.ink : c.noticeInk);
      const border = hex(sign.style === 'warning' ? GUIDE_COLOURS.warn.border : c.border);
      const lines = wrapRich(sign.text ?? '', fonts, size, width - 2 * pad - icon - 3);
      const height = 2 * pad + Math.max(icon, lines.length * size * 1.3) - 1;
      return {
        height,
        draw(page, x, top) {
          roundRect(page, x, top, width, height, 4 * scale, { fill, border, borderWidth: 1.4 * scale });
          drawIcon(page, fonts, sign.icon, x + pad, top - pad + 1, icon, ink);
          drawLines(page, lines, x + pad + icon + 3, top - pad - size * 0.95, size, ink, size * 1.3);
        },
      };
    }
    case 'status': {
      const size = 9.5 * scale;
      const icon = size * 1.2;
      const text = wrapRich(sign.title ?? '', fonts, size, width - 4 * pad - icon, fonts.bold);
      const pillW = Math.min(width - 2 * pad, (text[0]?.width ?? 0) + icon + 3 + 2 * pad);
      const height = 2 * pad + text.length * size * 1.3 + 4;
      return {
        height,
        draw(page, x, top) {
          roundRect(page, x, top, width, height, 4 * scale, { fill: hex(GUIDE_COLOURS.brand) });
          roundRect(page, x + pad, top - pad, pillW, height - 2 * pad, 3 * scale, {
            fill: hex(GUIDE_COLOURS.warn.fill),
          });
          const ink = hex(GUIDE_COLOURS.warn.ink);
          drawIcon(page, fonts, sign.icon, x + 2 * pad - 2, top - pad - 1, icon, ink);
          drawLines(page, text, x + 2 * pad + icon + 1, top - pad - 2 - size * 0.95, size, ink, size * 1.3);
        },
      };
    }
  }
}

const DECISION_COLOUR = { pass: hex('#053d19'), refuse: hex('#7a0016'), check: hex('#5c4400') } as const;

/**
 * One entry of the checkpoint guide as a card: the sign as on screen on the left; on the
 * right what it means, what the officer does next and the bottom line.
 */
export function entryCard(fonts: Fonts, e: GuideEntry, width: number): Drawable {
  const pad = 7;
  const leftW = Math.min(200, width * 0.4);
  const rightX = pad + leftW + 10;
  const rightW = width - rightX - pad;
  const sign = signDrawable(fonts, e.sign, leftW);
  const size = BODY_SIZE - 0.5;
  const lead = size * LEADING;
  const meaning = wrapRich(`**Nghĩa là:** ${e.meaning}`, fonts, size, rightW);
  // Numbered when there are several steps, the number hanging left of the text.
  const hang = e.next.length > 1 ? 12 : 0;
  const next = e.next.map((n) => wrapRich(n, fonts, size, rightW - 4 - hang));
  const decision = e.decision
    ? wrapRich(`Kết luận: ${DECISION_TEXT[e.decision]}`, fonts, size, rightW, fonts.bold)
    : [];
  const rightH =
    meaning.length * lead + 4 + lead + next.reduce((h, l) => h + l.length * lead + 1, 0) + 4 + decision.length * lead;
  const height = 2 * pad + Math.max(sign.height, rightH) - (lead - size);
  return {
    height,
    draw(page, x, top) {
      roundRect(page, x, top, width, height, 5, { border: rgb(0.75, 0.75, 0.75), borderWidth: 0.8 });
      sign.draw(page, x + pad, top - pad);
      let y = top - pad - size * 0.95;
      y = drawLines(page, meaning, x + rightX, y, size, INK, lead) - 4;
      y = drawLines(page, wrapRich('**Cán bộ làm gì:**', fonts, size, rightW), x + rightX, y, size, INK, lead);
      next.forEach((l, i) => {
        if (hang) page.drawText(`${i + 1}.`, { x: x + rightX + 4, y, size, font: fonts.regular, color: INK });
        y = drawLines(page, l, x + rightX + 4 + hang, y, size, INK, lead) - 1;
      });
      if (e.decision) drawLines(page, decision, x + rightX, y - 4, size, DECISION_COLOUR[e.decision], lead);
    },
  };
}

/** A caption in small italic under a picture, centred on `width`. */
export function caption(fonts: Fonts, text: string, width: number, size = 8.5): Drawable {
  const lines = wrapRich(text, fonts, size, width, fonts.italic);
  return {
    height: lines.length * size * 1.3,
    draw(page, x, top) {
      drawLines(page, lines, x, top - size, size, MUTED, size * 1.3, 'center', width);
    },
  };
}
