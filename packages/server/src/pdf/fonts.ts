import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type FontkitModule from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import { lazyRequire } from '../lazy-require.js';
import type { PdfWriter } from './pdf-writer.js';

const require = createRequire(import.meta.url);
/** Loaded on first use, not at start-up (lazy-require.ts). */
const fontkit = lazyRequire<typeof FontkitModule>('@pdf-lib/fontkit');

/** The faces of Be Vietnam Pro (MIT / OFL-1.1) that the documents use. */
export type FaceName = 'regular' | 'bold' | 'italic';

const FILES: Record<FaceName, string> = {
  regular: '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
  bold: '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
  italic: '@expo-google-fonts/be-vietnam-pro/400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf',
};

/** The TTF bytes of a face (read once per process). */
export function faceBytes(face: FaceName): Uint8Array {
  let b = bytesCache.get(face);
  if (!b) {
    b = new Uint8Array(readFileSync(require.resolve(FILES[face])));
    bytesCache.set(face, b);
  }
  return b;
}
const bytesCache = new Map<FaceName, Uint8Array>();

interface Face {
  font: Font;
  /** Glyph id and advance (font units) per code point; filled lazily, process-wide. */
  glyphs: Map<number, { id: number; advance: number; shown: number }>;
}
const faces = new Map<FaceName, Face>();

function face(name: FaceName): Face {
  let f = faces.get(name);
  if (!f) {
    f = { font: fontkit.create(faceBytes(name) as Buffer), glyphs: new Map() };
    faces.set(name, f);
  }
  return f;
}

/** Text the fonts can show: NFC, white space as plain spaces, controls dropped. */
export function cleanText(s: string): string {
  // Fast path (nearly every value): nothing to replace, and only characters that are NFC on
  // their own (ASCII, Latin-1, Latin Extended-A/B, Latin Extended Additional: Vietnamese) with
  // no combining mark that could compose with them.
  let normalise = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (
      c < 0x20 ||
      (c >= 0x7f && c <= 0xa0) ||
      (c >= 0x2000 && c <= 0x200f) ||
      (c >= 0x2028 && c <= 0x206f) ||
      c === 0x3000 ||
      c === 0xfeff
    ) {
      return s
        .normalize('NFC')
        .replace(/[\t\n\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
        .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u2060\ufeff]/g, '');
    }
    if (!((c > 0xa0 && c < 0x250) || (c >= 0x1e00 && c < 0x1f00) || (c >= 0x2010 && c < 0x2028))) normalise = true;
  }
  return normalise ? s.normalize('NFC') : s;
}

/** One encoded piece of text: the hex of its CIDs for `<…> Tj`, its width in 1/1000 em. */
export interface Encoded {
  hex: string;
  width: number;
}

/** Words cached per document font before the cache is dropped (keeps memory flat). */
const WORD_CACHE_LIMIT = 20_000;

/**
 * A face embedded in one document as a Type0 / CIDFontType2 font with Identity-H encoding.
 * CIDs are glyph ids of a subset made as the text is encoded (fontkit's subsetter numbers
 * glyphs in the order they are first used); the subset, its widths and its ToUnicode CMap
 * are written by `write()` at the end, when every glyph the document uses is known.
 */
export class DocFont {
  readonly resourceName: string;
  private readonly face: Face;
  private readonly subset: ReturnType<Font['createSubset']>;
  private readonly unitsPerEm: number;
  /** Per code point: hex of the CID and width in 1/1000 em. */
  private readonly chars = new Map<number, Encoded>();
  /** Per word (no spaces): its encoding. */
  private readonly words = new Map<string, Encoded>();
  /** Per CID: the text it stands for (ToUnicode) and its width. */
  private readonly cidText: string[] = [];
  private readonly cidWidth: number[] = [];
  /** The font's reserved object number (Type0 font dictionary). */
  readonly ref: number;
  readonly space: Encoded;

  constructor(
    readonly faceName: FaceName,
    resourceName: string,
    writer: PdfWriter,
  ) {
    this.resourceName = resourceName;
    this.face = face(faceName);
    this.subset = this.face.font.createSubset();
    this.unitsPerEm = this.face.font.unitsPerEm;
    this.ref = writer.reserve();
    this.space = this.char(32);
  }

  /** Encodes one code point (a missing glyph becomes "?"). */
  char(cp: number): Encoded {
    const known = this.chars.get(cp);
    if (known) return known;
    let g = this.face.glyphs.get(cp);
    if (!g) {
      let glyph = this.face.font.glyphForCodePoint(cp);
      let shown = cp;
      if (glyph.id === 0 && cp !== 0x3f) {
        glyph = this.face.font.glyphForCodePoint(0x3f);
        shown = 0x3f;
      }
      g = { id: glyph.id, advance: glyph.advanceWidth, shown };
      this.face.glyphs.set(cp, g);
    }
    const cid = this.subset.includeGlyph(g.id);
    const width = (g.advance * 1000) / this.unitsPerEm;
    if (this.cidText[cid] === undefined) {
      this.cidText[cid] = String.fromCodePoint(g.shown);
      this.cidWidth[cid] = width;
    }
    const e = { hex: cid.toString(16).padStart(4, '0'), width };
    this.chars.set(cp, e);
    return e;
  }

