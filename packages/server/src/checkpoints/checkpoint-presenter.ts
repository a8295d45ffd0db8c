import { type CheckpointView, checkpointSchema } from '@thonghanh/contract';
import type { CheckpointRecord } from './checkpoint-query.js';

export { type CheckpointView, checkpointSchema };

export const presentCheckpoint = (c: CheckpointRecord): CheckpointView => ({
  id: c.id,
  ownerWardCode: c.owner_ward_code,
  wardCode: c.ward_code,
  wardName: c.ward_name,
  name: c.name,
  place: c.place,
  active: c.active === 1,
  latitude: c.latitude === null ? null : Number(c.latitude),
  longitude: c.longitude === null ? null : Number(c.longitude),
  createdAt: c.created_at,
  updatedAt: c.updated_at,
});

/** The policy's view: a checkpoint sits in its owner ward's area. */
export const checkpointResource = (c: CheckpointRecord) => ({
  type: 'checkpoint',
  wardCode: c.owner_ward_code,
  districtCode: c.owner_district_code,
  provinceCode: c.owner_province_code,
});
