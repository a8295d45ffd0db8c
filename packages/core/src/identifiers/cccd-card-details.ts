import { fail, ok, type Result } from '../result.js';
import { trimWhiteSpace, WHITE_SPACE_RUN } from '../text-rules.js';
import { isoDateFromDdMmYyyy } from './calendar-date.js';
import { type CccdError, type Gender, validateCccd } from './cccd.js';
import { readCccdCardQr } from './cccd-card-qr.js';
import { validateCmnd } from './cmnd.js';

/**
 * `cccd_qr_format`: not a card QR, or a field that is not what a card writes (old number,
 * name); `cccd_qr_gender`: neither Nam nor Nữ; `cccd_qr_date`: a date that is not a real
 * ddMMyyyy date, or issued before birth; the `cccd_*` codes: the number disagrees with itself
 * or with the date of birth and gender printed beside it.
 */
export type CccdCardQrError = 'cccd_qr_format' | 'cccd_qr_gender' | 'cccd_qr_date' | CccdError;

export interface CccdCardDetails {
  number: string;
  /** The old CMND number, or null on cards issued without one. */
  oldNumber: string | null;
  /** NFC, white space collapsed and trimmed, as printed (capitals kept). */
  fullName: string;
  /** `YYYY-MM-DD`. */
  dateOfBirth: string;
  gender: Gender;
  residence: string;
  /** `YYYY-MM-DD`. */
  issuedOn: string;
}

const RESCAN = 'quét lại mã QR trên thẻ CCCD';

const tidy = (text: string): string => trimWhiteSpace(text.normalize('NFC').replace(WHITE_SPACE_RUN, ' '));

/**
 * The card QR read field by field (for filling a form from a scan), stricter than the
 * matching of spec §5: every field must be what a card writes, and the CCCD number must
 * agree with the date of birth and gender beside it. Fields beyond the seventh are ignored:
 * later cards may add some.
 */
export function parseCccdCardQr(text: string): Result<CccdCardDetails, CccdCardQrError> {
  const card = readCccdCardQr(text);
  if (!card) return fail('cccd_qr_format', `Không phải mã QR của thẻ CCCD; ${RESCAN}`);
  const old = trimWhiteSpace(card.oldId);
  if (old !== '' && !validateCmnd(old).ok) {
    return fail('cccd_qr_format', `Số CMND cũ trong mã QR phải gồm 9 hoặc 12 chữ số; ${RESCAN}`);
  }
  const fullName = tidy(card.fullName);
  if (fullName === '') return fail('cccd_qr_format', `Mã QR của thẻ không có họ tên; ${RESCAN}`);
  const dateOfBirth = isoDateFromDdMmYyyy(trimWhiteSpace(card.dateOfBirth));
  if (dateOfBirth === null) return fail('cccd_qr_date', `Ngày sinh trong mã QR không phải ngày có thật; ${RESCAN}`);
  const issuedOn = isoDateFromDdMmYyyy(trimWhiteSpace(card.issuedOn));
  if (issuedOn === null) return fail('cccd_qr_date', `Ngày cấp trong mã QR không phải ngày có thật; ${RESCAN}`);
  if (issuedOn < dateOfBirth) return fail('cccd_qr_date', `Ngày cấp trong mã QR trước ngày sinh; ${RESCAN}`);
  const genderText = tidy(card.gender).toLowerCase();
  const gender: Gender | null = genderText === 'nam' ? 'Nam' : genderText === 'nữ' ? 'Nữ' : null;
  if (gender === null) return fail('cccd_qr_gender', `Giới tính trong mã QR phải là Nam hoặc Nữ; ${RESCAN}`);
  const info = validateCccd(card.cccd, { dateOfBirth, gender });
  if (!info.ok) return info;
  return ok({
    number: card.cccd,
    oldNumber: old === '' ? null : old,
    fullName,
    dateOfBirth,
    gender,
    residence: tidy(card.residence),
    issuedOn,
  });
}
