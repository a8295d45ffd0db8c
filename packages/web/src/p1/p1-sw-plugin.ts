import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Plugin, transformWithOxc } from 'vite';

const SOURCE = resolve(import.meta.dirname, 'p1-sw.ts');

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  name: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
}

/**
 * Writes dist/p1-sw.js, the /p1 page's own service worker (p1-sw.ts): only the page and the
 * files it loads are listed (its entry chunk, their imports — the noble fallback included —,
 * CSS and assets), not the checkpoint app's decoder, so a citizen's phone keeps ~100 KB, not
 * 1.4 MB. The version is a hash of that list and of p1.html: a new build, a new cache.
 * (vite-plugin-pwa makes the checkpoint's worker; it handles one worker per build.)
 */
export function p1ServiceWorker(): Plugin {
  return {
    name: 'thonghanh-p1-service-worker',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((f): f is typeof f & ChunkLike => f.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry && c.name === 'p1');
      const html = bundle['p1.html'];
      if (!entry || !html || html.type !== 'asset') {
        this.error('p1 service worker: the p1 entry or p1.html is missing from the bundle');
      }
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const files = new Set<string>();
      const visit = (c: ChunkLike) => {
        if (files.has(c.fileName)) return;
        files.add(c.fileName);
        for (const css of c.viteMetadata?.importedCss ?? []) files.add(css);
        for (const asset of c.viteMetadata?.importedAssets ?? []) files.add(asset);
        for (const next of [...c.imports, ...c.dynamicImports]) {
          const chunk = byName.get(next);
          if (chunk) visit(chunk);
        }
      };
      visit(entry as ChunkLike);
      const list = ['/p1.html', ...[...files].sort().map((f) => `/${f}`)];
      const version = createHash('sha256')
        .update(JSON.stringify(list))
        .update(html.source)
        .digest('base64url')
        .slice(0, 16);
      const { code } = await transformWithOxc(readFileSync(SOURCE, 'utf8'), SOURCE, { lang: 'ts' });
      const source = code
        .replace(/^export \{\};?\s*$/m, '')
        .replace('__P1_VERSION__', () => version)
        .replace(/(['"])__P1_FILES__\1/, () => JSON.stringify(JSON.stringify(list)));
      this.emitFile({ type: 'asset', fileName: 'p1-sw.js', source });
    },
  };
}
