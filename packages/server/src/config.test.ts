import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { boxed, publicUrlWarning } from './public-url-warning.js';
import { startServer } from './server.js';

const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env }, '/srv/thonghanh');

describe('PUBLIC_URL', () => {
  it('defaults to localhost on the port actually used when HOST listens everywhere', () => {
    expect(load({}).publicUrl).toBe('http://localhost:8080');
    expect(load({ PORT: '3000' }).publicUrl).toBe('http://localhost:3000');
    expect(load({ PORT: '3000', HOST: '::' }).publicUrl).toBe('http://localhost:3000');
    expect(load({ PORT: '80' }).publicUrl).toBe('http://localhost');
  });

  it('defaults to HOST when it names one address', () => {
    expect(load({ PORT: '3000', HOST: '192.168.1.20' }).publicUrl).toBe('http://192.168.1.20:3000');
    expect(load({ PORT: '3000', HOST: 'may-chu.ducgiang.lan' }).publicUrl).toBe('http://may-chu.ducgiang.lan:3000');
    expect(load({ PORT: '3000', HOST: 'fd00::20' }).publicUrl).toBe('http://[fd00::20]:3000');
  });

  it('says whether it was set, and keeps a set one without its trailing slashes, path prefix included', () => {
    expect(load({}).publicUrlFromEnv).toBe(false);
    const set = load({ PUBLIC_URL: 'https://ThongHanh.DucGiang.gov.vn/', PORT: '3000' });
    expect([set.publicUrl, set.publicUrlFromEnv]).toEqual(['https://thonghanh.ducgiang.gov.vn', true]);
    expect(load({ PUBLIC_URL: 'https://ubnd.example.vn/thonghanh//' }).publicUrl).toBe(
      'https://ubnd.example.vn/thonghanh',
    );
    expect(load({ PUBLIC_URL: 'http://10.0.0.5:8080' }).publicUrl).toBe('http://10.0.0.5:8080');
  });

  it('makes cookies Secure and sends Strict-Transport-Security only when it is https', () => {
    const https = load({ PUBLIC_URL: 'https://thonghanh.example.vn' });
    expect([https.secureCookies, https.strictTransportSecurity]).toEqual([true, true]);
    const http = load({ PUBLIC_URL: 'http://thonghanh.example.vn' });
    expect([http.secureCookies, http.strictTransportSecurity]).toEqual([false, false]);
  });

  it.each([
    ['ftp://thonghanh.example.vn', 'http:// hoặc https://'],
    ['thonghanh.example.vn', 'không phải một địa chỉ web đầy đủ'],
    ['https://thonghanh.example.vn/?ward=00124', 'phần truy vấn'],
    ['https://thonghanh.example.vn/?', 'phần truy vấn'],
    ['https://thonghanh.example.vn/#p1', 'phần neo'],
    ['https://can.bo:mat.khau@thonghanh.example.vn', 'tên đăng nhập hay mật khẩu'],
    ['javascript:alert(1)', 'http:// hoặc https://'],
  ])('refuses %s with a clear message', (url, why) => {
    expect(() => load({ PUBLIC_URL: url })).toThrow(ConfigError);
    expect(() => load({ PUBLIC_URL: url })).toThrow(`PUBLIC_URL không hợp lệ (${url}): `);
    expect(() => load({ PUBLIC_URL: url })).toThrow(why);
  });
});

describe('the start-up warning about PUBLIC_URL', () => {
  it('is given outside the demo when PUBLIC_URL is not set, naming the address QR codes will carry', () => {
    const lines = publicUrlWarning(load({ PORT: '3000', NODE_ENV: 'production' }), false)!;
    expect(lines.join('\n')).toContain('Mã QR in trên giấy đi đường sẽ trỏ tới http://localhost:3000');
    expect(publicUrlWarning(load({ PORT: '3000' }), true)).toBeNull();
    expect(publicUrlWarning(load({ PUBLIC_URL: 'https://thonghanh.example.vn' }), false)).toBeNull();
  });

  it('is drawn in a box whose lines are all as wide, Vietnamese letters counted once', () => {
    const text = boxed(['Cảnh báo', 'Đặt PUBLIC_URL rồi khởi động lại']);
    const rows = text.trimEnd().split('\n');
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => [...r].length)).size).toBe(1);
    expect(rows[1]).toBe(`║ Cảnh báo${' '.repeat(24)} ║`);
  });

  it('goes to stderr when the server starts without the demo and without PUBLIC_URL, not with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thonghanh-start-'));
    try {
      for (const [env, expected] of [
        [{}, true],
        [{ PUBLIC_URL: 'https://thonghanh.example.vn' }, false],
      ] as const) {
        const written: string[] = [];
        const config = loadConfig({
          NODE_ENV: 'test',
          PORT: '0',
          HOST: '127.0.0.1',
          THONGHANH_DATA_DIR: dir,
          ...env,
        });
        const server = await startServer(config, { demo: false, warn: (text) => written.push(text) });
        await server.close();
        expect(written.join('').includes('CẢNH BÁO: chưa đặt PUBLIC_URL.')).toBe(expected);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
