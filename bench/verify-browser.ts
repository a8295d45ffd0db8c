import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS } from '../packages/web/e2e/chromium.js';
import type { BrowserBenchInput, ProviderResult } from './browser/protocol.js';
import { loadFixture, loadTrustJson } from './fixtures.js';
import type { MeasureOptions } from './measure.js';

export const BROWSER_OPTIONS: MeasureOptions = { rounds: 25, sliceMs: 150, batch: 8 };

export interface VerifyBrowserResult {
  chromiumVersion: string;
  userAgent: string;
  ed25519InWebCrypto: boolean;
  /** Size of the bundled page script, bytes. */
  bundleBytes: number;
  results: ProviderResult[];
  options: MeasureOptions;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** Bundles bench/browser with Vite into dir; returns the size of the emitted JavaScript. */
async function bundle(dir: string): Promise<number> {
  const output = await build({
    configFile: false,
    root: join(import.meta.dirname, 'browser'),
    logLevel: 'warn',
    build: { outDir: dir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false, sourcemap: false },
  });
  const outputs = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
  return outputs.reduce((n, o) => n + (o.type === 'chunk' ? o.code.length : 0), 0);
}

/** Serves the files of dir on 127.0.0.1 at a port the system picks. */
async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    const file = path.endsWith(sep) ? join(path, 'index.html') : path;
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

/**
 * Verifications per second of the reference permit in Debian's Chromium: the whole
 * pipeline with the WebCrypto provider and with the noble provider, each beside the raw
 * Ed25519 check of the same library in the same page and run.
 */
export async function benchVerifyBrowser(options: MeasureOptions = BROWSER_OPTIONS): Promise<VerifyBrowserResult> {
  const work = await mkdtemp(join(tmpdir(), 'thonghanh-bench-'));
  const out = join(work, 'dist');
  const profile = join(work, 'profile');
  let server: Server | undefined;
  try {
    const bundleBytes = await bundle(out);
    const served = await serve(out);
    server = served.server;
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(served.url);
      await page.waitForFunction(() => window.thonghanhBench !== undefined, undefined, { timeout: 20_000 });
      const permit = loadFixture('reference-permit');
      const input: BrowserBenchInput = {
        text: permit.text,
        trust: loadTrustJson(),
        verifyAt: permit.verifyAt,
        options,
      };
      const ed25519InWebCrypto = await page.evaluate(() => window.thonghanhBench!.ed25519Supported());
      const results: ProviderResult[] = [];
      for (const provider of ed25519InWebCrypto ? (['webcrypto', 'noble'] as const) : (['noble'] as const)) {
        results.push(await page.evaluate(([i, p]) => window.thonghanhBench!.run(i, p), [input, provider] as const));
      }
      if (errors.length > 0) throw new Error(`errors in the page: ${errors.join('; ')}`);
      const session = await context.newCDPSession(page);
      const version = (await session.send('Browser.getVersion')) as { product: string; userAgent: string };
      return {
        chromiumVersion: version.product.replace(/^(Headless)?Chrome\//, 'Chromium '),
        userAgent: version.userAgent,
        ed25519InWebCrypto,
        bundleBytes,
        results,
        options,
      };
    } finally {
      await context.close();
    }
  } finally {
    server?.close();
    await rm(work, { recursive: true, force: true });
  }
}
