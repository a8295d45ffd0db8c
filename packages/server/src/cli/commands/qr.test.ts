import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../test/support/permit-fixtures.js';
import { readPng } from '../../../test/support/qr-images.js';
import { decodeQrImage } from '../../qr/decode-image.js';
import type { CliIo } from '../io.js';
import { main } from '../main.js';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const reference = fixture('reference-permit');
const dir = mkdtempSync(join(tmpdir(), 'thonghanh-cli-qr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `node packages/server/bin/thonghanh.js ARGS` from the repository root, as a user would. */
function thonghanh(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['packages/server/bin/thonghanh.js', ...args],
      { cwd: ROOT, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** Runs the command in-process, capturing what it writes. */
async function runInProcess(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir };
  const code = await main(['qr', ...args], io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('thonghanh qr', () => {
  const png = join(dir, 'x.png');

  it('writes a PNG of the text that decodes back to it, and thonghanh verify --image accepts it', async () => {
    const made = await thonghanh('qr', '--out', png, reference.text);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/phiên bản 17/);
    expect(await decodeQrImage(png, ROOT)).toEqual({ ok: true, value: [reference.text] });

    const verified = await thonghanh(
      'verify',
      '--image',
      png,
      '--trust',
      'packages/core/test/fixtures/permit-v1/trust.json',
      '--at',
      reference.verifyAt,
    );
    expect(verified.code).toBe(0);
    const lines = verified.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(verified.stdout).toContain('"verdict":"valid"');
    expect(JSON.parse(lines[0] as string)).toMatchObject({ verdict: 'valid', warnings: [], kind: 'permit' });
  });

  it('writes an SVG when --out ends in .svg', async () => {
    const svg = join(dir, 'x.svg');
    const made = await thonghanh('qr', '--out', svg, reference.text);
    expect(made.code).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 93 93"/);
  });

  it('refuses another extension with exit 2 and a Vietnamese message on stderr, writing nothing', async () => {
    const gif = join(dir, 'x.gif');
    const made = await thonghanh('qr', '--out', gif, reference.text);
    expect(made.code).toBe(2);
    expect(made.stdout).toBe('');
    expect(made.stderr).toMatch(/--out phải là tệp \.png hoặc \.svg/);
    expect(existsSync(gif)).toBe(false);
  });

  it('draws --scale pixels per module', async () => {
    const made = await runInProcess('--out', 'scaled.png', '--scale', '3', reference.text);
    expect(made.code).toBe(0);
    expect(readPng(readFileSync(join(dir, 'scaled.png'))).width).toBe(93 * 3);
  });

  it.each([
    [['--out', 'a.png', '--scale', '0', 'x'], /--scale phải là số nguyên từ 1 đến 100/],
    [['--out', 'a.png', '--scale', '2.5', 'x'], /--scale phải là số nguyên/],
    [['--out', 'a.svg', '--scale', '4', 'x'], /--scale chỉ dùng với tệp \.png/],
    [['--out', 'a.png'], /cần đúng một nội dung mã QR/],
    [['--out', 'a.png', 'x', 'y'], /cần đúng một nội dung mã QR/],
    [['--out', 'a.png', ''], /nội dung mã QR trống/],
    [['x'], /thiếu --out/],
    [['--out', 'a.png', 'x'.repeat(3000)], /quá dài/],
    [['--out', join('no-such-dir', 'a.png'), 'x'], /không ghi được tệp/],
  ])('refuses %j as a usage error (exit 2)', async (args, message) => {
    const made = await runInProcess(...args);
    expect(made.code).toBe(2);
    expect(made.stderr).toMatch(message);
    expect(existsSync(join(dir, 'a.png'))).toBe(false);
  });
});
