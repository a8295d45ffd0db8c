/**
 * What the checkpoint E2E tests and the scan benchmark share: the web build, signed test
 * permits, fake-camera videos (.y4m) of their QR codes, a fake server (static files, lists
 * with ETag, the API shapes of issue 5 item 4) and Debian's Chromium with a fake camera.
 * The real server is not ready yet; when it is, startFakeServer is what gets replaced.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import {
  base64urlEncode,
  buildQrText,
  type Claims,
  createSigner,
  type PrivateJwk,
  publicJwk,
  REVOKED_FORMAT,
  type RevocationListJson,
  type Signer,
  signClaims,
  TRUST_FORMAT,
  type TrustListJson,
  trustEntry,
} from '@thonghanh/core';
import { type BrowserContext, chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { nodeCryptoProvider } from '../../server/src/crypto/node-provider.js';
import { renderQrPng } from '../../server/src/qr/render.js';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';

export const WEB_DIR = resolve(import.meta.dirname, '..');
export const REPO_DIR = resolve(WEB_DIR, '../..');
export { CHROMIUM };

// ---------------------------------------------------------------------------------------
// Build

/** Builds the web app into `outDir` (not packages/web/dist, which others build into too). */
export function buildWeb(outDir: string): void {
  const r = spawnSync(
    process.execPath,
    [
      join(REPO_DIR, 'node_modules/vite/bin/vite.js'),
      'build',
      '-c',
      join(WEB_DIR, 'vite.config.ts'),
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: REPO_DIR, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}

// ---------------------------------------------------------------------------------------
// Signed permits

export const ISSUER = 'VN-01-004-00124';
export const ISSUER_NAME = 'UBND phường Đức Giang';
export const CHECKPOINT_WARD = '00124';
export const UNIT_TAX_CODE = '0100233488';
export const UNIT_NAME = 'Công ty TNHH Thực phẩm Đức Giang';

export interface Person {
  holder: string;
  idNumber: string;
  serial: string;
}

export const HOLDER: Person = { holder: 'Nguyễn Thị Quỳnh Anh', idNumber: '001190012345', serial: '0125/GĐĐ' };
export const OTHER: Person = { holder: 'Trần Văn Bình', idNumber: '001088054321', serial: '0126/GĐĐ' };

export interface Fixtures {
  origin: string;
  signer: Signer;
  trust: TrustListJson;
  revoked: RevocationListJson;
  /** QR texts of each kind of code. */
  texts: {
    valid: string;
    revoked: string;
    expired: string;
    forged: string;
    foreign: string;
    unit: string;
  };
  /** CCCD card QRs: of the valid permit's holder, and of someone else. */
  cards: { match: string; mismatch: string };
  /** The valid permit's cti (base64url), to revoke it in a test. */
  validCti: string;
  /** `n` distinct valid permits (the benchmark needs a new code each time). */
  permits(n: number): Promise<string[]>;
}

const DAY = 86_400;

function permitClaims(p: Person, cti: Uint8Array, validity: { nbf: number; exp: number; iat: number }): Claims {
  return {
    iss: ISSUER,
    ...validity,
    cti,
    permit: {
      serial: p.serial,
      holder: p.holder,
      idType: 1,
      idNumber: p.idNumber,
      unitTaxCode: UNIT_TAX_CODE,
      unitName: UNIT_NAME,
      position: 'Công nhân',
      routeFrom: 'Số 12 ngõ 45 phố Ngọc Lâm, Long Biên, Hà Nội',
      routeTo: 'KCN Sài Đồng B, phường Thạch Bàn, Long Biên',
      routeWards: ['00124', '00133', '00142'],
      purpose: 'Đi làm',
    },
  };
}

export async function makeFixtures(origin: string, nowMs = Date.now()): Promise<Fixtures> {
  const now = Math.floor(nowMs / 1000);
  const c = nodeCryptoProvider;
  const key = (await c.generateKey('EdDSA')) as PrivateJwk;
  const foreignKey = (await c.generateKey('EdDSA')) as PrivateJwk;
  const signer = await createSigner(key, c);
  const foreign = await createSigner(foreignKey, c);
  const iso = (s: number) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  const trust: TrustListJson = {
    format: TRUST_FORMAT,
    updated: iso(now - DAY),
    keys: [
      trustEntry(
        'EdDSA',
        publicJwk(key),
        ISSUER,
        { notBefore: iso(now - 60 * DAY), notAfter: iso(now + 300 * DAY) },
        ISSUER_NAME,
      ),
    ],
  };
  const current = { iat: now - DAY, nbf: now - DAY, exp: now + 30 * DAY };
  const sign = async (claims: Claims, s: Signer = signer) => buildQrText(origin, await signClaims(claims, s, c));
  const revokedCti = new Uint8Array(randomBytes(16));
  const validCti = new Uint8Array(randomBytes(16));
  const valid = await sign(permitClaims(HOLDER, validCti, current));
  const forgedBytes = await signClaims(permitClaims(HOLDER, new Uint8Array(randomBytes(16)), current), signer, c);
  forgedBytes[forgedBytes.length - 1] = (forgedBytes[forgedBytes.length - 1] as number) ^ 0x01; // last signature byte
  const texts = {
    valid,
    revoked: await sign(permitClaims(OTHER, revokedCti, current)),
    expired: await sign(
      permitClaims({ ...HOLDER, serial: '0099/GĐĐ' }, new Uint8Array(randomBytes(16)), {
        iat: now - 40 * DAY,
        nbf: now - 40 * DAY,
        exp: now - 2 * DAY,
      }),
    ),
    forged: buildQrText(origin, forgedBytes),
    foreign: await sign(permitClaims(HOLDER, new Uint8Array(randomBytes(16)), current), foreign),
    unit: await sign({
      iss: ISSUER,
      ...current,
      exp: now + 80 * DAY,
      cti: new Uint8Array(randomBytes(16)),
      unit: {
        unitTaxCode: UNIT_TAX_CODE,
        unitName: UNIT_NAME,
        address: 'Số 1 Đức Giang, Long Biên, Hà Nội',
        staffCount: 2,
        approvalRef: '125/QĐ-UBND',
      },
    }),
  };
  const revoked: RevocationListJson = {
    format: REVOKED_FORMAT,
    updated: iso(now - 3600),
    version: 7,
    revoked: [base64urlEncode(revokedCti)],
  };
  const card = (p: Person) =>
    `${p.idNumber}||${p.holder}|01011990|Nữ|Số 12 ngõ 45 phố Ngọc Lâm, Long Biên, Hà Nội|01012021`;
  return {
    origin,
    signer,
    trust,
    revoked,
    texts,
    cards: { match: card(HOLDER), mismatch: card({ ...OTHER, holder: 'Lê Văn Cường' }) },
    validCti: base64urlEncode(validCti),
    permits: async (n) => {
      const out: string[] = [];
      for (let i = 0; i < n; i++) {
        const p = { holder: HOLDER.holder, idNumber: HOLDER.idNumber, serial: `${String(1000 + i)}/GĐĐ` };
        out.push(await sign(permitClaims(p, new Uint8Array(randomBytes(16)), current)));
      }
      return out;
    },
  };
}

/** The area list the fake server gives: the unit with the valid permit's holder on it. */
export function areaListFixture() {
  return {
    version: '12',
    units: [
      {
        taxCode: UNIT_TAX_CODE,
        name: UNIT_NAME,
        status: 'approved' as const,
        staff: [
          { idNumber: HOLDER.idNumber, fullName: HOLDER.holder, serials: [HOLDER.serial] },
          { idNumber: OTHER.idNumber, fullName: OTHER.holder, serials: [OTHER.serial] },
        ],
      },
      {
        taxCode: '0101234560',
        name: 'Hợp tác xã Rau sạch Long Biên',
        status: 'suspended' as const,
        staff: [{ idNumber: '001077000111', fullName: 'Phạm Thị Dung', serials: ['0007/HTX'] }],
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------
// Fake camera videos

export const FRAME_W = 640;
export const FRAME_H = 480;

/** A grey image (luma 0–255). */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A QR text as the PNG the server renders, read back into grey pixels. */
export async function qrGray(text: string): Promise<Gray> {
  const png = PNG.sync.read(Buffer.from(await renderQrPng(text, { scale: 4 })));
  const data = new Uint8Array(png.width * png.height);
  for (let i = 0; i < data.length; i++) data[i] = png.data[i * 4] as number;
  return { width: png.width, height: png.height, data };
}

/**
 * One camera frame's luma: paper (light grey with a little noise) with the code drawn
 * `size` pixels wide at the centre (nearest neighbour, as a camera samples a print), ink a
 * dark grey rather than black.
 */
export function frameLuma(code: Gray | null, size = 360, seed = 1): Uint8Array {
  const y = new Uint8Array(FRAME_W * FRAME_H);
  let s = seed >>> 0 || 1;
  const noise = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) % 9) - 4;
  };
  for (let i = 0; i < y.length; i++) y[i] = 226 + noise();
  if (code) {
    const x0 = Math.round((FRAME_W - size) / 2);
    const y0 = Math.round((FRAME_H - size) / 2);
    for (let fy = 0; fy < size; fy++) {
      const sy = Math.floor((fy * code.height) / size);
      for (let fx = 0; fx < size; fx++) {
        const sx = Math.floor((fx * code.width) / size);
        const dark = (code.data[sy * code.width + sx] as number) < 128;
        y[(y0 + fy) * FRAME_W + x0 + fx] = dark ? 34 + noise() : 232 + noise();
      }
    }
  }
  return y;
}

export interface Segment {
  luma: Uint8Array;
  frames: number;
}

/**
 * Writes a .y4m video (the format is a header line, then per frame `FRAME\n` and the Y, U
 * and V planes of 4:2:0). Chromium plays it in real time at `fps` and loops it.
 */
export function writeY4m(path: string, segments: Segment[], fps = 30): string {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `YUV4MPEG2 W${FRAME_W} H${FRAME_H} F${fps}:1 Ip A1:1 C420jpeg\n`);
    const chroma = new Uint8Array((FRAME_W / 2) * (FRAME_H / 2)).fill(128);
    const head = Buffer.from('FRAME\n');
    for (const seg of segments) {
      const frame = Buffer.concat([head, seg.luma, chroma, chroma]);
      for (let i = 0; i < seg.frames; i++) writeSync(fd, frame);
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

/** A video that shows each code for `codeFrames` frames after `blankFrames` of paper. */
export async function videoOf(
  path: string,
  texts: string[],
  opts: { blankFrames?: number; codeFrames?: number; size?: number; fps?: number } = {},
): Promise<string> {
  const blank = frameLuma(null);
  const segments: Segment[] = [];
  let seed = 2;
  for (const t of texts) {
    if ((opts.blankFrames ?? 15) > 0) segments.push({ luma: blank, frames: opts.blankFrames ?? 15 });
    segments.push({ luma: frameLuma(await qrGray(t), opts.size ?? 360, seed++), frames: opts.codeFrames ?? 30 });
  }
  return writeY4m(path, segments, opts.fps ?? 30);
}

// ---------------------------------------------------------------------------------------
// Fake server

export interface StoredScan {
  checkpointId: string;
  scan: Record<string, unknown>;
  userId: string;
}

export interface FakeServer {
  origin: string;
  close(): Promise<void>;
  trust: TrustListJson | null;
  revoked: RevocationListJson | null;
  /** Scans stored, by id (the idempotency key). */
  scans: Map<string, StoredScan>;
  batches: Array<{ count: number; stored: number; duplicates: number; dropped: boolean }>;
  /** Every request line seen (method, URL as received). */
  requests: string[];
  /** Store the next n batches but drop the connection instead of answering. */
  dropAnswers: number;
  /** Answer 503 to the next n batches without storing. */
  failBatches: number;
  /** While set, both lists are answered with this status (e.g. 503: the first download fails). */
  listsStatus: number | null;
  /** While true, every connection is cut at once: the server is unreachable. */
  down: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

export const OFFICER = {
  username: 'canbo.chot1',
  password: 'mat-khau-thu',
  user: { id: 'u1', username: 'canbo.chot1', fullName: 'Đỗ Minh Hải', role: 'checkpoint_officer', wardCode: '00124' },
};

/** As the server's GET /api/v1/checkpoints presents them. */
export const CHECKPOINTS = [
  {
    id: 'cp-1',
    ownerWardCode: CHECKPOINT_WARD,
    wardCode: CHECKPOINT_WARD,
    wardName: 'Phường Đức Giang',
    name: 'Chốt cầu Chui',
    place: 'Ngã ba cầu Chui, đường Nguyễn Văn Linh',
    active: true,
  },
  {
    id: 'cp-2',
    ownerWardCode: CHECKPOINT_WARD,
    wardCode: '00133',
    wardName: 'Phường Ngọc Lâm',
    name: 'Chốt Ngọc Lâm',
    place: 'Đầu phố Ngọc Lâm',
    active: true,
  },
  {
    id: 'cp-3',
    ownerWardCode: CHECKPOINT_WARD,
    wardCode: CHECKPOINT_WARD,
    wardName: 'Phường Đức Giang',
    name: 'Chốt đã đóng',
    place: '',
    active: false,
  },
];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((res, rej) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      body += c;
    });
    req.on('end', () => res(body));
    req.on('error', rej);
  });
}

function cookieOf(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === name && v) return v;
  }
  return null;
}

