/**
 * The build that `npm ci` makes (packages/server/dist) runs as the sources do: the help
 * without loading a command, a verification, and the server from its first start to a
 * restart on the same database. Builds first when a source is newer than dist.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SERVER = resolve(import.meta.dirname, '..');
const ROOT = resolve(SERVER, '../..');
const BIN = join(SERVER, 'bin/thonghanh.js');
const FIXTURES = join(ROOT, 'packages/core/test/fixtures/permit-v1');
const env = { ...process.env, THONGHANH_RUN: 'dist', DATABASE_URL: '', LOG_LEVEL: 'warn' };

interface Meta {
  outputs: Record<
    string,
    {
      imports: Array<{ path: string; kind: string; external?: boolean }>;
      inputs: Record<string, unknown>;
      entryPoint?: string;
    }
  >;
}

beforeAll(() => {
  execFileSync(process.execPath, [join(SERVER, 'build.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

const run = (...args: string[]) =>
  execFileSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('packages/server/dist', () => {
  it('the entry and what it imports statically hold no command and no package: each command is a chunk of its own', () => {
    const meta = JSON.parse(readFileSync(join(SERVER, 'dist/meta.json'), 'utf8')) as Meta;
    const entry = Object.keys(meta.outputs).find((f) => meta.outputs[f]?.entryPoint === 'src/cli/main.ts');
    expect(entry).toBeDefined();
    const loaded = new Set<string>();
    const externals = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const i of meta.outputs[file]?.imports ?? []) {
        if (i.kind !== 'import-statement') continue;
        if (i.external) externals.add(i.path);
        else visit(i.path);
      }
    };
    visit(entry as string);
    const sources = [...loaded].flatMap((f) => Object.keys(meta.outputs[f]?.inputs ?? {}));
    expect(sources.filter((s) => s.startsWith('src/cli/commands/'))).toEqual([]);
    expect([...externals].filter((e) => !e.startsWith('node:'))).toEqual([]);
    const lazy = (meta.outputs[entry as string]?.imports ?? []).filter((i) => i.kind === 'dynamic-import');
    expect(lazy.length).toBeGreaterThanOrEqual(12);
  });

  it('--help lists the commands', () => {
    const out = run('--help');
    expect(out).toContain('Cách dùng: thonghanh <lệnh>');
    for (const name of ['verify', 'serve', 'staff', 'backup']) expect(out).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('verify: the reference permit is valid', () => {
    const reference = JSON.parse(readFileSync(join(FIXTURES, 'reference-permit.json'), 'utf8'));
    const out = run('verify', '--trust', join(FIXTURES, 'trust.json'), '--at', reference.verifyAt, reference.text);
    expect(JSON.parse(out)).toMatchObject({ verdict: 'valid', kind: 'permit' });
  });

  describe('serve', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thonghanh-dist-'));
    let child: ChildProcess | undefined;
    afterAll(() => {
      if (child?.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    });

    /** Starts `serve --no-demo` on the data folder, resolves with its address once it listens. */
    async function start(): Promise<string> {
      const proc = spawn(process.execPath, [BIN, 'serve', '--no-demo'], {
        cwd: ROOT,
        env: { ...env, PORT: '0', HOST: '127.0.0.1', THONGHANH_DATA_DIR: dir, PUBLIC_URL: 'http://127.0.0.1:1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      let out = '';
      let err = '';
      proc.stderr?.on('data', (d) => {
        err += d;
      });
      return new Promise<string>((resolveUrl, reject) => {
        proc.stdout?.on('data', (d) => {
          out += d;
          const m = /Đang lắng nghe: (http:\/\/\S+)/.exec(out);
          if (m?.[1]) resolveUrl(m[1]);
        });
        proc.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}\n${err}`)));
      });
    }

    async function stop(): Promise<void> {
      const proc = child;
      if (!proc || proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    }

    it('first start (migrations, administrative units from assets/), then a restart on the same database', async () => {
      for (const round of ['first', 'restart']) {
        const url = await start();
        const health = await fetch(`${url}/healthz`);
        expect([round, health.status, await health.json()]).toEqual([round, 200, { status: 'ok', database: 'sqlite' }]);
        // The administrative units came from packages/server/assets, found from dist/chunks.
        const ward = await fetch(`${url}/api/v1/admin-units/00124`);
        expect([ward.status, JSON.stringify(await ward.json())]).toEqual([200, expect.stringContaining('Đức Giang')]);
        const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
        expect(Object.keys(doc.paths).length).toBeGreaterThan(50);
        await stop();
      }
    }, 120_000);
  });
});
