import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodePng, pdfInfo, pdfText, renderPage } from '../../../test/support/pdf-tools.js';
import { SYSTEM_ACTOR } from '../../audit/append-audit.js';
import { loadConfig } from '../../config.js';
import { issuePermits } from '../../permits/issue-permits.js';
import { issueContext } from '../../permits/signing-context.js';
import { makeTestBusiness } from '../../permits/test-support.js';
import { databaseEnv, forEachDatabase } from '../../test/databases.js';
import type { CliIo } from '../io.js';
import { main } from '../main.js';

async function run(env: Record<string, string>, cwd: string, ...args: string[]) {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), cwd };
  const status = await main(args, io);
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('thonghanh permits print', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  forEachDatabase((t) => {
    it('prints a business’s valid permits in serial order, A5 or two per A4, from the database', async () => {
      const b = await makeTestBusiness(t.db, { staff: 5 });
      const config = loadConfig({ NODE_ENV: 'test', THONGHANH_DATA_DIR: t.dir });
      // Issued "now" (the real clock) so that the command, which prints what is valid now, finds them.
      const ctx = issueContext(config, SYSTEM_ACTOR, new Date());
      await t.db
        .updateTable('dossiers')
        .set({ plan_from: '2021-01-01', plan_to: '2099-12-31' })
        .where('id', '=', b.dossier.id)
        .execute();
      const permits = await t.db
        .transaction()
        .execute((tx) => issuePermits(tx, { businessId: b.business.id, staffIds: 'all' }, ctx));
      const env = databaseEnv(t);
      const res = await run(env, t.dir, 'permits', 'print', '--business', b.business.tax_code, '--out', 'giay.pdf');
      expect(res.status, res.stderr).toBe(0);
      expect(res.stdout).toContain('Đã in 5 giấy đi đường');
      const path = join(t.dir, 'giay.pdf');
      expect(pdfInfo(path).Pages).toBe('5');
      for (const [i, p] of permits.entries()) expect(pdfText(path, i + 1)).toContain(p.holder);
      expect(await decodePng(renderPage(path, 2, 150))).toEqual([permits[1]!.qr_text]);

      const a4 = await run(
        env,
        t.dir,
        'permits',
        'print',
        '--business',
        b.business.tax_code,
        '--out',
        'a4.pdf',
        '--layout',
        'A4x2',
      );
      expect(a4.status, a4.stderr).toBe(0);
      expect(pdfInfo(join(t.dir, 'a4.pdf')).Pages).toBe('3');
      // Never overwrites; unknown business; bad layout.
      expect(
        (await run(env, t.dir, 'permits', 'print', '--business', b.business.tax_code, '--out', 'giay.pdf')).status,
      ).toBe(2);
      expect((await run(env, t.dir, 'permits', 'print', '--business', '0000000000', '--out', 'x.pdf')).status).toBe(1);
      expect(
        (await run(env, t.dir, 'permits', 'print', '--business', '1', '--out', 'y.pdf', '--layout', 'A3')).status,
      ).toBe(2);
    });
  });
});