export async function startFakeServer(distDir: string, port = 0): Promise<FakeServer> {
  const sessions = new Map<string, { csrf: string }>();
  const state: Omit<FakeServer, 'origin' | 'close'> = {
    trust: null,
    revoked: null,
    scans: new Map(),
    batches: [],
    requests: [],
    dropAnswers: 0,
    failBatches: 0,
    listsStatus: null,
    down: false,
  };
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    });
    res.end(JSON.stringify(body));
  };
  const list = (req: IncomingMessage, res: ServerResponse, body: unknown) => {
    if (state.listsStatus !== null) return json(res, state.listsStatus, { message: 'máy chủ bận' });
    if (!body) return json(res, 404, { message: 'chưa có danh sách' });
    const text = JSON.stringify(body);
    const etag = `"${Buffer.from(text).toString('base64url').slice(-16)}-${text.length}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'cache-control': 'no-cache' });
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'application/json', etag, 'cache-control': 'no-cache' });
    res.end(text);
  };
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    if (state.down) {
      req.socket.destroy();
      return;
    }
    state.requests.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const sid = cookieOf(req, 'sid');
    const session = sid ? sessions.get(sid) : undefined;
    if (path === '/.well-known/thonghanh/trust.json') return list(req, res, state.trust);
    if (path === '/.well-known/thonghanh/revoked.json') return list(req, res, state.revoked);
    if (path === '/api/v1/auth/login' && req.method === 'POST') {
      const b = JSON.parse((await readBody(req)) || '{}') as { username?: string; password?: string };
      if (b.username !== OFFICER.username || b.password !== OFFICER.password) {
        return json(res, 401, { message: 'Sai tên đăng nhập hoặc mật khẩu' });
      }
      const id = randomUUID();
      const csrf = randomUUID();
      sessions.set(id, { csrf });
      return json(
        res,
        200,
        { user: OFFICER.user, csrfToken: csrf },
        { 'set-cookie': `sid=${id}; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax` },
      );
    }
    if (path.startsWith('/api/')) {
      if (!session) return json(res, 401, { message: 'Chưa đăng nhập' });
      if (path === '/api/v1/auth/me') return json(res, 200, { user: OFFICER.user, csrfToken: session.csrf });
      if (path === '/api/v1/checkpoints') return json(res, 200, { items: CHECKPOINTS });
      const area = /^\/api\/v1\/checkpoints\/([^/]+)\/area-list$/.exec(path);
      if (area) {
        const body = areaListFixture();
        const etag = `"area-${body.version}"`;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag });
          return res.end();
        }
        return json(res, 200, body, { etag });
      }
      if (path === '/api/v1/scans/batch' && req.method === 'POST') {
        if (req.headers['x-csrf-token'] !== session.csrf) return json(res, 403, { message: 'CSRF' });
        const body = JSON.parse(await readBody(req)) as { checkpointId: string; scans: Array<{ id: string }> };
        if (state.failBatches > 0) {
          state.failBatches--;
          state.batches.push({ count: body.scans.length, stored: 0, duplicates: 0, dropped: true });
          return json(res, 503, { message: 'bận' });
        }
        // Per scan, as the server answers (no refusals here: the server's own tests cover them).
        let stored = 0;
        let duplicates = 0;
        const results: Array<{ id: string; status: 'stored' | 'duplicate' }> = [];
        for (const scan of body.scans) {
          if (state.scans.has(scan.id)) {
            duplicates++;
            results.push({ id: scan.id, status: 'duplicate' });
          } else {
            state.scans.set(scan.id, { checkpointId: body.checkpointId, scan, userId: OFFICER.user.id });
            stored++;
            results.push({ id: scan.id, status: 'stored' });
          }
        }
        const dropped = state.dropAnswers > 0;
        state.batches.push({ count: body.scans.length, stored, duplicates, dropped });
        if (dropped) {
          state.dropAnswers--;
          req.socket.destroy(); // stored, but the answer never arrives
          return;
        }
        return json(res, 200, { stored, duplicates, refused: 0, results });
      }
      return json(res, 404, { message: 'không có' });
    }
    // Static files of the build; /checkpoint and /p1 are their pages.
    const page = path === '/' ? '/index.html' : path === '/checkpoint' || path === '/p1' ? `${path}.html` : path;
    const file = normalize(join(distDir, page));
    if (!file.startsWith(distDir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': page.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(readFileSync(file));
  };
  const server: Server = createServer((req, res) => {
    handler(req, res).catch((e) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    origin,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  }) as FakeServer;
}

// ---------------------------------------------------------------------------------------
// Browser

export const VIEWPORT = { width: 360, height: 780 };

export interface LaunchOptions {
  userDataDir: string;
  video: string;
  origin: string;
  extraArgs?: string[];
}

/** Debian's Chromium with a fake camera playing `video`, camera allowed, a phone's viewport. */
export async function launch(o: LaunchOptions): Promise<BrowserContext> {
  mkdirSync(o.userDataDir, { recursive: true });
  const context = await chromium.launchPersistentContext(o.userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${o.video}`,
      ...(o.extraArgs ?? []),
    ],
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  await context.grantPermissions(['camera'], { origin: o.origin });
  return context;
}

/** Signs in through the login form and picks the first checkpoint. */
export async function signInThroughUi(page: import('playwright-core').Page): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(OFFICER.username);
  await page.getByLabel('Mật khẩu').fill(OFFICER.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: /Chốt cầu Chui/ }).click();
}

export const stats = {
  median(v: number[]): number {
    const s = [...v].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length === 0
      ? Number.NaN
      : s.length % 2
        ? (s[m] as number)
        : ((s[m - 1] as number) + (s[m] as number)) / 2;
  },
  /** Nearest-rank percentile. */
  percentile(v: number[], p: number): number {
    const s = [...v].sort((a, b) => a - b);
    if (s.length === 0) return Number.NaN;
    return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
  },
};

/**
 * A verdict's headline on screen — not the app's warm-up render (checkpoint/app.tsx
 * WarmRender: an unknown-key verdict laid out for two frames beneath the camera box, whose
 * "KHÔNG HỢP LỆ" also contains "HỢP LỆ" and which a slow machine keeps for longer).
 */
export const VERDICT_HEADLINE =
  "xpath=//*[contains(concat(' ', @class, ' '), ' verdict-headline ') and not(ancestor::*[contains(concat(' ', @class, ' '), ' warm-render ')])]";
