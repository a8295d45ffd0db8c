import {
  type BusinessEdit,
  DIRECT_FIELDS,
  type DirectField,
  REVIEWED_FIELDS,
  type ReviewedField,
} from '@thonghanh/contract';
import type { BusinessRow } from '../../db/schema.js';

/**
 * What a business may change about itself, in two kinds:
 * - `REVIEWED_FIELDS` are what the ward vouches for (the name on the unit QR and the ward's
 *   confirmation, the address, the line of business): the business's request waits for the
 *   desk's approval (a `business_changes` row);
 * - `DIRECT_FIELDS` only say how to reach the business: they apply at once.
 * The tax code and the ward are not here: they are who and where the business is (another
 * tax code or ward is another registration).
 */
export { type BusinessEdit, DIRECT_FIELDS, type DirectField, REVIEWED_FIELDS, type ReviewedField };
export type EditableField = ReviewedField | DirectField;

/** The column of each field. */
export const COLUMN: Record<EditableField, keyof BusinessRow> = {
  name: 'name',
  address: 'address',
  lineOfBusiness: 'line_of_business',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  contactEmail: 'contact_email',
};

/** The fields of `edit` whose value differs from the business's, with their new values. */
export function changedFields(b: BusinessRow, edit: BusinessEdit): Partial<Record<EditableField, string | null>> {
  const out: Partial<Record<EditableField, string | null>> = {};
  for (const f of [...REVIEWED_FIELDS, ...DIRECT_FIELDS]) {
    const v = edit[f];
    if (v === undefined) continue;
    if ((b[COLUMN[f]] ?? null) !== (v ?? null)) out[f] = v ?? null;
  }
  return out;
}
