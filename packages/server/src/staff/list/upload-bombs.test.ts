import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HEADERS, person, personRow, rawXlsx } from '../../../test/support/staff-files.js';
import { multipartBody } from '../../dossiers/attachments/test-multipart.js';
import { type Agent, forEachApp, signIn } from '../../test/app.js';
import { makeBusiness, makeBusinessRep, makeDossier } from '../../test/factories.js';
import { replaceSheetReaderPool, SheetReaderPool } from '../import/sheet-reader-pool.js';
import { type Bomb, uploadBombs } from '../import/upload-bombs.test-support.js';

/**
 * Issue 9, item 2: the upload bombs against the real route. Each is refused with its code,
 * nothing is saved, the server keeps answering, and its memory stays bounded; a real list
 * of 10,000 people still imports.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let base = 700_000 + Math.floor(Math.random() * 100_000);
const list = (n: number) =>
  rawXlsx([HEADERS, ...Array.from({ length: n }, () => personRow(person(base++)))], { sharedStrings: true });

let bombs: Bomb[];
beforeAll(() => {
  bombs = uploadBombs();
});

describe('upload bombs against POST /api/v1/dossiers/:id/staff/import', () => {
  forEachApp((t) => {
    let rep: Agent;
    let dossierId: string;
    beforeEach(async () => {
      const business = await makeBusiness(t.db);
      rep = await signIn(t.app, await makeBusinessRep(t.db, business));
      dossierId = (await makeDossier(t.db, { business, staff: 0 })).id;
    });
    const upload = (bytes: Uint8Array, name = 'danh-sach.xlsx') =>
      rep.request({
        method: 'POST',
        url: `/api/v1/dossiers/${dossierId}/staff/import`,
        ...multipartBody(name, bytes, XLSX),
      });
    const saved = async () =>
      Number(
        (
          await t.db
            .selectFrom('staff_members')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('dossier_id', '=', dossierId)
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('refuses every bomb with its code and a Vietnamese message, saves nothing, keeps answering', async () => {
      const rssBefore = process.memoryUsage().rss;
      for (const bomb of bombs) {
        const res = await upload(bomb.bytes);
        if (bomb.expect === 'file_too_complex') {
          expect([bomb.name, res.statusCode, res.json().error.code]).toEqual([bomb.name, 413, 'file_too_complex']);
          expect(res.json().error.message).toMatch(/^Tệp quá phức tạp nên không được đọc: .+\. Hãy chép/);
        } else {
          expect([bomb.name, res.statusCode]).toEqual([bomb.name, 200]);
          expect(res.json()).toMatchObject({ saved: false, errors: [{ row: 0, code: bomb.expect }] });
        }
        expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      }
      expect(await saved()).toBe(0);
      // Read naively, the first bomb alone took 3.7 GB before the process died.
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);
    }, 120_000);

    it('answers /healthz while a large list is being read in the worker', async () => {
      const bytes = list(3000);
      const order: string[] = [];
      const importing = upload(bytes).then((r) => order.push(`import ${r.statusCode}`));
      await new Promise((r) => setTimeout(r, 50));
      const health = await t.app.inject({ method: 'GET', url: '/healthz' });
      order.push(`healthz ${health.statusCode}`);
      await importing;
      expect(order).toEqual(['healthz 200', 'import 200']);
    }, 120_000);

    it('still imports a real list of 10,000 people', async () => {
      const res = await upload(list(10_000));
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.json()).toMatchObject({ rows: 10_000, valid: 10_000, errors: [], saved: true, savedCount: 10_000 });
      expect(await saved()).toBe(10_000);
    }, 180_000);

    describe('with a pool of one worker', () => {
      let previous: SheetReaderPool | null = null;
      let pool: SheetReaderPool | null = null;
      const use = (p: SheetReaderPool) => {
        pool = p;
        previous = replaceSheetReaderPool(p);
      };
      afterAll(async () => {
        replaceSheetReaderPool(previous);
        await pool?.close();
      });

      it('answers 422 file_read_timeout past the wall clock', async () => {
        use(new SheetReaderPool({ workers: 1, timeoutMs: 1 }));
        const res = await upload(list(10));
        expect([res.statusCode, res.json().error.code]).toEqual([422, 'file_read_timeout']);
        expect(res.json().error.message).toContain('giây');
        await pool?.close();
        replaceSheetReaderPool(previous);
      });

      it('answers 503 server_busy with Retry-After when the worker and its queue are taken', async () => {
        use(new SheetReaderPool({ workers: 1, queue: 0 }));
        const answers = await Promise.all([upload(list(2000)), upload(list(2000))]);
        // Whichever reaches the pool first is read; the other is refused at once.
        expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 503]);
        const busy = answers.find((r) => r.statusCode === 503);
        expect([busy?.json().error.code, busy?.headers['retry-after']]).toEqual(['server_busy', '30']);
      }, 120_000);
    });
  });
});
