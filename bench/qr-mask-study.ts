import { samplePermit } from '../packages/server/src/pdf/sample-permits.js';
import { exampleSigner, signPermit } from '../packages/server/src/pdf/sample-signed.js';
import { decodeQrPixels } from '../packages/server/src/qr/decode-image.js';
import { fastQrMatrix, maskPenalty, PRINT_MASK } from '../packages/server/src/qr/fast-matrix.js';
import { type QrMatrix, QUIET_ZONE } from '../packages/server/src/qr/segments.js';

/**
 * The measurement behind PRINT_MASK (docs/printing.md): for really signed permit texts, the ISO
 * 18004 penalty of each of the eight masks, and how often zxing decodes each mask choice from
 * degraded images (coarse sampling, blur, noise: a poor camera at the edge of its range).
 *
 *   node --import tsx bench/qr-mask-study.ts [count]
 */

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Degradation {
  /** Image pixels per module (fractional: modules straddle pixels). */
  pixelsPerModule: number;
  /** Radius in pixels of the box blur, applied twice (≈ Gaussian). */
  blur: number;
  /** Uniform noise amplitude, 0–255. */
  noise: number;
  /** Rotation in degrees. */
  rotate: number;
}

/** A grey RGBA image of the symbol as a poor camera would see it. */
export function degradedImage(m: QrMatrix, d: Degradation, random: () => number): { rgba: Uint8Array; width: number } {
  const full = m.size + 2 * QUIET_ZONE;
  const width = Math.ceil(full * d.pixelsPerModule) + 8;
  const grey = new Float32Array(width * width);
  const cos = Math.cos((d.rotate * Math.PI) / 180);
  const sin = Math.sin((d.rotate * Math.PI) / 180);
  const c = width / 2;
  // Area sampling: 4 × 4 points per pixel, rotated about the centre.
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      let dark = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const px = x + (sx + 0.5) / 4 - c;
          const py = y + (sy + 0.5) / 4 - c;
          const u = (cos * px + sin * py) / d.pixelsPerModule + full / 2 - QUIET_ZONE;
          const v = (-sin * px + cos * py) / d.pixelsPerModule + full / 2 - QUIET_ZONE;
          const mx = Math.floor(u);
          const my = Math.floor(v);
          if (mx >= 0 && my >= 0 && mx < m.size && my < m.size && m.modules[my * m.size + mx] === 1) dark++;
        }
      }
      grey[y * width + x] = 235 - (dark / 16) * 205; // paper 235, ink 30
    }
  }
  let img: Float32Array = grey;
  for (let pass = 0; pass < 2 && d.blur > 0; pass++) img = boxBlur(img, width, d.blur);
  const rgba = new Uint8Array(width * width * 4);
  for (let i = 0; i < img.length; i++) {
    const v = Math.max(0, Math.min(255, Math.round((img[i] as number) + (random() * 2 - 1) * d.noise)));
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return { rgba, width };
}

function boxBlur(src: Float32Array, w: number, r: number): Float32Array {
  const tmp = new Float32Array(src.length);
  const out = new Float32Array(src.length);
  const n = 2 * r + 1;
  for (let y = 0; y < w; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let k = -r; k <= r; k++) s += src[y * w + Math.min(w - 1, Math.max(0, x + k))] as number;
      tmp[y * w + x] = s / n;
    }
  }
  for (let y = 0; y < w; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let k = -r; k <= r; k++) s += tmp[Math.min(w - 1, Math.max(0, y + k)) * w + x] as number;
      out[y * w + x] = s / n;
    }
  }
  return out;
}

export interface MaskStudy {
  count: number;
  /** The QR versions of the texts. */
  versions: number[];
  /** Mean penalty per mask 0–7, and of the best mask per text. */
  meanPenalty: number[];
  meanBestPenalty: number;
  /** How often each mask is the best. */
  bestCount: number[];
  /** Decode success per condition: for 'best', for PRINT_MASK, and for every fixed mask. */
  decoded: { condition: Degradation; best: number; print: number; perMask: number[] }[];
}

/** Conditions at the edge of what zxing reads (found by trial: 30–90 % of codes decode). */
export const CONDITIONS: Degradation[] = [
  { pixelsPerModule: 2.8, blur: 1, noise: 25, rotate: 5 },
  { pixelsPerModule: 3, blur: 1, noise: 20, rotate: 5 },
  { pixelsPerModule: 1.8, blur: 0, noise: 45, rotate: 4 },
];

export async function studyMasks(count: number): Promise<MaskStudy> {
  const signer = await exampleSigner();
  const texts: string[] = [];
  for (let i = 0; i < count; i++) texts.push((await signPermit(samplePermit(i * 37 + 5), i, signer)).qrText);
  const meanPenalty = new Array<number>(8).fill(0);
  const bestCount = new Array<number>(8).fill(0);
  let meanBestPenalty = 0;
  const matrices = texts.map((t) => {
    const byMask = [0, 1, 2, 3, 4, 5, 6, 7].map((mask) => fastQrMatrix(t, { mask }));
    const penalties = byMask.map((m) => maskPenalty(m.modules, m.size));
    const best = penalties.indexOf(Math.min(...penalties));
    penalties.forEach((p, mask) => {
      meanPenalty[mask] = (meanPenalty[mask] as number) + p / count;
    });
    bestCount[best] = (bestCount[best] as number) + 1;
    meanBestPenalty += (penalties[best] as number) / count;
    return { byMask, best };
  });
  const decoded: MaskStudy['decoded'] = [];
  for (const [ci, condition] of CONDITIONS.entries()) {
    const perMask = new Array<number>(8).fill(0);
    let best = 0;
    for (const [ti, { byMask, best: bestMask }] of matrices.entries()) {
      for (let mask = 0; mask < 8; mask++) {
        // The same noise for every mask of a text: only the mask differs.
        const { rgba, width } = degradedImage(byMask[mask] as QrMatrix, condition, rng(ci * 100_003 + ti));
        const ok = (await decodeQrPixels(rgba, width, width)).includes(texts[ti] as string);
        if (ok) {
          perMask[mask] = (perMask[mask] as number) + 1;
          if (mask === bestMask) best++;
        }
      }
    }
    decoded.push({ condition, best, print: perMask[PRINT_MASK] as number, perMask });
  }
  const versions = [...new Set(matrices.map((m) => (m.byMask[0] as QrMatrix).version))].sort((a, b) => a - b);
  return { count, versions, meanPenalty, meanBestPenalty, bestCount, decoded };
}

function pct(n: number, of: number): string {
  return `${((100 * n) / of).toFixed(1)} %`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 200);
  const s = await studyMasks(count);
  console.log(`${count} signed permit texts, QR versions ${s.versions.join(', ')}`);
  console.log('mask  mean penalty  best for');
  for (const [m, p] of s.meanPenalty.entries()) {
    console.log(
      `${m}${m === PRINT_MASK ? '*' : ' '}    ${p.toFixed(0).padStart(6)}       ${pct(s.bestCount[m] as number, count)}`,
    );
  }
  console.log(`best  ${s.meanBestPenalty.toFixed(0).padStart(6)}`);
  for (const d of s.decoded) {
    const c = d.condition;
    console.log(
      `${c.pixelsPerModule} px/module, blur ${c.blur}, noise ±${c.noise}, ${c.rotate}°: best mask ${pct(d.best, count)}, mask ${PRINT_MASK} ${pct(d.print, count)}; per mask ${d.perMask.map((n) => pct(n, count)).join(' ')}`,
    );
  }
}
