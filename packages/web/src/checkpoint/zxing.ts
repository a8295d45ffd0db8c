import { prepareZXingModule, type ReaderOptions, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

/** zxing-wasm with its .wasm served from this app (never a CDN: the scanner works offline). */

/** Only QR codes; no rotation or inversion passes (a QR's finder patterns handle rotation). */
export const READER_OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryRotate: false,
  tryInvert: false,
  tryDownscale: false,
  maxNumberOfSymbols: 1,
  characterSet: 'UTF8',
  textMode: 'Plain',
};

/** Largest frame decoded: 640×480 (or 480×640), keeping the camera's aspect ratio. */
export const MAX_LONG_SIDE = 640;
export const MAX_SHORT_SIDE = 480;

let prepared: Promise<unknown> | null = null;

/** Loads and compiles the decoder from the app's own copy of the wasm. */
export function prepareDecoder(url: string = wasmUrl): Promise<unknown> {
  prepared ??= prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? url : prefix + path),
    },
    fireImmediately: true,
  });
  return prepared;
}

/** The size a frame of `w`×`h` is decoded at. */
export function decodeSize(w: number, h: number): { width: number; height: number } {
  if (w <= 0 || h <= 0) return { width: MAX_LONG_SIDE, height: MAX_SHORT_SIDE };
  const long = Math.max(w, h);
  const short = Math.min(w, h);
  const scale = Math.min(1, MAX_LONG_SIDE / long, MAX_SHORT_SIDE / short);
  return { width: Math.round(w * scale), height: Math.round(h * scale) };
}

type Ctx2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** A reusable canvas that turns a video frame or image into ImageData. */
export class FrameGrabber {
  private canvas: OffscreenCanvas | HTMLCanvasElement | null = null;
  private ctx: Ctx2D | null = null;

  grab(source: CanvasImageSource, sourceWidth: number, sourceHeight: number): ImageData {
    const { width, height } = decodeSize(sourceWidth, sourceHeight);
    if (!this.canvas || this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas =
        typeof OffscreenCanvas === 'function'
          ? new OffscreenCanvas(width, height)
          : Object.assign(document.createElement('canvas'), { width, height });
      this.ctx = this.canvas.getContext('2d', { willReadFrequently: true, alpha: false }) as Ctx2D | null;
      if (!this.ctx) throw new Error('canvas 2D is not available');
    }
    const ctx = this.ctx as Ctx2D;
    ctx.drawImage(source, 0, 0, width, height);
    return ctx.getImageData(0, 0, width, height);
  }
}

export async function decodeImageData(image: ImageData): Promise<string[]> {
  const results = await readBarcodes(image, READER_OPTIONS);
  const texts: string[] = [];
  for (const r of results) if (r.isValid && r.text) texts.push(r.text);
  return texts;
}
