/**
 * `npm run bench [-- FILTER…]`: runs the benchmarks (all, or those whose id contains a
 * filter), prints their tables, and rewrites their measured blocks of docs/benchmarks.md
 * with the numbers, the date and the machine. Exit code 1 when a benchmark failed.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { benchAuditAppend } from './audit-append.js';
import { benchBulkPdf, formatBulkPdf } from './bulk-pdf.js';
import { benchInspection } from './inspection-queries.js';
import { benchIssueBatch } from './issue-batch.js';
import { describeMachine, machine, startLoad } from './machine.js';
import { benchIssuePrintIsolated } from './permit-issue-print.js';
import { benchQrVersion, MAX_VERSION } from './qr-version.js';
import { benchScan, formatScanBench } from './scan.js';
import { benchScanSync } from './scan-sync.js';
import { benchStaffImport } from './staff-import.js';
import { benchStaffImportDb } from './staff-import-db.js';
import { benchStartup, startupSection } from './startup.js';
import { consoleSection, markdownSection, type Section } from './table.js';
import { benchUploadBombs } from './upload-bombs.js';
import { benchVerifyBrowser } from './verify-browser.js';
import { benchVerifyNode } from './verify-node.js';
import { GOAL_RATIO, verifySection } from './verify-report.js';

export const DOC_PATH = join(import.meta.dirname, '../docs/benchmarks.md');

interface Outcome {
  section: Section;
  /** Set by the browser benchmark, for the machine line. */
  chromium?: string;
}

interface Benchmark {
  id: string;
  title: string;
  run(): Promise<Outcome>;
}

const BENCHMARKS: Benchmark[] = [
  {
    id: 'startup',
    title: 'Start-up: command line and server, against node -e 0',
    run: async () => ({ section: startupSection(await benchStartup()) }),
  },
  {
    id: 'verify-node',
    title: 'Permit verification in Node',
    run: async () => {
      const r = await benchVerifyNode();
      const row = { platform: `Node ${process.version}, node:crypto`, ...r };
      return { section: verifySection([row], r.options) };
    },
  },
  {
    id: 'verify-browser',
    title: 'Permit verification in Chromium',
    run: async () => {
      const r = await benchVerifyBrowser();
      const rows = r.results.map((p) => ({
        platform: `${r.chromiumVersion}, ${p.provider === 'webcrypto' ? 'WebCrypto' : '@noble/curves'}`,
        measurement: p.measurement,
        stages: p.stages,
      }));
      const section = verifySection(rows, r.options);
      section.notes.push(
        `Page script bundled by Vite: ${(r.bundleBytes / 1024).toFixed(0)} KiB. ` +
          `WebCrypto Ed25519 ${r.ed25519InWebCrypto ? 'available' : 'missing: only noble measured'}. ` +
          'Raw baselines: `crypto.subtle.verify({name: "Ed25519"}, key, sig, data)` with the CryptoKey ' +
          'the trust list imported, and `ed25519.verify(sig, data, publicKey, { zip215: false })` of ' +
          '@noble/curves (RFC 8032 strict, as the noble provider calls it).',
      );
      return { section, chromium: r.chromiumVersion };
    },
  },
  {
    id: 'qr-version',
    title: 'QR version at error-correction level M',
    run: async () => {
      const rows = benchQrVersion();
      return {
        section: {
          tables: [
            {
              title: 'QR code of each example credential (byte segment `<ORIGIN>/p1#`, numeric segment for the digits)',
              headers: [
                'credential',
                'alg',
                'text length',
                'digits',
                'COSE bytes',
                'QR version (M)',
                'modules',
                `≤ ${MAX_VERSION}`,
                `digits left at version ${MAX_VERSION}`,
              ],
              right: [2, 3, 4, 5, 6, 8],
              rows: rows.map((r) => [
                r.name,
                r.alg,
                String(r.textLength),
                String(r.digits),
                String(r.coseBytes),
                String(r.version),
                `${r.modules} × ${r.modules}`,
                r.version <= MAX_VERSION ? 'yes' : 'no',
                String(r.digitsLeftAtMax),
              ]),
            },
          ],
          notes: [
            `Origin of the examples: \`${rows[0]?.origin}\`. ` +
              `17 digits carry 7 bytes, so the digits left at version ${MAX_VERSION} are worth about ` +
              `${Math.floor(((rows[0]?.digitsLeftAtMax ?? 0) * 7) / 17)} more bytes of claims for the reference permit.`,
          ],
        },
      };
    },
  },
  {
    id: 'staff-import',
    title: 'Staff list import: read and validate 10,000 rows',
    run: async () => ({ section: genericSection(await benchStaffImport()) }),
  },
  {
    id: 'staff-import-db',
    title: 'Staff list import end to end (read, validate, save) on SQLite and PostgreSQL',
    run: async () => ({ section: genericSection(await benchStaffImportDb()) }),
  },
  {
    id: 'upload-bombs',
    title: 'Upload bombs refused, and a real 10,000-row list, through the staff import route',
    run: async () => ({ section: await benchUploadBombs() }),
  },
  {
    id: 'bulk-pdf',
    title: 'Bulk printing: QR + page, streaming writer vs naive pdf-lib',
    run: async () => ({ section: genericSection(formatBulkPdf(await benchBulkPdf())) }),
  },
  {
    id: 'issue-print',
    title: 'Permits through the API: issue (sign + store) then stream-print',
    run: async () => ({
      section: genericSection((await benchIssuePrintIsolated([1000, 10000])).map((r) => ({ ...r }))),
    }),
  },
  {
    id: 'issue-batch',
    title: 'Issuing to a whole staff list in chunks: peak memory and /healthz while it runs',
    run: async () => ({ section: genericSection(await benchIssueBatch([1000, 10000, 100000])) }),
  },
  {
    id: 'scan-sync',
    title: 'Scan sync through the batch endpoint',
    run: async () => ({ section: genericSection(await benchScanSync()) }),
  },
  {
    id: 'audit-append',
    title: 'audit(): one append, unsigned (before) and signed',
    run: async () => ({ section: genericSection(await benchAuditAppend()) }),
  },
  {
    id: 'inspection-queries',
    title: 'Post-inspection and chart queries on 1,000,000 scans and 100,000 permits',
    run: async () => ({ section: await benchInspection() }),
  },
  {
    id: 'scan-latency',
    title: 'Checkpoint app: camera frame to painted verdict',
    run: async () => ({ section: genericSection(formatScanBench(await benchScan())) }),
  },
];

