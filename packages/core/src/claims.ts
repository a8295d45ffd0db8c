import { decodeCbor } from './cbor/decode.js';
import { type Encodable, encodeCbor } from './cbor/encode.js';
import { CborMap, type CborValue } from './cbor/types.js';
import { isValidTaxCode } from './identifiers/tax-code.js';
import { fail, ok, type Result } from './result.js';
import { codePointLength, isNfc, isWardCode } from './text-rules.js';

/** Claim keys of spec §1. */
export const CLAIM = { iss: 1, exp: 4, nbf: 5, iat: 6, cti: 7, permit: -65537, unit: -65538 } as const;
export const PERMIT_FIELD = {
  serial: 1,
  holder: 2,
  idType: 3,
  idNumber: 4,
  unitTaxCode: 5,
  unitName: 6,
  position: 7,
  routeFrom: 8,
  routeTo: 9,
  routeWards: 10,
  schedule: 11,
  purpose: 12,
} as const;
export const UNIT_FIELD = { unitTaxCode: 1, unitName: 2, address: 3, staffCount: 4, approvalRef: 5 } as const;

/** exp − iat may not exceed 92 days. */
export const MAX_VALIDITY_AFTER_SIGNING = 7_948_800;

export const ID_TYPE = { CCCD: 1, CMND: 2, PASSPORT: 3 } as const;
export type IdTypeName = keyof typeof ID_TYPE;
export type IdType = (typeof ID_TYPE)[IdTypeName];

export interface Schedule {
  /** Bit 0 Monday … bit 6 Sunday. */
  mask: number;
  /** Minutes of the day in Việt Nam time; start inclusive, end exclusive. */
  start: number;
  end: number;
}

export interface PermitFields {
  serial: string;
  holder: string;
  idType: IdType;
  idNumber: string;
  unitTaxCode: string;
  unitName?: string;
  position?: string;
  routeFrom: string;
  routeTo: string;
  routeWards: string[];
  schedule?: Schedule;
  purpose?: string;
}

export interface UnitFields {
  unitTaxCode: string;
  unitName: string;
  address?: string;
  staffCount: number;
  approvalRef: string;
}

/** The claims of one credential, times in whole seconds since the epoch. */
export interface Claims {
  iss: string;
  exp: number;
  nbf: number;
  iat: number;
  cti: Uint8Array;
  permit?: PermitFields;
  unit?: UnitFields;
}

export type CredentialKind = 'permit' | 'unit';

/** Any character but Unicode White_Space: a text without one is blank. */
const NOT_WHITE_SPACE = /[^\p{White_Space}]/u;

export const ISSUER_PATTERN = /^VN-[0-9]{2}-[0-9]{3}-[0-9]{5}$/;

/** One broken rule: where (a claim path) and what. */
export interface ClaimProblem {
  path: string;
  message: string;
}

function checkText(
  problems: ClaimProblem[],
  path: string,
  value: string | undefined,
  max: number,
  required: boolean,
): void {
  if (value === undefined) {
    if (required) problems.push({ path, message: 'bắt buộc' });
    return;
  }
  if (!isNfc(value)) problems.push({ path, message: 'phải ở dạng chuẩn hóa Unicode NFC' });
  if (required && !NOT_WHITE_SPACE.test(value)) problems.push({ path, message: 'không được để trống' });
  if (codePointLength(value) > max) problems.push({ path, message: `dài quá ${max} ký tự` });
}

