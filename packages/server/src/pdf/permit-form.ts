import { type QrMatrix, QUIET_ZONE } from '../qr/segments.js';
import { cleanText, type DocFont } from './fonts.js';
import { num } from './pdf-writer.js';
import {
  DEFAULT_VERIFY_CAPTION,
  formatDate,
  formatSchedule,
  ID_TYPE_LABEL,
  type PermitPrintData,
  placeAndDate,
} from './permit-print-data.js';
import { Content, type LayoutCache, type Line, measureRuns, type Run, wrap } from './text-layout.js';

/**
 * The Hà Nội permit form of 2021 (giấy đi đường) on an A5 page, in points, origin bottom-left.
 * The parts that never change (national motto, title) are drawn by `staticFormOps` into a
 * Form XObject that every page reuses; `permitOps` draws the rest of one permit.
 */
export const MM = 72 / 25.4;
export const A5_W = 148 * MM;
export const A5_H = 210 * MM;

const ML = 14 * MM;
const MR = 12 * MM;
const MT = 10 * MM;
const MB = 8 * MM;
const CW = A5_W - ML - MR;
const COL_GAP = 6;
const LEFT_W = CW * 0.42;
const RIGHT_X = ML + LEFT_W + COL_GAP;
const RIGHT_W = CW - LEFT_W - COL_GAP;
const LEFT_MID = ML + LEFT_W / 2;
const RIGHT_MID = RIGHT_X + RIGHT_W / 2;

/** Baseline of the first header line. */
const HEAD_Y = A5_H - MT - 8;
const HEAD_SIZE = 9;
const HEAD_LEAD = 11.5;
/** The left header column holds at most this many lines of unit name. */
const UNIT_MAX_LINES = 3;
const TITLE_SIZE = 15;
const TITLE_Y = HEAD_Y - UNIT_MAX_LINES * HEAD_LEAD - 6 - HEAD_LEAD - 22;
const BODY_TOP = TITLE_Y - 12;

/** The QR box, quiet zone included: 48 mm, so that a V17 symbol has 0.52 mm modules. */
export const QR_BOX = 48 * MM;
const CAPTION_SIZE = 7;
const CAPTION_LEAD = 8.6;
const CAPTION_MAX_LINES = 3;
const QR_BOX_Y = MB + CAPTION_MAX_LINES * CAPTION_LEAD + 3;
const QR_BOX_TOP = QR_BOX_Y + QR_BOX;
/** Lowest point the body text may reach. */
const BODY_FLOOR = QR_BOX_TOP + 6;

const BODY_SIZE = 11;
const BODY_MIN_SIZE = 7.5;

export interface FormFonts {
  regular: DocFont;
  bold: DocFont;
  italic: DocFont;
  /** The document's layout cache (these fonts' encodings). */
  layout: LayoutCache;
}

/** Largest size ≤ max (in steps of 0.25 pt) at which runs fit one line of `width`. */
function fitSize(runs: Run[], max: number, width: number): number {
  let size = max;
  while (size > 5 && measureRuns(runs, size) > width) size -= 0.25;
  return size;
}

function centred(c: Content, lines: Line[], size: number, mid: number, y: number, lead: number): number {
  for (const line of lines) {
    c.line(line, size, mid - line.width / 2, y);
    y -= lead;
  }
  return y;
}

const MOTTO_1 = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO_2 = 'Độc lập - Tự do - Hạnh phúc';
const TITLE = 'GIẤY ĐI ĐƯỜNG';

