import { type WardKeyView, wardKeySchema } from '@thonghanh/contract';
import type { WardKeyRow } from '../db/schema.js';

export { type WardKeyView, wardKeySchema };

export const presentWardKey = (k: WardKeyRow): WardKeyView => ({
  id: k.id,
  wardCode: k.ward_code,
  issuer: k.issuer,
  alg: k.alg,
  kid: k.kid,
  publicJwk: JSON.parse(k.public_jwk) as Record<string, string>,
  status: k.status,
  notBefore: k.not_before,
  notAfter: k.not_after,
  retiredAt: k.retired_at,
  createdAt: k.created_at,
});
