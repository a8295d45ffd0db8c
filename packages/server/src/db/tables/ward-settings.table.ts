import type { Generated, Selectable } from 'kysely';

/** `ward_settings`: per-ward settings; a ward without a row uses the defaults. */
export interface WardSettingsTable {
  ward_code: string;
  /** Days from submission to the deadline of a dossier (the article's 3 days). */
  due_days: number;
  /** The legal basis printed on documents (e.g. the city's letters). */
  legal_basis: string | null;
  /** Where the ward desk hears of new dossiers and deadlines. */
  desk_email: string | null;
  /** After the number in the ward's reference numbers (`85/UBND-ĐG`); null: `UBND-` + the ward's initials. */
  reference_suffix?: string | null;
  /** 1: the ward leader signs approvals (the desk sends for signature); 0: the desk approves. */
  leader_approval_required: Generated<number>;
  updated_at: string;
  updated_by: string | null;
}

export type WardSettingsRow = Selectable<WardSettingsTable>;
