/** Runs `thonghanh` for tests: as a user does (a child process), or in-process through main(). */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { main } from './main.js';

/** The repository root: the CLI is run from there, as the README says. */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const BIN = 'packages/server/bin/thonghanh.js';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node packages/server/bin/thonghanh.js …` in ROOT (about half a second each). */
export function spawnCli(args: string[]): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The same command through main(argv, io), with the output joined as the process would write it. */
export async function runCli(args: string[], cwd: string = ROOT): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    out: (line) => {
      stdout += `${line}\n`;
    },
    err: (line) => {
      stderr += `${line}\n`;
    },
    cwd,
  });
  return { code, stdout, stderr };
}

/** kid of spec §2, computed here from the JWK: SHA-256 of the raw public key, 8 bytes. */
export function kidOfJwk(jwk: { kty: string; x: string; y?: string }): string {
  const x = Buffer.from(jwk.x, 'base64url');
  const raw = jwk.kty === 'OKP' ? x : Buffer.concat([Buffer.of(4), x, Buffer.from(jwk.y ?? '', 'base64url')]);
  return createHash('sha256').update(raw).digest().subarray(0, 8).toString('base64url');
}

/** Parses the one JSON line `verify` prints; fails when there is not exactly one line. */
export function verdictLine(stdout: string): {
  verdict: string;
  warnings: string[];
  kind: string | null;
  claims: Record<string, unknown> | null;
} {
  const lines = stdout.split('\n');
  if (lines.length !== 2 || lines[1] !== '') throw new Error(`expected one line, got ${JSON.stringify(stdout)}`);
  return JSON.parse(lines[0] as string);
}
