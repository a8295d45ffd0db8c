import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../../../bin/thonghanh.js');

describe('thonghanh serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thonghanh-serve-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates, seeds the demo, prints the logins and answers /healthz on a random port; stops on SIGTERM', async () => {
    const proc = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        THONGHANH_DATA_DIR: dir,
        DATABASE_URL: '',
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let out = '';
    let err = '';
    proc.stderr!.on('data', (d) => {
      err += d;
    });
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line in time:\n${out}\n${err}`)), 60_000);
      proc.stdout!.on('data', (d) => {
        out += d;
        const m = out.match(/Đang lắng nghe: (http:\/\/\S+)/);
        if (m && out.includes('Ctrl+C')) {
          clearTimeout(timer);
          resolveUrl(m[1]!);
        }
      });
      proc.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}\n${err}`)));
    });
    expect(out).toContain('Mật khẩu chung của các tài khoản mẫu: ducgiang2021');
    for (const name of [
      'giamsat.longbien',
      'quantri.ducgiang',
      'motcua.ducgiang',
      'tramyte.ducgiang',
      'doanhnghiep.demo',
    ]) {
      expect(out).toContain(name);
    }
    const health = await fetch(`${url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok', database: 'sqlite' }]);
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'quantri.ducgiang', password: 'ducgiang2021' }),
    });
    expect(login.status).toBe(200);

    const exit = new Promise<number | null>((r) => proc.on('exit', r));
    proc.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 120_000);
});
