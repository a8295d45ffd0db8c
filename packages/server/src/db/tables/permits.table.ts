import type { Selectable } from 'kysely';

export type CredentialStatus = 'active' | 'revoked';

/**
 * `permits`: travel permits (giấy đi đường) a business issued to people on its approved list.
 * What was signed and printed is kept as issued (holder, document, route …), whatever later
 * happens to the staff entry. `expired` is not stored: it is `valid_to` in the past.
 */
export interface PermitsTable {
  id: string;
  business_id: string;
  staff_id: string;
  /** The business's ward, district and province (area filters). */
  ward_code: string;
  district_code: string;
  province_code: string;
  /** `0001/GĐĐ` */
  serial: string;
  year: number;
  /** The number in the serial, 1, 2, … per business and year without gaps. */
  seq: number;
  /** base64url of the 16-byte credential id. */
  cti: string;
  kid: string;
  /** `<ORIGIN>/p1#<DIGITS>` */
  qr_text: string;
  /** ISO: nbf and exp of the claims. */
  valid_from: string;
  valid_to: string;
  status: CredentialStatus;
  revoked_reason: string | null;
  revoked_by: string | null;
  revoked_at: string | null;
  holder: string;
  /** `nameSearchKey(holder)`. */
  holder_key: string;
  id_type: 'CCCD' | 'CMND' | 'PASSPORT';
  id_number: string;
  position: string | null;
  workplace: string | null;
  residence: string;
  purpose: string;
  route_from: string;
  route_to: string;
  /** JSON array of ward codes. */
  route_wards: string;
  /** JSON `{ days, start, end }` or null. */
  schedule: string | null;
  issued_by: string | null;
  issued_at: string;
  /** The batch that issued it (`permit_batches.id`); null for permits issued before batches. */
  batch_id: string | null;
}

/** `permit_counters`: the last serial number used per business and year. */
export interface PermitCountersTable {
  business_id: string;
  year: number;
  last_seq: number;
}

/** `permit_serial_suffixes`: the text after the number (`GĐĐ`), per ward or per business. */
export interface PermitSerialSuffixesTable {
  scope: 'ward' | 'business';
  /** Ward code or business id. */
  scope_id: string;
  suffix: string;
  updated_at: string;
  updated_by: string | null;
}

/** `unit_credentials`: the unit QR (mã QR của đơn vị) issued when a business's dossier is approved. */
export interface UnitCredentialsTable {
  id: string;
  business_id: string;
  dossier_id: string;
  ward_code: string;
  cti: string;
  kid: string;
  qr_text: string;
  approval_ref: string;
  staff_count: number;
  valid_from: string;
  valid_to: string;
  status: CredentialStatus;
  revoked_reason: string | null;
  revoked_by: string | null;
  revoked_at: string | null;
  issued_by: string | null;
  issued_at: string;
}

/** `list_versions`: the revocation list's version counter (`revoked`) and when it last changed. */
export interface ListVersionsTable {
  name: string;
  version: number;
  updated_at: string;
}

export type PermitRow = Selectable<PermitsTable>;
export type UnitCredentialRow = Selectable<UnitCredentialsTable>;