/** What every permit page shares: the national motto (underlined) and the title. */
export function staticFormOps(f: FormFonts): string {
  const c = new Content();
  const m1: Run[] = [{ font: f.bold, text: MOTTO_1 }];
  const s1 = fitSize(m1, HEAD_SIZE, RIGHT_W);
  centred(c, wrap(m1, s1, RIGHT_W), s1, RIGHT_MID, HEAD_Y, HEAD_LEAD);
  const m2: Run[] = [{ font: f.bold, text: MOTTO_2 }];
  const s2 = fitSize(m2, HEAD_SIZE + 0.5, RIGHT_W);
  const w2 = measureRuns(m2, s2);
  centred(c, wrap(m2, s2, RIGHT_W), s2, RIGHT_MID, HEAD_Y - HEAD_LEAD, HEAD_LEAD);
  const uy = HEAD_Y - HEAD_LEAD - 3;
  c.op(`0.6 w ${num(RIGHT_MID - w2 / 2)} ${num(uy)} m ${num(RIGHT_MID + w2 / 2)} ${num(uy)} l S\n`);
  const t: Run[] = [{ font: f.bold, text: TITLE }];
  centred(c, wrap(t, TITLE_SIZE, CW), TITLE_SIZE, ML + CW / 2, TITLE_Y, 0);
  return c.toString();
}

interface Block {
  lines: Line[];
  size: number;
  lead: number;
  /** Space after the block. */
  gap: number;
}

function regular(f: FormFonts, text: string | undefined): Run {
  return { font: f.regular, text: cleanText(text ?? '') };
}

function bold(f: FormFonts, text: string): Run {
  return { font: f.bold, text: cleanText(text) };
}

/** A label and its value as one paragraph; values that differ on every permit skip the cache. */
function field(f: FormFonts, size: number, label: string, value: Run[], unique: boolean): Block {
  const runs = [{ font: f.regular, text: label }, ...value];
  return {
    lines: unique ? wrap(runs, size, CW) : f.layout.wrap(runs, size, CW),
    size,
    lead: size * 1.32,
    gap: size * 0.22,
  };
}

function bodyBlocks(f: FormFonts, p: PermitPrintData, size: number): Block[] {
  const legalSize = size - 1;
  return [
    {
      lines: f.layout.wrap([{ font: f.italic, text: cleanText(p.legalBasis) }], legalSize, CW),
      size: legalSize,
      lead: legalSize * 1.3,
      gap: size * 0.6,
    },
    field(f, size, 'Cấp cho Ông/Bà:', [bold(f, p.holder)], true),
    field(
      f,
      size,
      'Số CMND/CCCD/Hộ chiếu:',
      [bold(f, p.idNumber), regular(f, `(${ID_TYPE_LABEL[p.idType] ?? p.idType})`)],
      true,
    ),
    field(f, size, 'Chức vụ:', [regular(f, p.position?.trim() ? p.position : '–')], false),
    field(f, size, 'Nơi làm việc:', [regular(f, p.workplace)], false),
    field(f, size, 'Nơi ở:', [regular(f, p.residence)], true),
    field(f, size, 'Lý do:', [regular(f, p.purpose)], false),
    field(
      f,
      size,
      'Lộ trình:',
      [regular(f, 'từ'), regular(f, p.routeFrom), regular(f, 'đến'), regular(f, p.routeTo)],
      true,
    ),
    field(f, size, 'Thời gian làm việc:', [regular(f, formatSchedule(p.schedule))], false),
    field(
      f,
      size,
      'Thời hạn:',
      [regular(f, 'từ ngày'), bold(f, formatDate(p.validFrom)), regular(f, 'đến ngày'), bold(f, formatDate(p.validTo))],
      false,
    ),
  ];
}

function blocksHeight(blocks: Block[]): number {
  let h = 0;
  for (const bl of blocks) h += bl.lines.length * bl.lead + bl.gap;
  return h;
}

/**
 * The content of one permit (without the shared static part), in A5 page coordinates.
 * Long values wrap; when the body would reach the QR block the text size goes down (to
 * 7.5 pt) and, past that, lines that cannot fit are dropped and the last one ends in "…".
 */
