/**
 * The command-line tool as a user runs it: a few real processes (`node
 * packages/server/bin/thonghanh.js …`), the rest in-process through main(argv, io).
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kidOfJwk, ROOT, runCli, spawnCli, verdictLine } from './cli-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'thonghanh-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content?: unknown) => {
  const path = join(dir, name);
  if (content !== undefined) writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

const FIXTURES = join(ROOT, 'packages/core/test/fixtures/permit-v1');
const reference = JSON.parse(readFileSync(join(FIXTURES, 'reference-permit.json'), 'utf8')) as {
  privateJwk: unknown;
  claims: { permit: Record<string, unknown> };
  origin: string;
  text: string;
  verifyAt: string;
};
const TRUST = join(FIXTURES, 'trust.json');
const AT = ['--at', reference.verifyAt];

/** Vietnamese, and none of Node's English. */
const expectVietnameseUsageError = (stderr: string) => {
  expect(stderr).toMatch(/^Lỗi: /);
  expect(stderr).toContain('Cách dùng');
  expect(stderr).not.toMatch(/Unknown option|To specify|argument missing|Error:|at .*\.ts:\d+/);
};

const CLAIMS = {
  iss: 'VN-01-004-00124',
  nbf: '2021-08-16T00:00:00+07:00',
  exp: '2021-08-31T00:00:00+07:00',
  iat: '2021-08-15T10:00:00+07:00',
  permit: {
    serial: '0126/GĐĐ',
    holder: 'Trần Văn Bình',
    idType: 'CCCD',
    idNumber: '001089000123',
    unitTaxCode: '0100233488',
    routeFrom: 'Ngọc Lâm',
    routeTo: 'Thạch Bàn',
    routeWards: ['00133', '00148'],
    schedule: { days: [1, 2, 3, 4, 5], start: '06:30', end: '18:00' },
  },
};

