import { type Claims, daysToMask, hhmmToMinutes, ID_TYPE, type PermitFields, type Schedule } from '@thonghanh/core';
import type { BusinessRow, StaffMemberRow } from '../db/schema.js';

/** The schedule as stored on a staff entry and a permit. */
export interface StoredSchedule {
  days: number[];
  start: string;
  end: string;
}

/** Text cut to `max` code points (NFC), with `…` when cut: for claims with a length rule. */
export function clip(text: string, max: number): string {
  const t = text.normalize('NFC').trim();
  const points = [...t];
  return points.length <= max ? t : `${points.slice(0, max - 1).join('')}…`;
}

export const DEFAULT_PURPOSE = 'Đi làm việc tại đơn vị';

/** What a permit carries of its holder, frozen at issuance (the row of `permits`). */
export interface PermitSnapshot {
  holder: string;
  idType: 'CCCD' | 'CMND' | 'PASSPORT';
  idNumber: string;
  position: string | null;
  workplace: string | null;
  residence: string;
  purpose: string;
  routeFrom: string;
  routeTo: string;
  routeWards: string[];
  schedule: StoredSchedule | null;
}

export function parseSchedule(json: string | null): StoredSchedule | null {
  if (!json) return null;
  const s = JSON.parse(json) as StoredSchedule;
  return Array.isArray(s.days) && s.days.length > 0 && s.start && s.end ? s : null;
}

/** The snapshot of a staff entry for a permit (the purpose asked for, or the default). */
export function snapshotOf(staff: StaffMemberRow, business: BusinessRow, purpose: string | undefined): PermitSnapshot {
  return {
    holder: staff.full_name.normalize('NFC'),
    idType: staff.id_type,
    idNumber: staff.id_number,
    position: staff.position ? clip(staff.position, 40) : null,
    workplace: staff.workplace ?? business.address,
    residence: staff.residence_address,
    purpose: clip(purpose?.trim() || DEFAULT_PURPOSE, 80),
    routeFrom: clip(staff.route_from, 80),
    routeTo: clip(staff.route_to, 80),
    routeWards: (JSON.parse(staff.route_wards) as string[]).filter((w) => /^\d{5}$/.test(w)),
    schedule: parseSchedule(staff.schedule),
  };
}

function claimSchedule(s: StoredSchedule | null): Schedule | undefined {
  if (!s) return undefined;
  const start = hhmmToMinutes(s.start);
  const end = hhmmToMinutes(s.end);
  const mask = daysToMask(s.days);
  if (start === null || end === null || start >= end || mask < 1 || mask > 127) return undefined;
  return { mask, start, end };
}

/** The permit map of the claims (spec §1). */
export function permitFields(
  snap: PermitSnapshot,
  serial: string,
  business: Pick<BusinessRow, 'tax_code' | 'name'>,
): PermitFields {
  const schedule = claimSchedule(snap.schedule);
  return {
    serial,
    holder: snap.holder,
    idType: ID_TYPE[snap.idType],
    idNumber: snap.idNumber,
    unitTaxCode: business.tax_code,
    unitName: clip(business.name, 80),
    ...(snap.position ? { position: snap.position } : {}),
    routeFrom: snap.routeFrom,
    routeTo: snap.routeTo,
    routeWards: snap.routeWards,
    ...(schedule ? { schedule } : {}),
    purpose: snap.purpose,
  };
}

/** Claims of one credential: times in whole seconds. */
export function credentialClaims(
  issuer: string,
  cti: Uint8Array,
  now: Date,
  validity: { notBefore: Date; notAfter: Date },
  body: Pick<Claims, 'permit' | 'unit'>,
): Claims {
  return {
    iss: issuer,
    iat: Math.floor(now.getTime() / 1000),
    nbf: Math.floor(validity.notBefore.getTime() / 1000),
    exp: Math.floor(validity.notAfter.getTime() / 1000),
    cti,
    ...body,
  };
}