export function permitOps(f: FormFonts, p: PermitPrintData, qr: QrMatrix): string {
  // The blocks that repeat from permit to permit (unit, date, caption and signature) are laid
  // out once per document; the serial and the body are laid out for every permit.
  const head = f.layout.ops(`H\u0001${p.unitName}`, () => unitBlock(f, p));
  const date = f.layout.ops(`D\u0001${p.placeName}\u0001${p.issuedOn}`, () => dateBlock(f, p));
  const foot = f.layout.ops(
    `F\u0001${qr.size}\u0001${p.verifyCaption}\u0001${p.signerTitle}\u0001${p.signerName}`,
    () => footBlock(f, p, qr.size),
  );
  const c = new Content();
  // The serial, centred under the rule of the unit block.
  const serial: Run[] = [
    { font: f.regular, text: 'Số:' },
    { font: f.regular, text: cleanText(p.serial) },
  ];
  const serialSize = fitSize(serial, HEAD_SIZE, LEFT_W);
  centred(c, wrap(serial, serialSize, LEFT_W), serialSize, LEFT_MID, unitRuleY(f, p) - HEAD_LEAD, HEAD_LEAD);

  // Body: legal basis and the fields, shrunk until they fit above the QR block.
  let size = BODY_SIZE;
  let blocks = bodyBlocks(f, p, size);
  while (BODY_TOP - blocksHeight(blocks) < BODY_FLOOR && size > BODY_MIN_SIZE) {
    size -= 0.5;
    blocks = bodyBlocks(f, p, size);
  }
  let y = BODY_TOP - (blocks[0] as Block).size;
  outer: for (const bl of blocks) {
    for (let i = 0; i < bl.lines.length; i++) {
      if (y - bl.size * 0.25 < BODY_FLOOR) break outer;
      const last =
        y - bl.lead - bl.size * 0.25 < BODY_FLOOR && (i < bl.lines.length - 1 || bl !== blocks[blocks.length - 1]);
      const line = last ? ellipsis(f, bl.lines[i] as Line, bl.size, CW) : (bl.lines[i] as Line);
      c.line(line, bl.size, ML, y);
      y -= bl.lead;
    }
    y -= bl.gap;
  }
  return head + date + c.toString() + foot;
}

/** The unit name (bold, upper case, ≤ 3 lines) of the header's left column, and its size. */
function unitLines(f: FormFonts, p: PermitPrintData): { lines: Line[]; size: number } {
  const unit: Run[] = [{ font: f.bold, text: cleanText(p.unitName).toUpperCase() }];
  let size = HEAD_SIZE;
  let lines = f.layout.wrap(unit, size, LEFT_W);
  while (lines.length > UNIT_MAX_LINES && size > 6.5) {
    size -= 0.5;
    lines = f.layout.wrap(unit, size, LEFT_W);
  }
  return { lines: clip(f, lines, UNIT_MAX_LINES, size, LEFT_W), size };
}

/** The height of the short rule under the unit name. */
function unitRuleY(f: FormFonts, p: PermitPrintData): number {
  const { lines, size } = unitLines(f, p);
  return HEAD_Y - (lines.length - 1) * size * 1.25 - 4.5;
}

function unitBlock(f: FormFonts, p: PermitPrintData): string {
  const c = new Content();
  const { lines, size } = unitLines(f, p);
  centred(c, lines, size, LEFT_MID, HEAD_Y, size * 1.25);
  const ruleY = unitRuleY(f, p);
  c.op(`0.5 w ${num(LEFT_MID - 18)} ${num(ruleY)} m ${num(LEFT_MID + 18)} ${num(ruleY)} l S\n`);
  return c.toString();
}

/** Under the motto: place and date, italic. */
function dateBlock(f: FormFonts, p: PermitPrintData): string {
  const c = new Content();
  const date: Run[] = [{ font: f.italic, text: cleanText(placeAndDate(p.placeName, p.issuedOn)) }];
  const size = Math.max(7, fitSize(date, HEAD_SIZE, RIGHT_W));
  centred(
    c,
    clip(f, wrap(date, size, RIGHT_W), 2, size, RIGHT_W),
    size,
    RIGHT_MID,
    HEAD_Y - 2 * HEAD_LEAD - 6,
    HEAD_LEAD,
  );
  return c.toString();
}

