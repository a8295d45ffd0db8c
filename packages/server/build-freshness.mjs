// Whether packages/server/dist was built from the sources as they are now: the newest
// modification time under the sources against the stamp the build writes last. Plain
// JavaScript and node:fs only, because bin/thonghanh.js asks it before loading anything.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const server = import.meta.dirname;
export const DIST_DIR = join(server, 'dist');
export const STAMP = join(DIST_DIR, '.build-stamp');
/**
 * What the bundle is made of: our three packages' sources, the build script, the manifests,
 * and the lock file (the bundled kysely and zod change with it: build.mjs).
 */
export const SOURCES = [
  join(server, 'src'),
  join(server, '..', 'core', 'src'),
  join(server, '..', 'contract', 'src'),
  join(server, 'build.mjs'),
  join(server, 'package.json'),
  join(server, '..', 'core', 'package.json'),
  join(server, '..', 'contract', 'package.json'),
  join(server, '..', '..', 'package-lock.json'),
];

function newest(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

export function isDistFresh() {
  if (!existsSync(STAMP)) return false;
  return statSync(STAMP).mtimeMs >= Math.max(...SOURCES.map(newest));
}
