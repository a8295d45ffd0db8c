import { type AuditActor, audit } from '../audit/append-audit.js';
import { newId } from '../db/ids.js';
import type { Executor } from '../db/schema.js';
import { AppError, validationFailed } from '../errors.js';
import { wardArea } from '../jurisdictions/ward-area.js';
import { type CheckpointRecord, checkpointNameTaken, findCheckpoint } from './checkpoint-query.js';

export interface CheckpointInput {
  name: string;
  /** Where it stands: any real ward (a neighbouring one is fine). */
  wardCode: string;
  place: string;
  /** WGS 84 degrees; both or neither (null: not placed on the map). */
  latitude?: number | null;
  longitude?: number | null;
}

/** Coordinates come in pairs: one without the other is refused on the missing field. */
function checkCoordinates(latitude: number | null | undefined, longitude: number | null | undefined): void {
  const has = (v: number | null | undefined) => v !== null && v !== undefined;
  if (has(latitude) === has(longitude)) return;
  const missing = has(latitude) ? 'longitude' : 'latitude';
  throw validationFailed([
    {
      path: `body.${missing}`,
      code: 'coordinates_pair',
      message: 'Nhập cả vĩ độ và kinh độ của chốt, hoặc bỏ trống cả hai.',
    },
  ]);
}

/** Creates a checkpoint owned by `ownerWardCode`; audited as `checkpoint.created`. */
export async function createCheckpoint(
  db: Executor,
  ownerWardCode: string,
  input: CheckpointInput,
  actor: AuditActor,
  now: Date,
): Promise<CheckpointRecord> {
  await wardArea(db, input.wardCode, 'body.wardCode');
  checkCoordinates(input.latitude, input.longitude);
  if (await checkpointNameTaken(db, ownerWardCode, input.name)) throw new AppError('checkpoint_name_taken');
  const id = newId();
  const at = now.toISOString();
  const row = {
    id,
    owner_ward_code: ownerWardCode,
    ward_code: input.wardCode,
    name: input.name,
    place: input.place,
    active: 1,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('checkpoints').values(row).execute();
  await audit(db, actor, 'checkpoint.created', { type: 'checkpoint', id, wardCode: ownerWardCode }, { ...input }, now);
  return (await findCheckpoint(db, id))!;
}

/** Changes name, location, place or the active flag; audited with the changed fields only. */
export async function updateCheckpoint(
  db: Executor,
  current: CheckpointRecord,
  changes: Partial<CheckpointInput> & { active?: boolean },
  actor: AuditActor,
  now: Date,
): Promise<CheckpointRecord> {
  if (changes.wardCode !== undefined) await wardArea(db, changes.wardCode, 'body.wardCode');
  if (changes.latitude !== undefined || changes.longitude !== undefined) {
    checkCoordinates(
      changes.latitude !== undefined ? changes.latitude : current.latitude,
      changes.longitude !== undefined ? changes.longitude : current.longitude,
    );
  }
  if (
    changes.name !== undefined &&
    (await checkpointNameTaken(db, current.owner_ward_code, changes.name, current.id))
  ) {
    throw new AppError('checkpoint_name_taken');
  }
  const set = {
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.wardCode !== undefined ? { ward_code: changes.wardCode } : {}),
    ...(changes.place !== undefined ? { place: changes.place } : {}),
    ...(changes.latitude !== undefined ? { latitude: changes.latitude } : {}),
    ...(changes.longitude !== undefined ? { longitude: changes.longitude } : {}),
    ...(changes.active !== undefined ? { active: changes.active ? 1 : 0 } : {}),
  };
  const changed = Object.fromEntries(
    Object.entries(set).filter(([k, v]) => (current as unknown as Record<string, unknown>)[k] !== v),
  );
  if (Object.keys(changed).length === 0) return current;
  await db
    .updateTable('checkpoints')
    .set({ ...changed, updated_at: now.toISOString() })
    .where('id', '=', current.id)
    .execute();
  const action = changes.active === false && current.active === 1 ? 'checkpoint.deactivated' : 'checkpoint.updated';
  await audit(
    db,
    actor,
    action,
    { type: 'checkpoint', id: current.id, wardCode: current.owner_ward_code },
    changed,
    now,
  );
  return (await findCheckpoint(db, current.id))!;
}
