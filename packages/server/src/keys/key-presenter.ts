import { z } from 'zod';
import type { WardKeyRow } from '../db/schema.js';
import { timestamp } from '../http/common-schemas.js';

/** A ward key as the API shows it: public material and dates only, never the private key. */
export const wardKeySchema = z.object({
  id: z.string(),
  wardCode: z.string(),
  issuer: z.string(),
  alg: z.enum(['EdDSA', 'ES256']),
  kid: z.string().describe('base64url của 8 byte kid'),
  publicJwk: z.record(z.string(), z.string()),
  status: z.enum(['current', 'retired']),
  notBefore: timestamp,
  notAfter: timestamp.describe('khóa đang dùng: hạn dự kiến (sẽ tự thay khóa); khóa đã thay: thời điểm thay'),
  retiredAt: timestamp.nullable(),
  createdAt: timestamp,
});
export type WardKeyView = z.infer<typeof wardKeySchema>;

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
