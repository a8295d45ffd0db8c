import { z } from 'zod';
import { itemsOf, timestamp } from './common.js';

export const KEY_ALGS = ['EdDSA', 'ES256'] as const;

/** A ward key as the API shows it: public material and dates only, never the private key. */
export const wardKeySchema = z.object({
  id: z.string(),
  wardCode: z.string(),
  issuer: z.string(),
  alg: z.enum(KEY_ALGS),
  kid: z.string().describe('base64url của 8 byte kid'),
  publicJwk: z.record(z.string(), z.string()),
  status: z.enum(['current', 'retired']),
  notBefore: timestamp,
  notAfter: timestamp.describe('khóa đang dùng: hạn dự kiến (sẽ tự thay khóa); khóa đã thay: thời điểm thay'),
  retiredAt: timestamp.nullable(),
  createdAt: timestamp,
});
export type WardKeyView = z.infer<typeof wardKeySchema>;

export const wardKeyListResponse = itemsOf(wardKeySchema);
export const rotateKeyBody = z.object({ alg: z.enum(KEY_ALGS).default('EdDSA') });
export const rotateKeyResponse = z.object({ previous: wardKeySchema.nullable(), current: wardKeySchema });
