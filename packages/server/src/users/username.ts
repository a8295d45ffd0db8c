/** The username, password and e-mail rules are part of the API contract (packages/contract/src/users.ts). */
export { emailSchema, newPasswordSchema, usernameSchema } from '@thonghanh/contract';

export const normaliseUsername = (s: string): string => s.trim().toLowerCase();
