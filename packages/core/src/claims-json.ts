import { base64urlDecode, base64urlEncode } from './bytes.js';
import { type Claims, claimProblems, ID_TYPE, type IdTypeName, type PermitFields, type UnitFields } from './claims.js';
import { fail, ok, type Result } from './result.js';
import { isoFromSeconds, parseIsoSeconds } from './time.js';

/**
 * The JSON shape of claims that people and tools write (the CLI's claims.json, the API):
 * ISO 8601 times, base64url cti, idType by name, schedule as weekdays and HH:MM.
 */
export interface ScheduleJson {
  /** 1 = Monday … 7 = Sunday. */
  days: number[];
  start: string;
  end: string;
}

export interface PermitJson {
  serial: string;
  holder: string;
  idType: IdTypeName;
  idNumber: string;
  unitTaxCode: string;
  unitName?: string;
  position?: string;
  routeFrom: string;
  routeTo: string;
  routeWards: string[];
  schedule?: ScheduleJson;
  purpose?: string;
}

export type UnitJson = UnitFields;

export interface ClaimsJson {
  iss: string;
  nbf: string;
  exp: string;
  iat: string;
  cti?: string;
  permit?: PermitJson;
  unit?: UnitJson;
}

const ID_TYPE_NAME: Record<number, IdTypeName> = { 1: 'CCCD', 2: 'CMND', 3: 'PASSPORT' };

export function minutesToHhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function hhmmToMinutes(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = /^([01][0-9]|2[0-4]):([0-5][0-9])$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : null;
}

export function daysToMask(days: readonly number[]): number {
  let mask = 0;
  for (const d of days) mask |= 1 << (d - 1);
  return mask;
}

export function maskToDays(mask: number): number[] {
  const days: number[] = [];
  for (let d = 1; d <= 7; d++) if (mask & (1 << (d - 1))) days.push(d);
  return days;
}

export function claimsToJson(c: Claims): ClaimsJson {
  const out: ClaimsJson = {
    iss: c.iss,
    nbf: isoFromSeconds(c.nbf),
    exp: isoFromSeconds(c.exp),
    iat: isoFromSeconds(c.iat),
    cti: base64urlEncode(c.cti),
  };
  if (c.permit) {
    const f = c.permit;
    const p: PermitJson = {
      serial: f.serial,
      holder: f.holder,
      idType: ID_TYPE_NAME[f.idType] as IdTypeName,
      idNumber: f.idNumber,
      unitTaxCode: f.unitTaxCode,
    } as PermitJson;
    if (f.unitName !== undefined) p.unitName = f.unitName;
    if (f.position !== undefined) p.position = f.position;
    p.routeFrom = f.routeFrom;
    p.routeTo = f.routeTo;
    p.routeWards = [...f.routeWards];
    if (f.schedule) {
      p.schedule = {
        days: maskToDays(f.schedule.mask),
        start: minutesToHhmm(f.schedule.start),
        end: minutesToHhmm(f.schedule.end),
      };
    }
    if (f.purpose !== undefined) p.purpose = f.purpose;
    out.permit = p;
  }
  if (c.unit) {
    const u = c.unit;
    const j: UnitJson = { unitTaxCode: u.unitTaxCode, unitName: u.unitName } as UnitJson;
    if (u.address !== undefined) j.address = u.address;
    j.staffCount = u.staffCount;
    j.approvalRef = u.approvalRef;
    out.unit = j;
  }
  return out;
}

export type ClaimsInputError = 'invalid_claims';

/** One problem of a claims document: its JSON path and what is wrong, in Vietnamese. */
export interface ClaimsInputProblem {
  path: string;
  message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a claims document in the JSON shape, checks every rule of the spec and returns
 * the claims, or every problem found. Text is brought to NFC first: a name typed on a
 * keyboard that writes decomposed marks is the same name. `randomCti` fills a missing cti.
 */
export function claimsFromJson(
  input: unknown,
  randomCti: () => Uint8Array,
): Result<Claims, ClaimsInputError> & { problems?: ClaimsInputProblem[] } {
  const problems: ClaimsInputProblem[] = [];
  const bad = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(input)) {
    return {
      ...fail('invalid_claims', 'Tệp claims phải là một đối tượng JSON'),
      problems: [{ path: '', message: 'phải là đối tượng JSON' }],
    };
  }
  const nfc = (v: unknown, path: string, required: boolean): string | undefined => {
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string') {
      bad(path, 'phải là chuỗi');
      return '';
    }
    return v.normalize('NFC');
  };
  const time = (key: 'nbf' | 'exp' | 'iat'): number => {
    const s = parseIsoSeconds(input[key]);
    if (s === null) bad(key, 'phải là thời điểm ISO 8601 có múi giờ, ví dụ 2021-08-16T00:00:00+07:00');
    return s ?? 0;
  };
  const iss = nfc(input.iss, 'iss', true) ?? '';
  const nbf = time('nbf');
  const exp = time('exp');
  const iat = time('iat');
  let cti: Uint8Array;
  if (input.cti === undefined) cti = randomCti();
  else {
    const decoded = typeof input.cti === 'string' ? base64urlDecode(input.cti) : null;
    if (decoded?.length !== 16) bad('cti', 'phải là base64url của đúng 16 byte');
    cti = decoded ?? new Uint8Array(16);
  }
  const claims: Claims = { iss, nbf, exp, iat, cti };
  if (input.permit !== undefined) {
    const p = input.permit;
    if (!isObject(p)) bad('permit', 'phải là đối tượng');
    else claims.permit = permitFromJson(p, nfc, bad);
  }
  if (input.unit !== undefined) {
    const u = input.unit;
    if (!isObject(u)) bad('unit', 'phải là đối tượng');
    else claims.unit = unitFromJson(u, nfc, bad);
  }
  if (problems.length === 0) problems.push(...claimProblems(claims));
  if (problems.length > 0) {
    const first = problems[0] as ClaimsInputProblem;
    return { ...fail('invalid_claims', `Claims không hợp lệ: ${first.path}: ${first.message}`), problems };
  }
  return ok(claims);
}

