import { SYSTEM_ACTOR } from '../audit/append-audit.js';
import { createCheckpoint } from '../checkpoints/save-checkpoint.js';
import { DEMO, type DemoStep } from './demo-context.js';

/** Đức Giang's checkpoints, placed (approximately) where they stand in Long Biên. */
export const DEMO_CHECKPOINTS = [
  {
    name: 'Chốt cầu Đông Trù',
    place: 'Đầu cầu Đông Trù, phía phường Đức Giang',
    latitude: 21.0772,
    longitude: 105.8993,
  },
  {
    name: 'Chốt ngã ba Đức Giang – Ngô Gia Tự',
    place: 'Ngã ba phố Đức Giang giao đường Ngô Gia Tự',
    latitude: 21.0596,
    longitude: 105.8949,
  },
  {
    name: 'Chốt phố Trường Lâm',
    place: 'Phố Trường Lâm, đoạn gần đê sông Đuống',
    latitude: 21.0641,
    longitude: 105.9027,
  },
];

export const demoCheckpointsStep: DemoStep = {
  name: 'checkpoints',
  async run(ctx) {
    for (const c of DEMO_CHECKPOINTS) {
      await createCheckpoint(ctx.db, DEMO.ward, { ...c, wardCode: DEMO.ward }, SYSTEM_ACTOR, ctx.now);
    }
  },
};
