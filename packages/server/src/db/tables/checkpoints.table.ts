import type { Selectable } from 'kysely';

/** `checkpoints`: chốt kiểm soát. Owned by a ward; may stand in a neighbouring ward (`ward_code`). */
export interface CheckpointsTable {
  id: string;
  /** The ward whose admin manages it and whose officers staff it. */
  owner_ward_code: string;
  /** The ward where it stands. */
  ward_code: string;
  name: string;
  place: string;
  active: number;
  /** WGS 84 degrees, both or neither: distances between checkpoints (copied permits). */
  latitude: number | null;
  longitude: number | null;
  created_at: string;
  updated_at: string;
}

export type CheckpointRow = Selectable<CheckpointsTable>;