/** The QR caption (under the code, which the caller draws at qrTransform) and the signature block. */
function footBlock(f: FormFonts, p: PermitPrintData, qrSize: number): string {
  const c = new Content();
  const box = QR_BOX;
  const module = box / (qrSize + 2 * QUIET_ZONE);
  const boxX = ML - QUIET_ZONE * module;
  const caption: Run[] = [{ font: f.italic, text: cleanText(p.verifyCaption ?? DEFAULT_VERIFY_CAPTION) }];
  const capW = box - 2 * QUIET_ZONE * module + 8;
  const capLines = clip(f, wrap(caption, CAPTION_SIZE, capW), CAPTION_MAX_LINES, CAPTION_SIZE, capW);
  centred(c, capLines, CAPTION_SIZE, boxX + box / 2, QR_BOX_Y - CAPTION_SIZE + 1, CAPTION_LEAD);

  // Signature block (right): title, hint, room to sign, name.
  const sigW = A5_W - MR - (boxX + box + 8);
  const sigMid = boxX + box + 8 + sigW / 2;
  const title: Run[] = [{ font: f.bold, text: cleanText(p.signerTitle).toUpperCase() }];
  const titleSize = 10;
  let y = QR_BOX_TOP - titleSize - 4;
  y = centred(c, clip(f, wrap(title, titleSize, sigW), 2, titleSize, sigW), titleSize, sigMid, y, titleSize * 1.25);
  const hint: Run[] = [{ font: f.italic, text: '(Ký, ghi rõ họ tên, đóng dấu)' }];
  centred(c, wrap(hint, 8.5, sigW), 8.5, sigMid, y + 1, 10);
  if (p.signerName?.trim()) {
    const name: Run[] = [{ font: f.bold, text: cleanText(p.signerName) }];
    centred(c, clip(f, wrap(name, 10.5, sigW), 2, 10.5, sigW), 10.5, sigMid, QR_BOX_Y + 22, 13);
  }
  return c.toString();
}

/**
 * Where the QR block sits on the A5 page, in points from the bottom-left: the 48 mm box of the
 * code with its quiet zone, and the caption under it (pictures of the form point at it).
 */
export function qrBlock(size: number): { x: number; y: number; width: number; height: number } {
  const module = QR_BOX / (size + 2 * QUIET_ZONE);
  return { x: ML - QUIET_ZONE * module, y: MB, width: QR_BOX, height: QR_BOX_TOP - MB };
}

/**
 * The operators that put a QR path (qr-path.ts, module units) in its box and fill it black:
 * `qrTransform(size) + path + "f Q\n"`; with `unitSquare`, for an image drawn in the unit square.
 */
export function qrTransform(size: number, unitSquare = false): string {
  const module = QR_BOX / (size + 2 * QUIET_ZONE);
  const x = ML - QUIET_ZONE * module + QUIET_ZONE * module;
  const y = QR_BOX_Y + QUIET_ZONE * module;
  const k = unitSquare ? module * size : module;
  return `q 0 g ${num4(k)} 0 0 ${num4(k)} ${num4(x)} ${num4(y)} cm\n`;
}

function num4(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

/** At most `max` lines; the last kept line ends in "…" when some were dropped. */
function clip(f: FormFonts, lines: Line[], max: number, size: number, width: number): Line[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = ellipsis(f, kept[max - 1] as Line, size, width);
  return kept;
}

/** The line with "…" appended, dropping its last pieces' text from the end until it fits. */
function ellipsis(f: FormFonts, line: Line, size: number, width: number): Line {
  const pieces = line.pieces.map((p) => ({ ...p }));
  const last = pieces[pieces.length - 1];
  const font = last?.font ?? f.regular;
  const dots = font.char(0x2026);
  const dotsW = (dots.width * size) / 1000;
  // Drop CIDs (4 hex digits) from the end of the last piece until the dots fit.
  let w = line.width;
  while (last && w + dotsW > width && last.hex.length > 4) {
    last.hex = last.hex.slice(0, -4);
    w = last.x + widthOfHex(font, last.hex, size);
  }
  if (last) last.hex += dots.hex;
  else pieces.push({ font, hex: dots.hex, x: 0 });
  return { pieces, width: w + dotsW };
}

function widthOfHex(font: DocFont, hex: string, size: number): number {
  let w = 0;
  for (let i = 0; i < hex.length; i += 4) w += font.cidWidthOf(Number.parseInt(hex.slice(i, i + 4), 16));
  return (w * size) / 1000;
}
