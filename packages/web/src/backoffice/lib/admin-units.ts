import { useEffect, useState } from 'react';
import { api } from './api-client.js';
import type { AdminUnit, AdminUnitWithAncestors, Items } from './api-types.js';
import { sortByVi } from './vietnamese.js';

/** Administrative units change once in years: each is fetched once per page load. */
const unitCache = new Map<string, Promise<AdminUnitWithAncestors | null>>();
const childrenCache = new Map<string, Promise<AdminUnit[]>>();

export function fetchUnit(code: string): Promise<AdminUnitWithAncestors | null> {
  let p = unitCache.get(code);
  if (!p) {
    p = api.get<AdminUnitWithAncestors>(`/api/v1/admin-units/${code}`).then((r) => (r.ok ? r.data : null));
    unitCache.set(code, p);
  }
  return p;
}

export function fetchChildren(parent: string): Promise<AdminUnit[]> {
  let p = childrenCache.get(parent);
  if (!p) {
    p = api
      .get<Items<AdminUnit>>('/api/v1/admin-units', { parent })
      .then((r) => (r.ok ? sortByVi(r.data.items, (u) => u.name) : []));
    childrenCache.set(parent, p);
  }
  return p;
}

export function useUnit(code: string | null | undefined): AdminUnitWithAncestors | null {
  const [unit, setUnit] = useState<AdminUnitWithAncestors | null>(null);
  useEffect(() => {
    let live = true;
    if (code) void fetchUnit(code).then((u) => live && setUnit(u));
    else setUnit(null);
    return () => {
      live = false;
    };
  }, [code]);
  return unit;
}

/** The units under `parent` (`''`: the provinces), sorted the Vietnamese way; [] until loaded or for null. */
export function useChildUnits(parent: string | null | undefined): AdminUnit[] {
  const [units, setUnits] = useState<AdminUnit[]>([]);
  useEffect(() => {
    let live = true;
    if (parent !== null && parent !== undefined) void fetchChildren(parent).then((u) => live && setUnits(u));
    else setUnits([]);
    return () => {
      live = false;
    };
  }, [parent]);
  return units;
}

/** A map code → name for the given wards, to show names where the API gives codes. */
export function unitNames(units: AdminUnit[]): Map<string, string> {
  return new Map(units.map((u) => [u.code, u.name]));
}

/** "Phường Đức Giang" → "phường Đức Giang", as it reads inside a sentence ("UBND phường Đức Giang"). */
export function inSentence(name: string): string {
  return name.replace(/^(Phường|Xã|Thị trấn|Quận|Huyện|Thị xã|Thành phố|Tỉnh) /, (m) => m.toLowerCase());
}
