import { GUIDE_COLOURS, type ScreenSign } from '@thonghanh/core';
import { rgb } from 'pdf-lib';
import { type Drawable, roundRect, signDrawable } from './draw-signs.js';
import { drawLines, type Fonts, hex, wrapRich } from './guide-layout.js';

/** What a picture of the checkpoint app's verdict screen shows. */
export interface PhoneScreen {
  checkpointName: string;
  verdict: ScreenSign;
  /** Warnings and notices under the verdict, in order. */
  below: ScreenSign[];
  /** The permit's details (label, value). */
  details: Array<[string, string]>;
}

const WHITE = rgb(1, 1, 1);
const BRAND = hex(GUIDE_COLOURS.brand);

/**
 * A drawing of the checkpoint app's verdict screen on a phone, `width` wide: the top bar
 * (checkpoint, network, list ages, scan log), the verdict and what is under it, the details,
 * and the bottom bar (Quét tiếp, Nhập tay, Nhật ký, Cài đặt). Outlined, not filled, so that it
 * prints light.
 */
export function phoneDrawable(fonts: Fonts, screen: PhoneScreen, width: number): Drawable {
  const bezel = 6;
  const sw = width - 2 * bezel;
  const pad = 6;
  const inner = sw - 2 * pad;
  const scale = 0.72;
  const signs = [screen.verdict, ...screen.below].map((s) => signDrawable(fonts, s, inner, scale));
  const detailSize = 6.6;
  const labelW = inner * 0.34;
  const rows = screen.details.map(([k, v]) => {
    const label = wrapRich(k, fonts, detailSize, labelW - 4);
    const lines = wrapRich(v, fonts, detailSize, inner - labelW, fonts.bold);
    return { label, lines, h: Math.max(label.length, lines.length) * detailSize * 1.3 + 5 };
  });
  const topBarH = 42;
  const metaH = 14;
  const signsH = signs.reduce((h, s) => h + s.height + 5, 0);
  const detailsH = rows.reduce((h, r) => h + r.h, 0);
  const bottomH = 58;
  const screenH = topBarH + metaH + signsH + 4 + detailsH + 8 + bottomH;
  const height = screenH + 2 * bezel + 14;
  return {
    height,
    draw(page, x, top) {
      roundRect(page, x, top, width, height, 14, { border: rgb(0.2, 0.2, 0.2), borderWidth: 1.6, fill: WHITE });
      // The speaker slot.
      roundRect(page, x + width / 2 - 14, top - 5, 28, 3, 1.5, { fill: rgb(0.6, 0.6, 0.6) });
      const sx = x + bezel;
      const stop = top - bezel - 6;
      roundRect(page, sx, stop, sw, screenH, 4, { border: rgb(0.75, 0.75, 0.75), borderWidth: 0.5 });
      // Top bar.
      page.drawRectangle({ x: sx, y: stop - topBarH, width: sw, height: topBarH, color: BRAND });
      const name = fonts.bold;
      page.drawText(screen.checkpointName, { x: sx + pad, y: stop - 12, size: 8, font: name, color: WHITE });
      const net = 'Có mạng';
      const netW = fonts.bold.widthOfTextAtSize(net, 6.5);
      page.drawCircle({ x: sx + sw - pad - netW - 5, y: stop - 9.8, size: 2, color: WHITE });
      page.drawText(net, { x: sx + sw - pad - netW, y: stop - 12, size: 6.5, font: fonts.bold, color: WHITE });
      const ages = 'Danh sách cập nhật — tin cậy: 5 phút · thu hồi: 5 phút · khu vực: 2 giờ';
      let agesSize = 5.4;
      while (fonts.regular.widthOfTextAtSize(ages, agesSize) > inner && agesSize > 3.5) agesSize -= 0.1;
      page.drawText(ages, { x: sx + pad, y: stop - 23, size: agesSize, font: fonts.regular, color: WHITE });
      page.drawText('Nhật ký quét đã gửi hết', {
        x: sx + pad + 7,
        y: stop - 33,
        size: 5.2,
        font: fonts.regular,
        color: WHITE,
      });
      page.drawSvgPath('M 0.14 0.54 L 0.4 0.8 L 0.88 0.22', {
        x: sx + pad,
        y: stop - 27.5,
        scale: 5,
        borderColor: WHITE,
        borderWidth: 0.18,
      });
      // Scan time and the help link.
      let y = stop - topBarH - 9;
      page.drawText('Quét lúc 07:42:10 · lượt 12', {
        x: sx + pad,
        y,
        size: 5.8,
        font: fonts.regular,
        color: rgb(0.27, 0.27, 0.27),
      });
      const help = '? Ý nghĩa kết luận';
      page.drawText(help, {
        x: sx + sw - pad - fonts.bold.widthOfTextAtSize(help, 5.8),
        y,
        size: 5.8,
        font: fonts.bold,
        color: BRAND,
      });
      y = stop - topBarH - metaH;
      for (const s of signs) {
        s.draw(page, sx + pad, y);
        y -= s.height + 5;
      }
      y -= 2;
      for (const r of rows) {
        const base = y - detailSize - 1;
        drawLines(page, r.label, sx + pad, base, detailSize, rgb(0.27, 0.27, 0.27), detailSize * 1.3);
        drawLines(page, r.lines, sx + pad + labelW, base, detailSize, rgb(0.07, 0.07, 0.07), detailSize * 1.3);
        y -= r.h;
        page.drawLine({
          start: { x: sx + pad, y: y + 1.5 },
          end: { x: sx + sw - pad, y: y + 1.5 },
          thickness: 0.4,
          color: rgb(0.85, 0.85, 0.85),
        });
      }
      // Bottom bar.
      const by = stop - screenH + bottomH;
      page.drawLine({
        start: { x: sx, y: by },
        end: { x: sx + sw, y: by },
        thickness: 1,
        color: rgb(0.07, 0.07, 0.07),
      });
      const btnTop = by - 5;
      roundRect(page, sx + pad + 30, btnTop, sw - 2 * pad - 30, 22, 4, { fill: BRAND });
      const next = 'Quét tiếp';
      const nw = fonts.bold.widthOfTextAtSize(next, 9);
      const nx = sx + pad + 30 + (sw - 2 * pad - 30 - nw) / 2 + 5;
      page.drawCircle({ x: nx - 8, y: btnTop - 11 + 0.5, size: 3.2, borderColor: WHITE, borderWidth: 1 });
      page.drawCircle({ x: nx - 8, y: btnTop - 11 + 0.5, size: 1.3, color: WHITE });
      page.drawText(next, { x: nx, y: btnTop - 14, size: 9, font: fonts.bold, color: WHITE });
      // The live camera's corner beside Quét tiếp.
      roundRect(page, sx + pad, btnTop, 26, 22, 3, { fill: rgb(0.2, 0.2, 0.2) });
      const labels = ['Nhập tay', 'Nhật ký', 'Cài đặt'];
      const bw = (sw - 2 * pad - 8) / 3;
      labels.forEach((l, i) => {
        const bx = sx + pad + i * (bw + 4);
        roundRect(page, bx, btnTop - 27, bw, 20, 4, { border: BRAND, borderWidth: 1 });
        const lw = fonts.bold.widthOfTextAtSize(l, 6.8);
        page.drawText(l, { x: bx + (bw - lw) / 2, y: btnTop - 39.5, size: 6.8, font: fonts.bold, color: BRAND });
      });
    },
  };
}
