#!/usr/bin/env node
// Runs the built command line (packages/server/dist, made by `npm ci` and `npm start`) when it
// is as new as the sources; otherwise, while the sources are being edited, runs them through
// tsx. THONGHANH_RUN=dist or =src forces one (docs/runtime.md).
import module from 'node:module';
import { isDistFresh } from '../build-freshness.mjs';

const run = process.env.THONGHANH_RUN ?? (isDistFresh() ? 'dist' : 'src');
let main;
if (run === 'dist') {
  // Node ≥ 22.1 keeps V8's compiled code of the modules it loads (in the OS temp folder,
  // or NODE_COMPILE_CACHE): the next start skips most of the compiling. Nothing on Node 20.
  module.enableCompileCache?.();
  ({ main } = await import('../dist/cli.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
