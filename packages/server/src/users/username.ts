/** The username and password rules are part of the API contract (packages/contract/src/users.ts). */
export { newPasswordSchema, usernameSchema } from '@thonghanh/contract';

export const normaliseUsername = (s: string): string => s.trim().toLowerCase();
