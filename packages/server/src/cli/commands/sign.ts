import { randomBytes } from 'node:crypto';
import { algOfJwk, claimsFromJson, createSigner, type PrivateJwk, signToQrText } from '@thonghanh/core';
import { nodeCryptoProvider } from '../../crypto/node-provider.js';
import { parse, readJsonFile } from '../args.js';
import { type Command, EXIT, UsageError } from '../io.js';

const USAGE = `Cách dùng: thonghanh sign --key key.jwk.json --origin URL claims.json

Ký các claims (JSON) và in ra nội dung mã QR trên một dòng: <URL>/p1#<chữ số>.
claims.json: {"iss","nbf","exp","iat"} (thời điểm ISO 8601), "cti" (base64url 16 byte,
ngẫu nhiên nếu thiếu), và "permit" hoặc "unit" theo tên trường của đặc tả.`;

export const signCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parse(args, { key: { type: 'string' }, origin: { type: 'string' } });
    if (!values.key) throw new UsageError('thiếu --key');
    if (!values.origin) throw new UsageError('thiếu --origin');
    if (positionals.length !== 1) throw new UsageError('cần đúng một tệp claims.json');
    const origin = values.origin;
    if (/\s/.test(origin) || origin.endsWith('/') || !/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(origin)) {
      throw new UsageError('--origin phải là địa chỉ gốc, ví dụ https://giaydiduong.example (không có "/" ở cuối)');
    }
    const jwk = readJsonFile(values.key, io.cwd, 'tệp khóa') as PrivateJwk;
    if (typeof jwk !== 'object' || jwk === null || !algOfJwk(jwk) || typeof jwk.d !== 'string') {
      throw new UsageError('tệp khóa phải là JWK bí mật Ed25519 (OKP) hoặc P-256 (EC) có trường "d"');
    }
    const claims = claimsFromJson(
      readJsonFile(positionals[0] as string, io.cwd, 'tệp claims'),
      () => new Uint8Array(randomBytes(16)),
    );
    if (!claims.ok) {
      const lines = (claims.problems ?? []).map((p) => `  ${p.path || '(gốc)'}: ${p.message}`);
      throw new UsageError(`claims không hợp lệ:\n${lines.join('\n')}`);
    }
    let signer: Awaited<ReturnType<typeof createSigner>>;
    try {
      signer = await createSigner(jwk, nodeCryptoProvider);
    } catch (e) {
      throw new UsageError(`không dùng được khóa: ${(e as Error).message}`);
    }
    io.out(await signToQrText(claims.value, signer, nodeCryptoProvider, origin));
    return EXIT.ok;
  },
};
