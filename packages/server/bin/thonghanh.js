#!/usr/bin/env node
// Runs the built command line (packages/server/dist, made by `npm ci` and `npm start`) when it
// is as new as the sources; otherwise, while the sources are being edited, runs them through
// tsx. THONGHANH_RUN=dist or =src forces one (docs/runtime.md).
import { isDistFresh } from '../build-freshness.mjs';

const run = process.env.THONGHANH_RUN ?? (isDistFresh() ? 'dist' : 'src');
let main;
if (run === 'dist') {
  ({ main } = await import('../dist/cli.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
