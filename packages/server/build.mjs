// Builds packages/server/dist: the `thonghanh` command line (and so the server) bundled by
// esbuild into ES modules that Node runs without tsx. Our code, @thonghanh/core and
// kysely and zod (BUNDLED below) are bundled; every other package stays an import from
// node_modules (native addons, wasm and fonts found next to their package).
// Each command and each lazily imported module becomes its own chunk, so `thonghanh --help`
// loads a few kilobytes and `thonghanh verify` none of the server.
//
//   node packages/server/build.mjs             build
//   node packages/server/build.mjs --if-stale  build only when a source is newer than dist
//
// `npm ci` runs it (the root `prepare` script), `npm start` runs it with --if-stale.
import { readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { DIST_DIR, isDistFresh } from './build-freshness.mjs';

const server = import.meta.dirname;

/**
 * Entry points, by output name: the command line, and every worker thread's file
 * (every `src/…/NAME-worker.ts`). A module starts its worker with
 * `new URL('./x-worker.js', import.meta.url)`, i.e. beside the file it was bundled into:
 * dist/chunks/ for everything behind a command, so each worker is emitted there and, for
 * a module that lands in an entry file, in dist/ too.
 */
export const ENTRIES = { cli: 'src/cli/main.ts' };
for (const file of readdirSync(join(server, 'src'), { recursive: true })) {
  if (!String(file).endsWith('-worker.ts')) continue;
  const name = basename(String(file), '.ts');
  const source = `src/${String(file).split(sep).join('/')}`;
  ENTRIES[name] = source;
  ENTRIES[`chunks/${name}`] = source;
}

if (process.argv.includes('--if-stale') && isDistFresh()) process.exit(0);

const { build } = await import('esbuild');
const started = performance.now();
const startedAt = new Date();
// Built aside, then swapped in: a command started meanwhile sees the old dist or the new one.
const tmp = `${DIST_DIR}.tmp-${process.pid}`;
rmSync(tmp, { recursive: true, force: true });

/**
 * Packages published as hundreds of small ES modules (kysely 263 at server start, zod 95):
 * Node opens, reads and compiles each one, a third of `serve`'s start-up; bundled they are
 * a few chunks (docs/runtime.md "Start-up"). Pure JavaScript, MIT; they stay installed in
 * node_modules with their licences, and dist is built from there by `npm ci`.
 */
const BUNDLED = ['kysely', 'zod'];
const bundled = (path) => BUNDLED.some((name) => path === name || path.startsWith(`${name}/`));

/** Bare imports stay external, except our own workspace packages (TypeScript sources) and BUNDLED. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@thonghanh/') || bundled(args.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const result = await build({
  absWorkingDir: server,
  entryPoints: ENTRIES,
  outdir: tmp,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  chunkNames: 'chunks/[name]-[hash]',
  // Linked maps: Node reads them only with --enable-source-maps (docs/runtime.md).
  sourcemap: 'linked',
  plugins: [externalPackages],
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(join(tmp, 'meta.json'), JSON.stringify(result.metafile));
// Its time is the build's start: a source saved during the build leaves dist stale.
writeFileSync(join(tmp, '.build-stamp'), `${startedAt.toISOString()}\n`);
utimesSync(join(tmp, '.build-stamp'), startedAt, startedAt);
rmSync(DIST_DIR, { recursive: true, force: true });
renameSync(tmp, DIST_DIR);
const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js')).length;
console.log(`packages/server/dist: ${files} tệp, ${Math.round(performance.now() - started)} ms`);
