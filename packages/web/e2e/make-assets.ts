/**
 * Makes the checkpoint app's binary assets (run again only to change them):
 * - src/checkpoint/warmup-qr.png: a permit-sized QR the decoder is warmed on before the
 *   camera starts (signed by a throw-away key that no trust list holds);
 * - public/checkpoint-192.png, public/checkpoint-512.png: the installed app's icons.
 *
 *   node --import tsx packages/web/e2e/make-assets.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSigner, signToQrText } from '@thonghanh/core';
import { PNG } from 'pngjs';
import { nodeCryptoProvider } from '../../server/src/crypto/node-provider.js';
import { renderQrPng } from '../../server/src/qr/render.js';
import { qrMatrix } from '../../server/src/qr/segments.js';

const web = join(import.meta.dirname, '..');

async function warmupQr() {
  const jwk = await nodeCryptoProvider.generateKey('EdDSA');
  const signer = await createSigner(jwk, nodeCryptoProvider);
  const t = Math.floor(Date.UTC(2021, 7, 15) / 1000);
  const text = await signToQrText(
    {
      iss: 'VN-01-004-00124',
      iat: t,
      nbf: t,
      exp: t + 21 * 86400,
      cti: new Uint8Array(16).fill(7),
      permit: {
        serial: '0000/GĐĐ',
        holder: 'Mã khởi động bộ giải mã',
        idType: 1,
        idNumber: '001190000000',
        unitTaxCode: '0100233488',
        unitName: 'Công ty TNHH Thực phẩm Đức Giang',
        position: 'Công nhân',
        routeFrom: 'Số 12 ngõ 45 phố Ngọc Lâm, Long Biên, Hà Nội',
        routeTo: 'KCN Sài Đồng B, phường Thạch Bàn, Long Biên',
        routeWards: ['00133', '00142', '00148'],
        schedule: { mask: 63, start: 420, end: 1050 },
        purpose: 'Đi làm theo ca',
      },
    },
    signer,
    nodeCryptoProvider,
    'https://giaydiduong.example',
  );
  const png = await renderQrPng(text, { scale: 4 });
  writeFileSync(join(web, 'src/checkpoint/warmup-qr.png'), png);
  console.log('warm-up QR: version', qrMatrix(text).version, png.length, 'bytes');
}

/** The icon: a white QR-like mark with a check, on the app's dark blue; safe zone kept (maskable). */
function icon(size: number) {
  const png = new PNG({ width: size, height: size });
  const set = (x: number, y: number, rgb: [number, number, number]) => {
    const i = (y * size + x) * 4;
    png.data[i] = rgb[0];
    png.data[i + 1] = rgb[1];
    png.data[i + 2] = rgb[2];
    png.data[i + 3] = 255;
  };
  const blue: [number, number, number] = [11, 61, 145];
  const white: [number, number, number] = [255, 255, 255];
  const green: [number, number, number] = [10, 107, 44];
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) set(x, y, blue);
  const { size: n, modules } = qrMatrix('THONG HANH');
  const box = Math.floor(size * 0.56);
  const cell = Math.floor(box / (n + 2));
  const x0 = Math.floor((size - cell * (n + 2)) / 2);
  const y0 = x0;
  for (let y = 0; y < cell * (n + 2); y++) for (let x = 0; x < cell * (n + 2); x++) set(x0 + x, y0 + y, white);
  for (let my = 0; my < n; my++) {
    for (let mx = 0; mx < n; mx++) {
      if (!modules[my * n + mx]) continue;
      for (let y = 0; y < cell; y++)
        for (let x = 0; x < cell; x++) set(x0 + (mx + 1) * cell + x, y0 + (my + 1) * cell + y, blue);
    }
  }
  // A thick check mark over the lower right corner.
  const r = size * 0.2;
  const cx = size * 0.66;
  const cy = size * 0.66;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - cx, y - cy);
      if (d <= r) set(x, y, d > r - size * 0.02 ? white : green);
    }
  }
  const stroke = size * 0.035;
  const seg = (ax: number, ay: number, bx: number, by: number) => {
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const t = Math.max(
          0,
          Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
        );
        if (Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= stroke) set(x, y, white);
      }
    }
  };
  seg(cx - r * 0.5, cy, cx - r * 0.12, cy + r * 0.4);
  seg(cx - r * 0.12, cy + r * 0.4, cx + r * 0.55, cy - r * 0.38);
  return PNG.sync.write(png);
}

await warmupQr();
for (const size of [192, 512]) writeFileSync(join(web, `public/checkpoint-${size}.png`), icon(size));
console.log('icons written');
