import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Alg, ISSUER_PATTERN, publicJwk, trustEntry } from '@thonghanh/core';
import { nodeCryptoProvider } from '../../crypto/node-provider.js';
import { parse } from '../args.js';
import { type Command, EXIT, UsageError } from '../io.js';
import { KEYS_ROTATE_USAGE, runKeysRotate } from './keys-rotate.js';

const USAGE = `Cách dùng: thonghanh keys generate [--alg EdDSA|ES256] --issuer VN-TT-HHH-XXXXX --out key.jwk.json
           [--issuer-name "UBND phường …"] [--not-before ISO] [--not-after ISO]

Tạo khóa ký mới của UBND phường: ghi khóa bí mật (JWK) vào tệp --out (quyền 0600)
và in ra mục danh sách tin cậy (trust.json, mục 4 của đặc tả) của khóa đó.
Mặc định: EdDSA (Ed25519), hiệu lực từ bây giờ đến 1 năm sau.

${KEYS_ROTATE_USAGE}`;

export const keysCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    if (args[0] === 'rotate') return runKeysRotate(args.slice(1), io);
    const { values, positionals } = parse(args, {
      alg: { type: 'string' },
      issuer: { type: 'string' },
      'issuer-name': { type: 'string' },
      out: { type: 'string' },
      'not-before': { type: 'string' },
      'not-after': { type: 'string' },
    });
    if (positionals[0] !== 'generate' || positionals.length !== 1) throw new UsageError('thiếu lệnh con "generate"');
    const alg = (values.alg ?? 'EdDSA') as Alg;
    if (alg !== 'EdDSA' && alg !== 'ES256') throw new UsageError('--alg phải là EdDSA hoặc ES256');
    if (!values.issuer || !ISSUER_PATTERN.test(values.issuer)) {
      throw new UsageError('--issuer phải có dạng VN-<tỉnh>-<quận>-<phường>, ví dụ VN-01-004-00124');
    }
    if (!values.out) throw new UsageError('thiếu --out (tệp ghi khóa bí mật)');
    const now = new Date();
    const notBefore = isoArg(values['not-before'], '--not-before') ?? now;
    const notAfter = isoArg(values['not-after'], '--not-after') ?? new Date(notBefore.getTime() + 365 * 86400_000);
    if (notAfter <= notBefore) throw new UsageError('--not-after phải sau --not-before');
    const jwk = await nodeCryptoProvider.generateKey(alg);
    try {
      writeFileSync(resolve(io.cwd, values.out), `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === 'EEXIST'
          ? `tệp ${values.out} đã có, không ghi đè khóa cũ`
          : `không ghi được tệp ${values.out}: ${(e as Error).message}`,
      );
    }
    const entry = trustEntry(
      alg,
      publicJwk(jwk),
      values.issuer,
      { notBefore: iso(notBefore), notAfter: iso(notAfter) },
      values['issuer-name'],
    );
    io.out(JSON.stringify(entry, null, 2));
    return EXIT.ok;
  },
};

function iso(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function isoArg(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new UsageError(`${name} phải là thời điểm ISO 8601`);
  return new Date(ms);
}
