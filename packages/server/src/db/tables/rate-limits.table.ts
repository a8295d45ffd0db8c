import type { Selectable } from 'kysely';

/**
 * `rate_limits`: one row per limited key (`login:user:<name>`, `login:ip:<address>`,
 * `register:ip:<address>`, `register:ward:<code>` …), shared by every server process on the
 * database. A back-off key counts failures and sets `blocked_until`; a fixed-window key
 * counts requests since `window_start`; `busy_until` holds a key while one attempt is checked.
 */
export interface RateLimitsTable {
  key: string;
  /** Back-off: failures in the current run. Fixed window: requests in the current window. */
  hits: number;
  /** Fixed window: when the current window began (back-off: when the row was made). */
  window_start: string;
  /** The last counted hit, or when the row was made (a quiet back-off key is forgotten; housekeeping). */
  last_hit_at: string;
  /** Back-off: no attempt before this time. */
  blocked_until: string | null;
  /** One attempt in flight: this key is taken until then (a crashed process's hold runs out). */
  busy_until: string | null;
}

export type RateLimitRow = Selectable<RateLimitsTable>;