  /** Encodes a word or any cleaned text (spaces included). */
  encode(text: string): Encoded {
    const known = this.words.get(text);
    if (known) return known;
    let hex = '';
    let width = 0;
    for (const ch of text) {
      const e = this.char(ch.codePointAt(0) as number);
      hex += e.hex;
      width += e.width;
    }
    const e = { hex, width };
    if (this.words.size >= WORD_CACHE_LIMIT) this.words.clear();
    this.words.set(text, e);
    return e;
  }

  /** Width (1/1000 em) of a CID this document uses. */
  cidWidthOf(cid: number): number {
    return this.cidWidth[cid] ?? 0;
  }

  /** Width of a text in points at a size. */
  measure(text: string, size: number): number {
    return (this.encode(text).width * size) / 1000;
  }

  /** Writes the font: Type0, CIDFontType2, descriptor, subset TrueType, ToUnicode. */
  async write(writer: PdfWriter): Promise<void> {
    const font = this.face.font;
    const file = await encodeSubset(this.subset);
    const tag = subsetTag(this.cidText.length, this.faceName);
    const base = `/${tag}+${(font.postscriptName ?? 'BeVietnamPro').replace(/[^A-Za-z0-9-]/g, '')}`;
    const k = 1000 / this.unitsPerEm;
    const fileRef = writer.stream(`/Length1 ${file.length}`, file, { compress: true, level: 6 });
    const bbox = font.bbox;
    const flags = 4 | (this.faceName === 'italic' ? 64 : 0); // symbolic (glyphs addressed by CID), italic
    const descriptor = writer.object(
      `<</Type/FontDescriptor/FontName${base}/Flags ${flags}` +
        `/FontBBox[${Math.round(bbox.minX * k)} ${Math.round(bbox.minY * k)} ${Math.round(bbox.maxX * k)} ${Math.round(bbox.maxY * k)}]` +
        `/ItalicAngle ${font.italicAngle}/Ascent ${Math.round(font.ascent * k)}/Descent ${Math.round(font.descent * k)}` +
        `/CapHeight ${Math.round((font.capHeight || font.ascent) * k)}/StemV ${this.faceName === 'bold' ? 140 : 80}` +
        `/FontFile2 ${fileRef} 0 R>>`,
    );
    let w = '';
    for (let cid = 0; cid < this.cidWidth.length; cid++) {
      const width = this.cidWidth[cid];
      if (width !== undefined) w += `${cid}[${Math.round(width)}]`;
    }
    const cidFont = writer.object(
      `<</Type/Font/Subtype/CIDFontType2/BaseFont${base}/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>` +
        `/FontDescriptor ${descriptor} 0 R/W[${w}]/CIDToGIDMap/Identity>>`,
    );
    const toUnicode = writer.stream('', toUnicodeCMap(this.cidText), { compress: true });
    writer.object(
      `<</Type/Font/Subtype/Type0/BaseFont${base}/Encoding/Identity-H/DescendantFonts[${cidFont} 0 R]/ToUnicode ${toUnicode} 0 R>>`,
      this.ref,
    );
  }
}

function encodeSubset(subset: ReturnType<Font['createSubset']>): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    const s = subset.encodeStream();
    s.on('data', (d: Uint8Array) => parts.push(d));
    s.on('end', () => resolve(Buffer.concat(parts)));
    (s as unknown as NodeJS.EventEmitter).on('error', reject);
  });
}

/** Six capital letters naming the subset (PDF 32000 §9.6.4), derived from its content. */
function subsetTag(n: number, face: string): string {
  let h = n * 2654435761 + face.length * 40503;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + face.charCodeAt(i % face.length);
  }
  return tag;
}

/** A ToUnicode CMap mapping every CID to the text it was encoded from. */
export function toUnicodeCMap(cidText: string[]): string {
  const entries: string[] = [];
  for (let cid = 0; cid < cidText.length; cid++) {
    const t = cidText[cid];
    if (t === undefined) continue;
    let u = '';
    for (let i = 0; i < t.length; i++) u += t.charCodeAt(i).toString(16).padStart(4, '0');
    entries.push(`<${cid.toString(16).padStart(4, '0')}><${u}>`);
  }
  let body = '';
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100);
    body += `${part.length} beginbfchar\n${part.join('\n')}\nendbfchar\n`;
  }
  return (
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n' +
    '/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n' +
    '1 begincodespacerange\n<0000><ffff>\nendcodespacerange\n' +
    body +
    'endcmap\nCMapName currentdict /CIDResource defineresource pop\nend\nend\n'
  );
}
