import { trimWhiteSpace } from '../text-rules.js';
import { namesEqual } from './name.js';

/**
 * What the QR printed on a chip-based CCCD card holds:
 * `số CCCD|số CMND cũ|họ và tên|ngày sinh ddMMyyyy|giới tính|nơi thường trú|ngày cấp ddMMyyyy`.
 */
export interface CccdCardQr {
  cccd: string;
  /** The old CMND number; empty on cards issued without one. */
  oldId: string;
  fullName: string;
  dateOfBirth: string;
  gender: string;
  residence: string;
  issuedOn: string;
  /** Fields beyond the seventh, kept as read. */
  extra: string[];
}

/**
 * Reads a card QR the way spec §5 does: trimmed and split on `|`, readable when it has 7
 * or more fields and the first is 12 digits. Null when it cannot be read.
 */
export function readCccdCardQr(text: string): CccdCardQr | null {
  const fields = trimWhiteSpace(text).split('|');
  if (fields.length < 7 || !/^[0-9]{12}$/.test(fields[0] as string)) return null;
  const [cccd, oldId, fullName, dateOfBirth, gender, residence, issuedOn, ...extra] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    ...string[],
  ];
  return { cccd, oldId, fullName, dateOfBirth, gender, residence, issuedOn, extra };
}

/**
 * Whether a scanned card is the permit's holder: the number matches (the CCCD, or for a
 * CMND permit a non-empty old number) and so does the name. A passport permit never does.
 */
export function cardMatchesHolder(
  card: CccdCardQr | null,
  holder: { idType: number; idNumber: string; holder: string },
): boolean {
  if (!card || holder.idType === 3) return false;
  const numberMatches =
    holder.idNumber === card.cccd || (holder.idType === 2 && card.oldId !== '' && holder.idNumber === card.oldId);
  return numberMatches && namesEqual(holder.holder, card.fullName);
}
