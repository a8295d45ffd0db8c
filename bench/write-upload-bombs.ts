/**
 * Writes every upload bomb of issue 9, item 2 to a directory, for a manual replay against a
 * running server: `node --import tsx bench/write-upload-bombs.ts /tmp/bombs`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { uploadBombs } from '../packages/server/src/staff/import/upload-bombs.test-support.js';

const dir = resolve(process.argv[2] ?? 'upload-bombs');
mkdirSync(dir, { recursive: true });
for (const b of uploadBombs()) {
  writeFileSync(join(dir, `${b.name}.xlsx`), b.bytes);
  console.log(
    `${b.name}.xlsx  ${(b.bytes.length / 1024).toFixed(0)} KiB → ${(b.inflated / 1024 / 1024).toFixed(0)} MiB  (${b.what}; expect ${b.expect})`,
  );
}
console.log(`written to ${dir}`);
