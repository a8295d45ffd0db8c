import type { DocFont } from './fonts.js';
import { num } from './pdf-writer.js';

/** A stretch of text in one font; the words of consecutive runs are separated by a space. */
export interface Run {
  font: DocFont;
  text: string;
}

/** Text in one font placed at `x` from the start of its line. */
export interface Piece {
  font: DocFont;
  hex: string;
  x: number;
}

export interface Line {
  pieces: Piece[];
  /** Width in points. */
  width: number;
}

/**
 * Greedy line breaking at spaces, with widths from the fonts' advance widths (no kerning, the
 * same widths the PDF viewer uses). A word wider than the line is broken between characters.
 * Run texts must already be cleaned (fonts.ts `cleanText`).
 */
export function wrap(runs: Run[], size: number, width: number): Line[] {
  const b = new LineBreaker(size, width);
  for (const run of runs) {
    const font = run.font;
    for (const word of run.text.split(' ')) {
      if (word === '') continue;
      const e = font.encode(word);
      const w = e.width * b.k;
      if (b.lineWidth > 0 && b.lineWidth + font.space.width * b.k + w > width) b.newLine();
      if (w <= width) b.place(font, e.hex, w);
      else b.longWord(font, word);
    }
  }
  return b.finish();
}

/** The state of `wrap` (a class, not closures: this runs for every paragraph of every page). */
class LineBreaker {
  readonly lines: Line[] = [];
  pieces: Piece[] = [];
  lineWidth = 0;
  /** Points per 1/1000 em. */
  readonly k: number;

  constructor(
    size: number,
    readonly width: number,
  ) {
    this.k = size / 1000;
  }

  newLine(): void {
    this.lines.push({ pieces: this.pieces, width: this.lineWidth });
    this.pieces = [];
    this.lineWidth = 0;
  }

  place(font: DocFont, hex: string, w: number): void {
    const space = this.lineWidth > 0 ? font.space.width * this.k : 0;
    const last = this.pieces[this.pieces.length - 1];
    if (last && last.font === font) last.hex += font.space.hex + hex;
    else this.pieces.push({ font, hex, x: this.lineWidth + space });
    this.lineWidth += space + w;
  }

  /** A word longer than the line: as many characters as fit on each line. */
  longWord(font: DocFont, word: string): void {
    let hex = '';
    let cw = 0;
    for (const ch of word) {
      const c = font.char(ch.codePointAt(0) as number);
      const chW = c.width * this.k;
      if (cw + chW > this.width - this.lineWidth && (hex !== '' || this.lineWidth > 0)) {
        if (hex !== '') this.place(font, hex, cw);
        this.newLine();
        hex = '';
        cw = 0;
      }
      hex += c.hex;
      cw += chW;
    }
    if (hex !== '') this.place(font, hex, cw);
  }

  finish(): Line[] {
    if (this.pieces.length > 0 || this.lines.length === 0) this.newLine();
    return this.lines;
  }
}

/** Layouts cached per document before the cache is dropped (keeps memory flat). */
const LAYOUT_CACHE_LIMIT = 5_000;

/**
 * `wrap` with a cache: most paragraphs of a bulk print repeat from permit to permit (the unit,
 * the legal basis, the workplace, the schedule, the caption), so each is broken into lines once.
 * The lines returned are shared: never modify them.
 */
export class LayoutCache {
  private readonly map = new Map<string, Line[]>();
  private readonly blocks = new Map<string, string>();

  /** The operators of a block, made by `make` the first time a key is seen. */
  ops(key: string, make: () => string): string {
    let ops = this.blocks.get(key);
    if (ops === undefined) {
      ops = make();
      if (this.blocks.size >= LAYOUT_CACHE_LIMIT) this.blocks.clear();
      this.blocks.set(key, ops);
    }
    return ops;
  }

  wrap(runs: Run[], size: number, width: number): Line[] {
    let key = `${size}\u0001${width}`;
    for (const r of runs) key += `\u0002${r.font.resourceName}\u0003${r.text}`;
    let lines = this.map.get(key);
    if (!lines) {
      lines = wrap(runs, size, width);
      if (this.map.size >= LAYOUT_CACHE_LIMIT) this.map.clear();
      this.map.set(key, lines);
    }
    return lines;
  }
}

/** Width in points of one line of runs, without breaking. */
export function measureRuns(runs: Run[], size: number): number {
  let w = 0;
  let first = true;
  for (const run of runs) {
    for (const word of run.text.split(' ')) {
      if (word === '') continue;
      if (!first) w += run.font.space.width;
      w += run.font.encode(word).width;
      first = false;
    }
  }
  return (w * size) / 1000;
}

/**
 * Content stream operators, appended to a string. Text goes through `show()`, which keeps one
 * BT…ET block open and sets the font only when it changes.
 */
export class Content {
  s = '';
  private inText = false;
  private font: DocFont | undefined;
  private size = 0;

  /** Shows encoded text with its baseline start at (x, y). */
  show(font: DocFont, size: number, x: number, y: number, hex: string): void {
    if (!this.inText) {
      this.s += 'BT\n';
      this.inText = true;
    }
    if (font !== this.font || size !== this.size) {
      this.s += `/${font.resourceName} ${num(size)} Tf\n`;
      this.font = font;
      this.size = size;
    }
    this.s += `1 0 0 1 ${num(x)} ${num(y)} Tm<${hex}>Tj\n`;
  }

  /** Shows a line of pieces starting at x. */
  line(line: Line, size: number, x: number, y: number): void {
    for (const p of line.pieces) this.show(p.font, size, x + p.x, y, p.hex);
  }

  /** Any other operators (text blocks are closed first). */
  op(s: string): void {
    this.endText();
    this.s += s;
  }

  endText(): void {
    if (this.inText) {
      this.s += 'ET\n';
      this.inText = false;
      this.font = undefined;
    }
  }

  toString(): string {
    this.endText();
    return this.s;
  }
}
