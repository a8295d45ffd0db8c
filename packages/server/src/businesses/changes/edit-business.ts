import type { BusinessPatch } from '@thonghanh/contract';
import { nameSearchKey } from '@thonghanh/core';
import { type AuditActor, audit } from '../../audit/append-audit.js';
import { canonicalJson } from '../../audit/canonical-json.js';
import { newId } from '../../db/ids.js';
import type { BusinessChangeRow, Executor } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { BusinessRecord } from '../business-presenter.js';
import { findBusiness } from '../business-query.js';
import { COLUMN, changedFields, DIRECT_FIELDS, type EditableField, REVIEWED_FIELDS } from './business-change-fields.js';
import { findBusinessChange, pendingChangeOf } from './business-change-query.js';
import { type MoveTarget, moveTarget } from './move-business.js';

export interface EditedBusiness {
  business: BusinessRecord;
  /** The request waiting for the desk, when reviewed fields were asked for. */
  change: BusinessChangeRow | null;
}

/** The `businesses` columns to set for `fields` (the name's search key with the name). */
export function columnsOf(fields: Partial<Record<EditableField, string | null>>): Record<string, string | null> {
  const set: Record<string, string | null> = {};
  for (const [f, v] of Object.entries(fields) as Array<[EditableField, string | null]>) set[COLUMN[f]] = v;
  if (typeof fields.name === 'string') set.name_key = nameSearchKey(fields.name);
  return set;
}

/**
 * Changes a business's details. The ward desk's edits, and a business's own edits while
 * its registration still waits for (or was refused by) the ward, apply at once: the ward
 * reviews them anyway. An active or suspended business's own change to a reviewed field
 * (name, address, line of business) becomes a `pending` request for the desk; its contact
 * details apply at once. One pending request at a time (409 `business_change_pending`),
 * checked after the audit head is taken (it serialises writers). Nothing differs → 400
 * `nothing_to_change`. A `wardCode` asks for a move (move-business.ts): the new address goes
 * with it, and the request is the destination ward's to decide (its area on the row).
 */
export async function editBusiness(
  db: Executor,
  business: BusinessRecord,
  edit: BusinessPatch,
  actor: AuditActor,
  now: Date,
): Promise<EditedBusiness> {
  const move =
    edit.wardCode === undefined ? null : await moveTarget(db, business, { ...edit, wardCode: edit.wardCode }, actor);
  const changed = changedFields(business, edit);
  if (move) changed.address = edit.address ?? null;
  const names = Object.keys(changed) as EditableField[];
  if (names.length === 0) throw new AppError('nothing_to_change');
  const byWard = actor.role === 'ward_officer';
  const beforeReview = business.status === 'pending' || business.status === 'refused';
  const direct: Partial<Record<EditableField, string | null>> = {};
  const reviewed: Partial<Record<EditableField, string | null>> = {};
  for (const f of names) {
    if (byWard || beforeReview || (DIRECT_FIELDS as readonly string[]).includes(f)) direct[f] = changed[f] ?? null;
    else reviewed[f] = changed[f] ?? null;
  }
  const at = now.toISOString();
  const entity = { type: 'business' as const, id: business.id, wardCode: business.ward_code };
  let change: BusinessChangeRow | null = null;
  if (Object.keys(reviewed).length > 0) {
    const moving = move ? { wardCode: move.wardCode } : {};
    await audit(
      db,
      actor,
      'business.change_requested',
      entity,
      { fields: Object.keys(reviewed), ...reviewed, ...moving },
      now,
    );
    if (await pendingChangeOf(db, business.id)) throw new AppError('business_change_pending');
    const previous: Record<string, string | null> = {};
    for (const f of Object.keys(reviewed) as EditableField[]) previous[f] = business[COLUMN[f]] as string | null;
    const id = newId();
    await db
      .insertInto('business_changes')
      .values({
        id,
        business_id: business.id,
        ...changeArea(business, move),
        proposed: canonicalJson(move ? { ...reviewed, wardCode: move.wardCode, wardName: move.wardName } : reviewed),
        previous: canonicalJson(
          move ? { ...previous, wardCode: business.ward_code, wardName: business.ward_name } : previous,
        ),
        status: 'pending',
        reason: null,
        requested_by: actor.id,
        requested_at: at,
        decided_by: null,
        decided_at: null,
      })
      .execute();
    change = (await findBusinessChange(db, id)) ?? null;
  }
  if (Object.keys(direct).length > 0) {
    await audit(db, actor, 'business.updated', entity, { fields: Object.keys(direct), ...direct }, now);
    await db
      .updateTable('businesses')
      .set({ ...columnsOf(direct), updated_at: at })
      .where('id', '=', business.id)
      .execute();
  }
  return { business: (await findBusiness(db, business.id)) as BusinessRecord, change };
}

/** Whose request it is: the business's ward, or for a move the destination ward (it decides). */
const changeArea = (b: BusinessRecord, move: MoveTarget | null) =>
  move
    ? { ward_code: move.wardCode, district_code: move.districtCode, province_code: move.provinceCode }
    : { ward_code: b.ward_code, district_code: b.district_code, province_code: b.province_code };

/** The reviewed fields, in their order (for presenters). */
export const reviewedFieldsOf = (json: string): Partial<Record<EditableField, string | null>> => {
  const parsed = JSON.parse(json) as Record<string, string | null>;
  const out: Partial<Record<EditableField, string | null>> = {};
  for (const f of REVIEWED_FIELDS) if (f in parsed) out[f] = parsed[f] ?? null;
  return out;
};
