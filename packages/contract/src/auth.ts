import { z } from 'zod';
import { timestamp } from './common.js';
import { newPasswordSchema, userSchema } from './users.js';

export const sessionSchema = z.object({
  user: userSchema,
  csrfToken: z.string().describe('Gửi lại trong header x-csrf-token ở mọi yêu cầu ghi'),
  expiresAt: timestamp.describe('Phiên hết hạn lúc này nếu không có hoạt động'),
});
export type SessionView = z.infer<typeof sessionSchema>;

export const loginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: newPasswordSchema,
});
