import { SYSTEM_ACTOR } from '../audit/append-audit.js';
import { createCheckpoint } from '../checkpoints/save-checkpoint.js';
import { DEMO, type DemoStep } from './demo-context.js';

export const DEMO_CHECKPOINTS = [
  { name: 'Chốt cầu Đông Trù', place: 'Đầu cầu Đông Trù, phía phường Đức Giang' },
  { name: 'Chốt ngã ba Đức Giang – Ngô Gia Tự', place: 'Ngã ba phố Đức Giang giao đường Ngô Gia Tự' },
  { name: 'Chốt phố Trường Lâm', place: 'Phố Trường Lâm, đoạn gần đê sông Đuống' },
];

export const demoCheckpointsStep: DemoStep = {
  name: 'checkpoints',
  async run(ctx) {
    for (const c of DEMO_CHECKPOINTS) {
      await createCheckpoint(ctx.db, DEMO.ward, { ...c, wardCode: DEMO.ward }, SYSTEM_ACTOR, ctx.now);
    }
  },
};
