import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { csvText, HEADERS, person, personRow, utf8, xlsxOf } from '../../../test/support/staff-files.js';
import type { CliIo } from '../io.js';
import { main } from '../main.js';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'thonghanh-cli-staff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `node packages/server/bin/thonghanh.js ARGS` from the repository root, as a user would. */
function thonghanh(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['packages/server/bin/thonghanh.js', ...args],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

async function runInProcess(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir };
  const code = await main(['staff', ...args], io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const file = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe('thonghanh staff validate, as a user runs it', () => {
  it('a good list: one JSON object on one line, exit 0', async () => {
    const path = file('good.xlsx', await xlsxOf([HEADERS, ...[0, 1, 2].map((i) => personRow(person(i)))]));
    const r = await thonghanh('staff', 'validate', path);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual({ rows: 3, valid: 3, errors: [], warnings: [] });
  });

  it('a list with bad rows: each problem with its row, field and code, exit 1', async () => {
    const rows = [
      HEADERS,
      personRow(person(0)),
      personRow({ ...person(1), dateOfBirth: '31/02/1970', fullName: '<b>Trần</b> Văn An' }),
      personRow(person(0)),
    ];
    const path = file('bad.csv', utf8(csvText(rows, ';'), true));
    const r = await thonghanh('staff', 'validate', path);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['rows', 'valid', 'errors', 'warnings']);
    expect(json).toMatchObject({ rows: 3, valid: 1, warnings: [] });
    expect(json.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
      [3, 'fullName', 'invalid_characters'],
      [3, 'dateOfBirth', 'date_invalid'],
      [4, 'idNumber', 'duplicate'],
    ]);
    for (const e of json.errors) expect(e.message).toMatch(/\p{L}{2}/u);
  });

  it('a file that does not exist: a usage error in Vietnamese, exit 2, nothing on stdout', async () => {
    const r = await thonghanh('staff', 'validate', join(dir, 'khong-co.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('không đọc được tệp danh sách');
    expect(r.stderr).toContain('không có tệp này');
  });
});

describe('thonghanh staff, in process', () => {
  it('validate without a file is a usage error', async () => {
    const r = await runInProcess('validate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cần đúng một tệp danh sách');
  });

  it('validate of a directory is a usage error', async () => {
    const r = await runInProcess('validate', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('thư mục');
  });

  it('a file that is not a spreadsheet is an answer (exit 1), not a usage error', async () => {
    const path = file('anh.xlsx', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const r = await runInProcess('validate', path);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).errors.map((e: { code: string }) => e.code)).toEqual(['not_a_spreadsheet']);
  });

  it('checks ward codes against the administrative units shipped with the server', async () => {
    const path = file('wards.csv', utf8(csvText([HEADERS, personRow({ ...person(0), routeWards: '00124, 99999' })])));
    const r = await runInProcess('validate', path);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).errors).toMatchObject([{ row: 2, field: 'routeWards', code: 'ward_unknown' }]);
  });

  it('template writes the xlsx and csv templates, which validate as no one yet', async () => {
    for (const name of ['mau.xlsx', 'mau.csv']) {
      const w = await runInProcess('template', '--out', name);
      expect(w.code).toBe(0);
      expect(existsSync(join(dir, name))).toBe(true);
      const r = await runInProcess('validate', name);
      expect(r.code).toBe(1);
      const json = JSON.parse(r.stdout);
      expect(json.errors.map((e: { code: string }) => e.code)).toEqual(['no_rows']);
      expect(json.warnings.map((e: { code: string }) => e.code)).toEqual(['example_row']);
    }
    expect(readFileSync(join(dir, 'mau.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('template does not overwrite a file, and wants .xlsx or .csv', async () => {
    file('da-co.xlsx', utf8('danh sách đã điền'));
    const r = await runInProcess('template', '--out', 'da-co.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('đã có');
    expect(readFileSync(join(dir, 'da-co.xlsx'), 'utf8')).toBe('danh sách đã điền');
    expect((await runInProcess('template', '--out', 'mau.pdf')).code).toBe(2);
    expect((await runInProcess('template')).code).toBe(2);
  });

  it('an unknown subcommand is a usage error', async () => {
    const r = await runInProcess('import', 'x.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không có lệnh con "import"');
  });
});
