import type { OnActive } from '@thonghanh/contract';

/** What to do with a person who already holds an active permit (the contract's choices). */
export { ON_ACTIVE, type OnActive } from '@thonghanh/contract';

/** What a batch was asked to do, fixed when it is created (stored as JSON in `permit_batches.options`). */
export interface BatchOptions {
  /** Ids in the order asked (serials follow it), or every approved person (by name). */
  staffIds: string[] | 'all';
  /** The validity decided at creation, `YYYY-MM-DD` (Việt Nam dates). */
  fromDate: string;
  toDate: string;
  purpose?: string | undefined;
  /**
   * Decided at creation: the request's choice, else `skip` (no one had an active permit when
   * asked; one issued meanwhile by someone else is kept, never doubled without a choice).
   */
  onActive: OnActive;
}

/** Where the next chunk starts: an index into `staffIds`, or after a (name key, id) of the approved list. */
export type BatchCursor = { index: number } | { nameKey: string; id: string } | null;

export const parseOptions = (text: string): BatchOptions => JSON.parse(text) as BatchOptions;
export const parseCursor = (text: string | null): BatchCursor => (text ? (JSON.parse(text) as BatchCursor) : null);
