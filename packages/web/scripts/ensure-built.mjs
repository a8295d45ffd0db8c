// `npm start` builds what it needs: rebuild the web app when its sources (or the core it
// bundles) are newer than the last build, and skip the build otherwise.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const web = join(import.meta.dirname, '..');
const stamp = join(web, 'dist', '.build-stamp');
const sources = [
  join(web, 'src'),
  join(web, '..', 'core', 'src'),
  join(web, '..', 'contract', 'src'),
  join(web, 'public'),
];
const files = ['index.html', 'p1.html', 'checkpoint.html', 'vite.config.ts'].map((f) => join(web, f));

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = Math.max(...sources.map(newest), ...files.map(newest));
if (built >= changed && !process.argv.includes('--force')) {
  process.exit(0);
}
console.log('Đang xây dựng ứng dụng web (packages/web)…');
const { build } = await import('vite');
await build({ configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
writeFileSync(stamp, `${new Date().toISOString()}\n`);
console.log('Đã xây dựng xong ứng dụng web.');
