import { z } from 'zod';
import { booleanQuery, itemsOf, timestamp, wardCode } from './common.js';
import { TEXT_LIMITS } from './limits.js';

export const checkpointSchema = z.object({
  id: z.string(),
  ownerWardCode: z.string().describe('Phường quản lý chốt'),
  wardCode: z.string().describe('Phường nơi đặt chốt'),
  wardName: z.string(),
  name: z.string(),
  place: z.string(),
  active: z.boolean(),
  latitude: z.number().nullable().describe('Vĩ độ (WGS 84)'),
  longitude: z.number().nullable().describe('Kinh độ (WGS 84)'),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type CheckpointView = z.infer<typeof checkpointSchema>;

const fields = {
  name: z.string().trim().min(1, 'Nhập tên chốt').max(TEXT_LIMITS.checkpointName),
  wardCode: wardCode,
  place: z.string().trim().max(TEXT_LIMITS.checkpointPlace),
  latitude: z.number().min(-90).max(90).nullable().describe('Vĩ độ (WGS 84), ví dụ 21.0583'),
  longitude: z.number().min(-180).max(180).nullable().describe('Kinh độ (WGS 84), ví dụ 105.8961'),
};

export const listCheckpointsQuery = z.object({
  ward: wardCode.optional().describe('Phường quản lý chốt'),
  active: booleanQuery.optional(),
});
export const checkpointListResponse = itemsOf(checkpointSchema);

export const createCheckpointBody = z.object({
  ...fields,
  place: fields.place.default(''),
  latitude: fields.latitude.optional(),
  longitude: fields.longitude.optional(),
});

export const updateCheckpointBody = z.object({
  name: fields.name.optional(),
  wardCode: fields.wardCode.optional(),
  place: fields.place.optional(),
  latitude: fields.latitude.optional(),
  longitude: fields.longitude.optional(),
  active: z.boolean().optional(),
});
