import { z } from 'zod';
import type { BusinessRow } from '../../db/schema.js';
import { businessFields } from '../business-fields.js';

/**
 * What a business may change about itself, in two kinds:
 * - `REVIEWED_FIELDS` are what the ward vouches for (the name on the unit QR and the ward's
 *   confirmation, the address, the line of business): the business's request waits for the
 *   desk's approval (a `business_changes` row);
 * - `DIRECT_FIELDS` only say how to reach the business: they apply at once.
 * The tax code and the ward are not here: they are who and where the business is (another
 * tax code or ward is another registration).
 */
export const REVIEWED_FIELDS = ['name', 'address', 'lineOfBusiness'] as const;
export const DIRECT_FIELDS = ['contactName', 'contactPhone', 'contactEmail'] as const;
export type ReviewedField = (typeof REVIEWED_FIELDS)[number];
export type DirectField = (typeof DIRECT_FIELDS)[number];
export type EditableField = ReviewedField | DirectField;

export const businessEditSchema = z.object({
  name: businessFields.name.optional(),
  address: businessFields.address.optional(),
  lineOfBusiness: businessFields.lineOfBusiness.optional(),
  contactName: businessFields.contactName.optional(),
  contactPhone: businessFields.contactPhone.optional(),
  contactEmail: businessFields.contactEmail,
});
export type BusinessEdit = z.output<typeof businessEditSchema>;

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
