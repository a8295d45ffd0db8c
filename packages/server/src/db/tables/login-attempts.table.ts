import type { Selectable } from 'kysely';

/** `login_attempts`: failed logins per key (`user:<name>` or `ip:<address>`) for the back-off. */
export interface LoginAttemptsTable {
  key: string;
  failures: number;
  last_failure_at: string;
  /** No login for this key before this time. */
  locked_until: string | null;
}

export type LoginAttemptRow = Selectable<LoginAttemptsTable>;