function isUint(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

export function idNumberProblem(idType: number, idNumber: string): string | null {
  if (idType === ID_TYPE.CCCD) return /^[0-9]{12}$/.test(idNumber) ? null : 'số CCCD phải gồm 12 chữ số';
  if (idType === ID_TYPE.CMND)
    return /^(?:[0-9]{9}|[0-9]{12})$/.test(idNumber) ? null : 'số CMND phải gồm 9 hoặc 12 chữ số';
  if (idType === ID_TYPE.PASSPORT)
    return /^[A-Z0-9]{6,12}$/.test(idNumber) ? null : 'số hộ chiếu phải gồm 6–12 chữ in hoa hoặc chữ số';
  return 'loại giấy tờ phải là 1 (CCCD), 2 (CMND) hoặc 3 (hộ chiếu)';
}

/** Every rule of spec §1 that the claims break; empty when they are well-formed. */
export function claimProblems(c: Claims): ClaimProblem[] {
  const p: ClaimProblem[] = [];
  if (!ISSUER_PATTERN.test(c.iss)) p.push({ path: 'iss', message: 'phải có dạng VN-TT-HHH-XXXXX' });
  for (const k of ['exp', 'nbf', 'iat'] as const) {
    if (!isUint(c[k])) p.push({ path: k, message: 'phải là số giây nguyên không âm' });
  }
  if (!(c.nbf < c.exp)) p.push({ path: 'nbf', message: 'phải trước exp' });
  if (c.exp - c.iat > MAX_VALIDITY_AFTER_SIGNING) p.push({ path: 'exp', message: 'quá 92 ngày sau thời điểm ký' });
  if (c.cti.length !== 16) p.push({ path: 'cti', message: 'phải dài đúng 16 byte' });
  if ((c.permit === undefined) === (c.unit === undefined)) {
    p.push({ path: 'permit', message: 'phải có đúng một trong permit và unit' });
  }
  if (c.permit) {
    const f = c.permit;
    checkText(p, 'permit.serial', f.serial, 24, true);
    checkText(p, 'permit.holder', f.holder, 64, true);
    const idProblem = idNumberProblem(f.idType, f.idNumber);
    if (idProblem) p.push({ path: 'permit.idNumber', message: idProblem });
    if (!isValidTaxCode(f.unitTaxCode)) p.push({ path: 'permit.unitTaxCode', message: 'mã số thuế không hợp lệ' });
    checkText(p, 'permit.unitName', f.unitName, 80, false);
    checkText(p, 'permit.position', f.position, 40, false);
    checkText(p, 'permit.routeFrom', f.routeFrom, 80, true);
    checkText(p, 'permit.routeTo', f.routeTo, 80, true);
    f.routeWards.forEach((w, i) => {
      if (!isWardCode(w)) p.push({ path: `permit.routeWards[${i}]`, message: 'mã phường/xã phải gồm 5 chữ số' });
    });
    if (f.schedule) {
      const { mask, start, end } = f.schedule;
      if (!isUint(mask) || mask < 1 || mask > 127)
        p.push({ path: 'permit.schedule', message: 'ngày trong tuần không hợp lệ' });
      if (!isUint(start) || !isUint(end) || !(start < end) || end > 1440) {
        p.push({ path: 'permit.schedule', message: 'giờ bắt đầu phải trước giờ kết thúc, trong một ngày' });
      }
    }
    checkText(p, 'permit.purpose', f.purpose, 80, false);
  }
  if (c.unit) {
    const u = c.unit;
    if (!isValidTaxCode(u.unitTaxCode)) p.push({ path: 'unit.unitTaxCode', message: 'mã số thuế không hợp lệ' });
    checkText(p, 'unit.unitName', u.unitName, 80, true);
    checkText(p, 'unit.address', u.address, 120, false);
    if (!isUint(u.staffCount)) p.push({ path: 'unit.staffCount', message: 'phải là số nguyên không âm' });
    checkText(p, 'unit.approvalRef', u.approvalRef, 32, true);
  }
  return p;
}

/** Deterministic CBOR of the claims (RFC 8949 §4.2.1), as issuers must write it. */
export function encodeClaims(c: Claims): Uint8Array {
  const m = new Map<number, Encodable>([
    [CLAIM.iss, c.iss],
    [CLAIM.exp, c.exp],
    [CLAIM.nbf, c.nbf],
    [CLAIM.iat, c.iat],
    [CLAIM.cti, c.cti],
  ]);
  if (c.permit) {
    const f = c.permit;
    const pm = new Map<number, Encodable>([
      [PERMIT_FIELD.serial, f.serial],
      [PERMIT_FIELD.holder, f.holder],
      [PERMIT_FIELD.idType, f.idType],
      [PERMIT_FIELD.idNumber, f.idNumber],
      [PERMIT_FIELD.unitTaxCode, f.unitTaxCode],
      [PERMIT_FIELD.routeFrom, f.routeFrom],
      [PERMIT_FIELD.routeTo, f.routeTo],
      [PERMIT_FIELD.routeWards, f.routeWards],
    ]);
    if (f.unitName !== undefined) pm.set(PERMIT_FIELD.unitName, f.unitName);
    if (f.position !== undefined) pm.set(PERMIT_FIELD.position, f.position);
    if (f.schedule) pm.set(PERMIT_FIELD.schedule, [f.schedule.mask, f.schedule.start, f.schedule.end]);
    if (f.purpose !== undefined) pm.set(PERMIT_FIELD.purpose, f.purpose);
    m.set(CLAIM.permit, pm);
  }
  if (c.unit) {
    const u = c.unit;
    const um = new Map<number, Encodable>([
      [UNIT_FIELD.unitTaxCode, u.unitTaxCode],
      [UNIT_FIELD.unitName, u.unitName],
      [UNIT_FIELD.staffCount, u.staffCount],
      [UNIT_FIELD.approvalRef, u.approvalRef],
    ]);
    if (u.address !== undefined) um.set(UNIT_FIELD.address, u.address);
    m.set(CLAIM.unit, um);
  }
  return encodeCbor(m);
}

/** Thrown only inside this module, to leave the reader at the first mistyped field. */
class Mistyped {
  constructor(readonly path: string) {}
}

function text(m: CborMap, key: number, path: string): string;
function text(m: CborMap, key: number, path: string, optional: true): string | undefined;
function text(m: CborMap, key: number, path: string, optional = false): string | undefined {
  const v = m.get(key);
  if (v === undefined && optional && !m.has(key)) return undefined;
  if (typeof v !== 'string') throw new Mistyped(path);
  return v;
}

function uint(m: CborMap, key: number, path: string): number {
  const v = m.get(key);
  if (!isUint(v)) throw new Mistyped(path);
  return v;
}

function readPermit(m: CborMap): PermitFields {
  const idType = uint(m, PERMIT_FIELD.idType, 'permit.idType');
  if (idType < 1 || idType > 3) throw new Mistyped('permit.idType');
  const wards = m.get(PERMIT_FIELD.routeWards);
  if (!Array.isArray(wards) || !wards.every((w): w is string => typeof w === 'string')) {
    throw new Mistyped('permit.routeWards');
  }
  const f: PermitFields = {
    serial: text(m, PERMIT_FIELD.serial, 'permit.serial'),
    holder: text(m, PERMIT_FIELD.holder, 'permit.holder'),
    idType: idType as IdType,
    idNumber: text(m, PERMIT_FIELD.idNumber, 'permit.idNumber'),
    unitTaxCode: text(m, PERMIT_FIELD.unitTaxCode, 'permit.unitTaxCode'),
    routeFrom: text(m, PERMIT_FIELD.routeFrom, 'permit.routeFrom'),
    routeTo: text(m, PERMIT_FIELD.routeTo, 'permit.routeTo'),
    routeWards: wards,
  };
  const unitName = text(m, PERMIT_FIELD.unitName, 'permit.unitName', true);
  if (unitName !== undefined) f.unitName = unitName;
  const position = text(m, PERMIT_FIELD.position, 'permit.position', true);
  if (position !== undefined) f.position = position;
  if (m.has(PERMIT_FIELD.schedule)) {
    const s = m.get(PERMIT_FIELD.schedule);
    if (!Array.isArray(s) || s.length !== 3 || !s.every(isUint)) throw new Mistyped('permit.schedule');
    f.schedule = { mask: s[0] as number, start: s[1] as number, end: s[2] as number };
  }
  const purpose = text(m, PERMIT_FIELD.purpose, 'permit.purpose', true);
  if (purpose !== undefined) f.purpose = purpose;
  return f;
}

function readUnit(m: CborMap): UnitFields {
  const u: UnitFields = {
    unitTaxCode: text(m, UNIT_FIELD.unitTaxCode, 'unit.unitTaxCode'),
    unitName: text(m, UNIT_FIELD.unitName, 'unit.unitName'),
    staffCount: uint(m, UNIT_FIELD.staffCount, 'unit.staffCount'),
    approvalRef: text(m, UNIT_FIELD.approvalRef, 'unit.approvalRef'),
  };
  const address = text(m, UNIT_FIELD.address, 'unit.address', true);
  if (address !== undefined) u.address = address;
  return u;
}

/** Reads and checks the CWT claims of a payload: exactly one CBOR map, every rule of §1. */
export function decodeClaims(payload: Uint8Array): Result<Claims, 'malformed'> {
  let item: CborValue;
  try {
    item = decodeCbor(payload);
  } catch (e) {
    return fail('malformed', 'nội dung không phải CBOR hợp lệ', (e as Error).message);
  }
  if (!(item instanceof CborMap)) return fail('malformed', 'nội dung phải là map CBOR');
  let claims: Claims;
  try {
    const cti = item.get(CLAIM.cti);
    if (!(cti instanceof Uint8Array)) throw new Mistyped('cti');
    claims = {
      iss: text(item, CLAIM.iss, 'iss'),
      exp: uint(item, CLAIM.exp, 'exp'),
      nbf: uint(item, CLAIM.nbf, 'nbf'),
      iat: uint(item, CLAIM.iat, 'iat'),
      cti,
    };
    if (item.has(CLAIM.permit)) {
      const pm = item.get(CLAIM.permit);
      if (!(pm instanceof CborMap)) throw new Mistyped('permit');
      claims.permit = readPermit(pm);
    }
    if (item.has(CLAIM.unit)) {
      const um = item.get(CLAIM.unit);
      if (!(um instanceof CborMap)) throw new Mistyped('unit');
      claims.unit = readUnit(um);
    }
  } catch (e) {
    if (e instanceof Mistyped) return fail('malformed', `trường ${e.path} thiếu hoặc sai kiểu`, e.path);
    throw e;
  }
  const problems = claimProblems(claims);
  if (problems.length > 0) {
    const first = problems[0] as ClaimProblem;
    return fail('malformed', `trường ${first.path} ${first.message}`, first.path);
  }
  return ok(claims);
}

export function kindOf(c: Claims): CredentialKind {
  return c.permit ? 'permit' : 'unit';
}