type Nfc = (v: unknown, path: string, required: boolean) => string | undefined;
type Bad = (path: string, message: string) => void;

function permitFromJson(p: Record<string, unknown>, nfc: Nfc, bad: Bad): PermitFields {
  const idTypeName = p.idType;
  const idType =
    typeof idTypeName === 'string' && Object.hasOwn(ID_TYPE, idTypeName) ? ID_TYPE[idTypeName as IdTypeName] : 0;
  if (idType === 0) bad('permit.idType', 'phải là "CCCD", "CMND" hoặc "PASSPORT"');
  const wards = p.routeWards;
  if (!Array.isArray(wards) || !wards.every((w) => typeof w === 'string'))
    bad('permit.routeWards', 'phải là mảng mã phường/xã');
  const f: PermitFields = {
    serial: nfc(p.serial, 'permit.serial', true) ?? '',
    holder: nfc(p.holder, 'permit.holder', true) ?? '',
    idType: (idType || 1) as PermitFields['idType'],
    idNumber: nfc(p.idNumber, 'permit.idNumber', true) ?? '',
    unitTaxCode: nfc(p.unitTaxCode, 'permit.unitTaxCode', true) ?? '',
    routeFrom: nfc(p.routeFrom, 'permit.routeFrom', true) ?? '',
    routeTo: nfc(p.routeTo, 'permit.routeTo', true) ?? '',
    routeWards: Array.isArray(wards) ? wards.map(String) : [],
  };
  const unitName = nfc(p.unitName, 'permit.unitName', false);
  if (unitName !== undefined) f.unitName = unitName;
  const position = nfc(p.position, 'permit.position', false);
  if (position !== undefined) f.position = position;
  if (p.schedule !== undefined) {
    const s = p.schedule;
    const days = isObject(s) ? s.days : undefined;
    const start = isObject(s) ? hhmmToMinutes(s.start) : null;
    const end = isObject(s) ? hhmmToMinutes(s.end) : null;
    const daysOk =
      Array.isArray(days) &&
      days.length > 0 &&
      days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7) &&
      new Set(days).size === days.length;
    if (!daysOk) bad('permit.schedule.days', 'phải là mảng các ngày 1 (Thứ Hai) … 7 (Chủ nhật), không trùng');
    if (start === null) bad('permit.schedule.start', 'phải có dạng HH:MM');
    if (end === null) bad('permit.schedule.end', 'phải có dạng HH:MM');
    if (daysOk && start !== null && end !== null) f.schedule = { mask: daysToMask(days as number[]), start, end };
  }
  const purpose = nfc(p.purpose, 'permit.purpose', false);
  if (purpose !== undefined) f.purpose = purpose;
  return f;
}

function unitFromJson(u: Record<string, unknown>, nfc: Nfc, bad: Bad): UnitFields {
  const staffCount = u.staffCount;
  if (!(typeof staffCount === 'number' && Number.isSafeInteger(staffCount) && staffCount >= 0)) {
    bad('unit.staffCount', 'phải là số nguyên không âm');
  }
  const out: UnitFields = {
    unitTaxCode: nfc(u.unitTaxCode, 'unit.unitTaxCode', true) ?? '',
    unitName: nfc(u.unitName, 'unit.unitName', true) ?? '',
    staffCount: typeof staffCount === 'number' ? staffCount : 0,
    approvalRef: nfc(u.approvalRef, 'unit.approvalRef', true) ?? '',
  };
  const address = nfc(u.address, 'unit.address', false);
  if (address !== undefined) out.address = address;
  return out;
}
