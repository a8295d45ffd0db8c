/**
 * The help's building blocks: a topic is a short, task-oriented page for one or more roles,
 * made of blocks. Texts are Vietnamese, in the glossary's words; `**…**` marks what the
 * screen shows as a button, a field or a state (rendered in bold).
 */

/** The roles of the back office and the checkpoint app (the server's `Role`). */
export type HelpRole =
  | 'ward_officer'
  | 'ward_leader'
  | 'health_officer'
  | 'ward_admin'
  | 'business_rep'
  | 'supervisor'
  | 'checkpoint_officer';

/** The printable guides the server renders for a ward (GET /api/v1/wards/:code/guides/<kind>.pdf). */
export type GuidePdf = 'business' | 'checkpoint';

export type HelpBlock =
  /** A sub-heading; `id` makes it a target for context links (`/help/<topic>#<id>`). */
  | { h: string; id?: string }
  | { p: string }
  /** Numbered steps, in order. */
  | { steps: readonly string[] }
  | { list: readonly string[] }
  /** A highlighted remark: `warn` for what must not be done or cannot be undone. */
  | { note: string; tone?: 'info' | 'warn' }
  /** Entries of the checkpoint guide (core `checkpointGuide()`), pictured as on screen. */
  | { guide: 'verdicts' | 'warnings' | 'states'; codes?: readonly string[] }
  /** The link to a printable guide for the reader's ward. */
  | { pdf: GuidePdf }
  /** Links to other topics. */
  | { see: readonly string[] };

export interface HelpTopic<Id extends string = string> {
  id: Id;
  title: string;
  /** Who it is written for: listed first for them. */
  roles: readonly HelpRole[];
  /** One sentence: what the page helps to do. */
  summary: string;
  /** For everyone (sign-in, passwords): listed after each role's own pages. */
  common?: boolean;
  blocks: readonly HelpBlock[];
}

/** Role names as the back office shows them (vi.ts `roles`), for help pages reached without signing in. */
export const HELP_ROLE_NAMES: Readonly<Record<HelpRole, string>> = {
  ward_officer: 'Bộ phận Một cửa',
  ward_leader: 'Lãnh đạo UBND phường',
  health_officer: 'Trạm Y tế phường',
  ward_admin: 'Quản trị phường',
  business_rep: 'Doanh nghiệp (người đại diện)',
  supervisor: 'Giám sát (quận, thành phố)',
  checkpoint_officer: 'Cán bộ tại chốt',
};
