import type { Selectable } from 'kysely';

/** `sessions`: one login. The cookie holds a random token; only its SHA-256 is stored, as `id`. */
export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  /** Absolute expiry. */
  expires_at: string;
  /** Idle expiry is `last_seen_at` + the idle timeout. */
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export type SessionRow = Selectable<SessionsTable>;