/** Renders whatever another benchmark returns: a Section, Markdown text, rows, or JSON. */
function genericSection(result: unknown): Section {
  if (typeof result === 'string') return { tables: [], notes: [result] };
  if (isObject(result) && Array.isArray(result.tables) && Array.isArray(result.notes))
    return result as unknown as Section;
  if (isObject(result) && typeof result.markdown === 'string') return { tables: [], notes: [result.markdown] };
  const rows = Array.isArray(result) ? result : isObject(result) && Array.isArray(result.rows) ? result.rows : null;
  if (rows && rows.length > 0 && rows.every(isObject)) {
    const headers = [...new Set(rows.flatMap((r) => Object.keys(r as object)))];
    return {
      tables: [{ headers, rows: rows.map((r) => headers.map((h) => String((r as Record<string, unknown>)[h] ?? ''))) }],
      notes: [],
    };
  }
  return { tables: [], notes: ['```json\n' + JSON.stringify(result, null, 2) + '\n```'] };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const begin = (id: string) => `<!-- bench:${id}:begin -->`;
const end = (id: string) => `<!-- bench:${id}:end -->`;

/** Replaces each measured block between its markers; a block without markers is appended. */
export function rewriteBlocks(doc: string, blocks: Map<string, string>): string {
  let out = doc;
  for (const [id, body] of blocks) {
    const block = `${begin(id)}\n${body}\n${end(id)}`;
    const from = out.indexOf(begin(id));
    const to = out.indexOf(end(id));
    if (from >= 0 && to > from) out = out.slice(0, from) + block + out.slice(to + end(id).length);
    else out = `${out.trimEnd()}\n\n${block}\n`;
  }
  return out;
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2).filter((a) => a.trim() !== '');
  const available = BENCHMARKS;
  const selected = available.filter((b) => filters.length === 0 || filters.some((f) => b.id.includes(f)));
  if (selected.length === 0) {
    console.error(`no benchmark matches ${filters.join(' ')}; available: ${available.map((b) => b.id).join(', ')}`);
    return 2;
  }
  const load = startLoad();
  const started = new Date();
  const bodies = new Map<string, Section>();
  let chromium: string | undefined;
  let failed = 0;
  for (const b of selected) {
    console.log(`\n▶ ${b.title} (${b.id})`);
    const t0 = performance.now();
    try {
      const outcome = await b.run();
      bodies.set(b.id, outcome.section);
      chromium ??= outcome.chromium;
      console.log(`${consoleSection(outcome.section)}\n  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failed++;
      console.error(`  failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  const m = machine(load, chromium);
  const stamp = `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const provenance = `_Measured ${stamp} by \`npm run bench\` on ${describeMachine(m)}._`;
  console.log(`\n${provenance.replace(/_/g, '')}`);
  const blocks = new Map([...bodies].map(([id, s]) => [id, `${provenance}\n\n${markdownSection(s)}`]));
  if (blocks.size > 0) {
    const doc = existsSync(DOC_PATH) ? await readFile(DOC_PATH, 'utf8') : '# Benchmarks\n';
    await writeFile(DOC_PATH, rewriteBlocks(doc, blocks));
    console.log(`docs/benchmarks.md: rewrote ${[...blocks.keys()].join(', ')}`);
  }
  console.log(`goal: pipeline ≥ ${GOAL_RATIO * 100} % of the raw check; QR version ≤ ${MAX_VERSION}`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
