import {
  EMPTY_REVOCATION_LIST,
  loadRevocationList,
  loadTrustList,
  parseIsoSeconds,
  type RevocationList,
  readCccdCardQr,
  splitQrText,
  type TrustList,
  verify,
} from '@thonghanh/core';
import { nodeCryptoProvider } from '../../crypto/node-provider.js';
import { decodeQrImage } from '../../qr/decode-image.js';
import { parse, readJsonFile } from '../args.js';
import { type CliIo, type Command, EXIT, UsageError } from '../io.js';

const USAGE = `Cách dùng: thonghanh verify [--trust trust.json] [--revoked revoked.json] [--at ISO]
           [--checkpoint MÃ_PHƯỜNG] [--origin URL] [--cccd "NỘI DUNG QR CCCD"]
           (NỘI_DUNG_QR | --image ảnh.png|ảnh.jpg)

Xác minh một mã QR giấy đi đường hoặc mã QR của đơn vị, in một dòng JSON
{"verdict","warnings","kind","claims"}. Mã thoát: 0 khi hợp lệ (valid), 1 với mọi
kết luận khác, 2 khi gọi lệnh sai.`;

const EMPTY_TRUST: TrustList = { updated: 0, keys: [], ignored: [] };

export const verifyCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      trust: { type: 'string' },
      revoked: { type: 'string' },
      at: { type: 'string' },
      checkpoint: { type: 'string' },
      origin: { type: 'string' },
      cccd: { type: 'string' },
      image: { type: 'string' },
    });
    if (values.image !== undefined && positionals.length > 0) {
      throw new UsageError('chỉ đưa một trong hai: nội dung mã QR hoặc --image');
    }
    if (values.image === undefined && positionals.length !== 1) {
      throw new UsageError('cần đúng một nội dung mã QR (đặt trong dấu nháy) hoặc --image');
    }
    let at: number | undefined;
    if (values.at !== undefined) {
      const s = parseIsoSeconds(values.at);
      if (s === null)
        throw new UsageError('--at phải là thời điểm ISO 8601 có múi giờ, ví dụ 2021-08-18T08:15:00+07:00');
      at = s * 1000;
    }
    const trust = values.trust ? await readTrust(values.trust, io) : EMPTY_TRUST;
    const revoked = values.revoked ? readRevoked(values.revoked, io) : EMPTY_REVOCATION_LIST;
    let text: string;
    if (values.image !== undefined) {
      const decoded = await decodeQrImage(values.image, io.cwd);
      if (!decoded.ok) throw new UsageError(decoded.message);
      if (decoded.value.length === 0) {
        io.err('Không tìm thấy mã QR nào trong ảnh.');
        io.out(JSON.stringify({ verdict: 'not_permit_qr', warnings: [], kind: null, claims: null }));
        return EXIT.negative;
      }
      // A photo may hold the permit and the holder's CCCD card: take the permit-looking
      // code as the permit, and the card (unless --cccd was given) for the identity check.
      text = decoded.value.find((t) => splitQrText(t) !== null) ?? (decoded.value[0] as string);
      if (values.cccd === undefined) {
        const card = decoded.value.find((t) => t !== text && readCccdCardQr(t) !== null);
        if (card !== undefined) values.cccd = card;
      }
    } else {
      text = positionals[0] as string;
    }
    const result = await verify(text, {
      crypto: nodeCryptoProvider,
      trust,
      revoked,
      ...(at !== undefined && { at }),
      ...(values.checkpoint !== undefined && { checkpointWard: values.checkpoint }),
      ...(values.origin !== undefined && { officialOrigin: values.origin }),
      ...(values.cccd !== undefined && { cccdQr: values.cccd }),
    });
    io.out(
      JSON.stringify({ verdict: result.verdict, warnings: result.warnings, kind: result.kind, claims: result.claims }),
    );
    return result.verdict === 'valid' ? EXIT.ok : EXIT.negative;
  },
};

/** A trust list of unknown format is refused whole (spec §4): it trusts nothing. */
async function readTrust(path: string, io: CliIo): Promise<TrustList> {
  const loaded = await loadTrustList(readJsonFile(path, io.cwd, 'danh sách tin cậy'), nodeCryptoProvider);
  if (!loaded.ok) {
    if (loaded.code === 'trust_list_format') {
      io.err(`Cảnh báo: ${loaded.message}; không tin cậy khóa nào.`);
      return EMPTY_TRUST;
    }
    throw new UsageError(loaded.message);
  }
  for (const i of loaded.value.ignored) io.err(`Cảnh báo: bỏ qua mục ${i.index} của danh sách tin cậy: ${i.reason}`);
  return loaded.value;
}

function readRevoked(path: string, io: CliIo): RevocationList {
  const loaded = loadRevocationList(readJsonFile(path, io.cwd, 'danh sách thu hồi'));
  if (!loaded.ok) {
    if (loaded.code === 'revocation_list_format') {
      io.err(`Cảnh báo: ${loaded.message}; bỏ qua danh sách này.`);
      return EMPTY_REVOCATION_LIST;
    }
    throw new UsageError(loaded.message);
  }
  return loaded.value;
}