describe('as a user runs it (child processes)', () => {
  const key = join(dir, 'ward.jwk.json');
  let entry: { kid: string; alg: string; jwk: { kty: string; x: string }; issuer: string; issuerName: string };

  it('keys generate writes a 0600 JWK and prints the trust entry whose kid it gives', async () => {
    const ran = await spawnCli([
      'keys',
      'generate',
      '--issuer',
      'VN-01-004-00124',
      '--issuer-name',
      'UBND phường Đức Giang',
      '--not-before',
      '2021-08-01T00:00:00Z',
      '--not-after',
      '2022-08-01T00:00:00Z',
      '--out',
      key,
    ]);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    const jwk = JSON.parse(readFileSync(key, 'utf8'));
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(Buffer.from(jwk.d, 'base64url')).toHaveLength(32);
    entry = JSON.parse(ran.stdout);
    expect(entry).toEqual({
      kid: kidOfJwk(jwk),
      alg: 'EdDSA',
      jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x },
      issuer: 'VN-01-004-00124',
      issuerName: 'UBND phường Đức Giang',
      notBefore: '2021-08-01T00:00:00Z',
      notAfter: '2022-08-01T00:00:00Z',
    });
  });

  it('keys generate refuses to overwrite a key: exit 2, the old key kept', async () => {
    const before = readFileSync(key, 'utf8');
    const ran = await spawnCli(['keys', 'generate', '--issuer', 'VN-01-004-00124', '--out', key]);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe('');
    expectVietnameseUsageError(ran.stderr);
    expect(ran.stderr).toContain('không ghi đè');
    expect(readFileSync(key, 'utf8')).toBe(before);
  });

  it('sign then verify with that entry in a trust file: exit 0, one JSON line, claims in the JSON shape', async () => {
    const signed = await spawnCli([
      'sign',
      '--key',
      key,
      '--origin',
      'https://giaydiduong.example',
      file('claims.json', CLAIMS),
    ]);
    expect(signed.stderr).toBe('');
    expect(signed.code).toBe(0);
    expect(signed.stdout).toMatch(/^https:\/\/giaydiduong\.example\/p1#[0-9]+\n$/);
    const trust = file('trust.json', { format: 'thonghanh-trust/1', updated: '2021-08-15T00:00:00Z', keys: [entry] });

    const verified = await spawnCli([
      'verify',
      '--trust',
      trust,
      '--at',
      '2021-08-18T08:15:00+07:00',
      signed.stdout.trim(),
    ]);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    const line = verdictLine(verified.stdout);
    expect(line).toMatchObject({ verdict: 'valid', warnings: [], kind: 'permit' });
    expect(line.claims).toEqual({
      ...CLAIMS,
      nbf: '2021-08-15T17:00:00Z',
      exp: '2021-08-30T17:00:00Z',
      iat: '2021-08-15T03:00:00Z',
      cti: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
    });
  });

  it('sign reproduces the reference example text exactly', async () => {
    const ran = await spawnCli([
      'sign',
      '--key',
      file('reference.jwk.json', reference.privateJwk),
      '--origin',
      reference.origin,
      file('reference-claims.json', reference.claims),
    ]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toBe(`${reference.text}\n`);
  });
});

describe('verify (in-process)', () => {
  const verify = (...args: string[]) => runCli(['verify', '--trust', TRUST, ...args]);

  it('the reference permit is valid: exit 0, one JSON line', async () => {
    const ran = await verify(...AT, reference.text);
    expect(ran.code).toBe(0);
    const line = verdictLine(ran.stdout);
    expect(line).toMatchObject({ verdict: 'valid', warnings: [], kind: 'permit' });
    expect(line.claims).toEqual(reference.claims);
  });

  it('revoked (--revoked file): exit 1', async () => {
    const revoked = file('revoked.json', {
      format: 'thonghanh-revoked/1',
      updated: '2021-08-16T09:30:00Z',
      version: 42,
      revoked: ['ABEiM0RVZneImaq7zN3u_w'],
    });
    const ran = await verify('--revoked', revoked, ...AT, reference.text);
    expect(ran.code).toBe(1);
    expect(verdictLine(ran.stdout).verdict).toBe('revoked');
  });

  it('expired at exp: exit 1; one second before: exit 0', async () => {
    const expired = await verify('--at', '2021-09-06T17:00:00Z', reference.text);
    expect(expired.code).toBe(1);
    expect(verdictLine(expired.stdout)).toMatchObject({ verdict: 'expired', warnings: [] });
    const last = await verify('--at', '2021-09-06T23:59:59+07:00', reference.text);
    expect(verdictLine(last.stdout).verdict).toBe('valid');
  });

  it('off_route is a warning: still exit 0', async () => {
    const ran = await verify(...AT, '--checkpoint', '00999', reference.text);
    expect(ran.code).toBe(0);
    expect(verdictLine(ran.stdout)).toMatchObject({ verdict: 'valid', warnings: ['off_route'] });
  });

  it('--origin other than the code’s: untrusted_origin, exit 0', async () => {
    const ran = await verify(...AT, '--origin', 'https://giaydiduong.hanoi.example', reference.text);
    expect(ran.code).toBe(0);
    expect(verdictLine(ran.stdout).warnings).toEqual(['untrusted_origin']);
    const same = await verify(...AT, '--origin', reference.origin, reference.text);
    expect(verdictLine(same.stdout).warnings).toEqual([]);
  });

  it('--cccd of another person: identity_mismatch, exit 0; of the holder: no warning', async () => {
    const other = await verify(
      ...AT,
      '--cccd',
      '001190099999||Nguyễn Thị Quỳnh Anh|01011990|Nữ|Hà Nội|15042021',
      reference.text,
    );
    expect(other.code).toBe(0);
    expect(verdictLine(other.stdout).warnings).toEqual(['identity_mismatch']);
    const holder = await verify(
      ...AT,
      '--cccd',
      '001190012345||NGUYỄN THỊ QUỲNH ANH|01011990|Nữ|Hà Nội|15042021',
      reference.text,
    );
    expect(verdictLine(holder.stdout).warnings).toEqual([]);
  });

  it('another QR: not_permit_qr, exit 1', async () => {
    const ran = await verify('https://example.com/');
    expect(ran.code).toBe(1);
    expect(verdictLine(ran.stdout)).toEqual({ verdict: 'not_permit_qr', warnings: [], kind: null, claims: null });
  });

  it('without --trust nothing is trusted: unknown_key, exit 1', async () => {
    const ran = await runCli(['verify', ...AT, reference.text]);
    expect(ran.code).toBe(1);
    expect(verdictLine(ran.stdout).verdict).toBe('unknown_key');
  });

  it('a trust list of unknown format is refused whole, with a warning', async () => {
    const trust = file('trust-v2.json', { ...JSON.parse(readFileSync(TRUST, 'utf8')), format: 'thonghanh-trust/2' });
    const ran = await runCli(['verify', '--trust', trust, ...AT, reference.text]);
    expect(ran.code).toBe(1);
    expect(verdictLine(ran.stdout).verdict).toBe('unknown_key');
    expect(ran.stderr).toMatch(/^Cảnh báo: .*không tin cậy khóa nào/);
  });
});

describe('usage errors: exit 2 and a Vietnamese message on stderr (in-process)', () => {
  const usage = async (args: string[], message: string | RegExp) => {
    const ran = await runCli(args, dir);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe('');
    expectVietnameseUsageError(ran.stderr);
    expect(ran.stderr).toMatch(message);
    return ran.stderr;
  };

  it('no arguments', async () => {
    const ran = await runCli([]);
    expect(ran).toMatchObject({ code: 2, stdout: '' });
    expect(ran.stderr).toMatch(/^Lỗi: thiếu tên lệnh/);
  });

  it('an unknown command', async () => {
    const ran = await runCli(['sigh']);
    expect(ran).toMatchObject({ code: 2, stdout: '' });
    expect(ran.stderr).toMatch(/^Lỗi: không có lệnh "sigh"/);
  });

  it('an unknown option', async () => {
    const stderr = await usage(['verify', '--foo', 'x'], /^Lỗi: tùy chọn không hợp lệ: --foo\n/);
    expect(stderr).not.toContain("'");
  });

  it('an option without its value', async () => {
    await usage(['verify', reference.text, '--at'], /^Lỗi: thiếu giá trị cho --at\n/);
  });

  it('a bad --at', async () => {
    await usage(['verify', '--at', 'hôm qua', reference.text], '--at phải là thời điểm ISO 8601');
    await usage(['verify', '--at', '2021-08-18T08:15:00', reference.text], '--at phải là thời điểm ISO 8601');
  });

  it('a missing trust file', async () => {
    await usage(
      ['verify', '--trust', 'khong-co.json', reference.text],
      'không đọc được danh sách tin cậy: khong-co.json',
    );
  });

  it('a trust file that is not JSON', async () => {
    await usage(['verify', '--trust', file('broken.json', '{'), reference.text], 'không phải JSON hợp lệ');
  });

  it('verify without a text', async () => {
    await usage(['verify', '--trust', TRUST], 'cần đúng một nội dung mã QR');
  });

  it('a claims file with errors lists every problem', async () => {
    const key = file('ref.jwk.json', reference.privateJwk);
    const shape = file('bad-shape.json', {
      ...CLAIMS,
      nbf: 'hôm qua',
      permit: {
        ...CLAIMS.permit,
        holder: undefined,
        idType: 'CMT',
        schedule: { days: [0, 8], start: '6h', end: '18:00' },
      },
    });
    const stderr = await usage(['sign', '--key', key, '--origin', 'https://a.example', shape], 'claims không hợp lệ:');
    for (const path of ['nbf', 'permit.holder', 'permit.idType', 'permit.schedule.days', 'permit.schedule.start']) {
      expect(stderr).toContain(`  ${path}: `);
    }
    const rules = file('bad-rules.json', {
      ...CLAIMS,
      iss: 'VN-1-4-124',
      exp: '2021-12-31T00:00:00+07:00',
      permit: { ...CLAIMS.permit, unitTaxCode: '0100233489', routeWards: ['133'] },
    });
    const stderr2 = await usage(['sign', '--key', key, '--origin', 'https://a.example', rules], 'claims không hợp lệ:');
    for (const path of ['iss', 'exp', 'permit.unitTaxCode', 'permit.routeWards[0]']) {
      expect(stderr2).toContain(`  ${path}: `);
    }
  });

  it('sign: a key file that is not a private JWK, an origin with a trailing slash', async () => {
    const claims = file('ok-claims.json', CLAIMS);
    await usage(
      [
        'sign',
        '--key',
        file('public.jwk.json', { kty: 'OKP', crv: 'Ed25519', x: 'AA' }),
        '--origin',
        'https://a.example',
        claims,
      ],
      'tệp khóa phải là JWK bí mật',
    );
    await usage(
      ['sign', '--key', file('ref2.jwk.json', reference.privateJwk), '--origin', 'https://a.example/', claims],
      '--origin phải là địa chỉ gốc',
    );
    await usage(['sign', '--origin', 'https://a.example', claims], 'thiếu --key');
  });

  it('keys: no "generate", a bad issuer, notAfter before notBefore', async () => {
    await usage(['keys', '--issuer', 'VN-01-004-00124', '--out', 'x.jwk'], 'thiếu lệnh con "generate"');
    await usage(['keys', 'generate', '--issuer', 'VN-01-4-124', '--out', 'x.jwk'], '--issuer phải có dạng');
    await usage(
      [
        'keys',
        'generate',
        '--issuer',
        'VN-01-004-00124',
        '--out',
        'x.jwk',
        '--not-before',
        '2022-01-01T00:00:00Z',
        '--not-after',
        '2021-01-01T00:00:00Z',
      ],
      '--not-after phải sau --not-before',
    );
  });

  it('--help is not an error: exit 0 on stdout', async () => {
    const ran = await runCli(['verify', '--help']);
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    expect(ran.stdout).toMatch(/^Cách dùng: thonghanh verify/);
  });
});

describe('keys generate ES256 (in-process)', () => {
  it('writes a P-256 JWK and an ES256 entry whose kid is SHA-256 of the uncompressed point', async () => {
    const ran = await runCli(
      ['keys', 'generate', '--alg', 'ES256', '--issuer', 'VN-79-760-26734', '--out', 'es.jwk.json'],
      dir,
    );
    expect(ran.code).toBe(0);
    const jwk = JSON.parse(readFileSync(join(dir, 'es.jwk.json'), 'utf8'));
    expect(statSync(join(dir, 'es.jwk.json')).mode & 0o777).toBe(0o600);
    const entry = JSON.parse(ran.stdout);
    expect(entry).toMatchObject({
      alg: 'ES256',
      kid: kidOfJwk(jwk),
      jwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y },
    });
    expect(entry.jwk.d).toBeUndefined();
    // Default validity: from now, one year.
    const nb = Date.parse(entry.notBefore);
    expect(Math.abs(nb - Date.now())).toBeLessThan(60_000);
    expect(Date.parse(entry.notAfter) - nb).toBe(365 * 86_400_000);
  });
});
