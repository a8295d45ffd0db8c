import { beforeEach, describe, expect, it } from 'vitest';
import type { DossierState } from '../../db/schema.js';
import { type Agent, forEachApp, signIn } from '../../test/app.js';
import { makeBusiness, makeBusinessRep, makeDossier, makeUser, TEST_COMMITMENT } from '../../test/factories.js';
import { contentDisposition, sanitizeFileName, sniffPlanFile } from './sniff-file-type.js';
import { multipartBody, SAMPLE_FILES } from './test-multipart.js';

describe('plan files: type from the content, not the name', () => {
  it('recognises PDF, JPEG and PNG by their first bytes, nothing else', () => {
    expect(sniffPlanFile(SAMPLE_FILES.pdf)).toBe('pdf');
    expect(sniffPlanFile(SAMPLE_FILES.png)).toBe('png');
    expect(sniffPlanFile(SAMPLE_FILES.jpeg)).toBe('jpeg');
    expect(sniffPlanFile(SAMPLE_FILES.html)).toBeNull();
    expect(sniffPlanFile(new TextEncoder().encode('PK\u0003\u0004'))).toBeNull();
    expect(sniffPlanFile(new Uint8Array())).toBeNull();
  });

  it('keeps a clean name with its real extension', () => {
    expect(sanitizeFileName('C:\\Users\\An\\Kế hoạch  phòng dịch.pdf', 'png')).toBe('Kế hoạch phòng dịch.png');
    expect(sanitizeFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(sanitizeFileName('<script>.pdf', 'pdf')).toBe('script.pdf');
    expect(sanitizeFileName('', 'jpeg')).toBe('ke-hoach.jpg');
    expect([...sanitizeFileName('a'.repeat(300), 'pdf')].length).toBe(120);
    expect(contentDisposition('inline', 'Kế hoạch.pdf')).toBe(
      `inline; filename="Ke hoach.pdf"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch.pdf`,
    );
  });
});

describe('attachment routes', () => {
  forEachApp((t) => {
    let rep: Agent;
    let desk: Agent;
    let health: Agent;
    let dossierId: string;
    beforeEach(async () => {
      const b = await makeBusiness(t.db);
      rep = await signIn(t.app, await makeBusinessRep(t.db, b));
      desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer' }));
      health = await signIn(t.app, await makeUser(t.db, { role: 'health_officer' }));
      dossierId = (await makeDossier(t.db, { business: b })).id;
    });
    const upload = (agent: Agent, name: string, bytes: Uint8Array, type = 'application/pdf', id = dossierId) =>
      agent.request({ method: 'POST', url: `/api/v1/dossiers/${id}/attachments`, ...multipartBody(name, bytes, type) });

    it('stores a PDF, lists it on the dossier and serves it back with its type, inline or as a download', async () => {
      const res = await upload(rep, 'Kế hoạch phòng dịch.pdf', SAMPLE_FILES.pdf);
      expect(res.statusCode, res.body).toBe(201);
      const a = res.json();
      expect(a).toMatchObject({
        fileName: 'Kế hoạch phòng dịch.pdf',
        contentType: 'application/pdf',
        size: SAMPLE_FILES.pdf.length,
      });
      const detail = (await health.get(`/api/v1/dossiers/${dossierId}`)).json();
      expect(detail.attachments.map((x: { id: string }) => x.id)).toContain(a.id);
      const inline = await health.get(`${a.url}?inline=1`);
      expect(inline.statusCode).toBe(200);
      expect(inline.headers['content-type']).toBe('application/pdf');
      expect(inline.headers['x-content-type-options']).toBe('nosniff');
      expect(inline.headers['content-disposition']).toMatch(
        /^inline; filename="Ke hoach phong dich.pdf"; filename\*=UTF-8''/,
      );
      expect(new Uint8Array(inline.rawPayload)).toEqual(SAMPLE_FILES.pdf);
      const download = await desk.get(a.url);
      expect(download.headers['content-disposition']).toMatch(/^attachment;/);
      const log = await t.db
        .selectFrom('audit_log')
        .select(['action', 'actor_id'])
        .where('entity_id', '=', dossierId)
        .where('action', '=', 'dossier.attachment_added')
        .execute();
      expect(log.map((l) => l.actor_id)).toContain(rep.user.id);
    });

    it('accepts a PNG named .pdf as the PNG it is', async () => {
      const res = await upload(rep, 'ke-hoach.pdf', SAMPLE_FILES.png);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ contentType: 'image/png', fileName: 'ke-hoach.png' });
      expect((await rep.get(res.json().url)).headers['content-type']).toBe('image/png');
    });

    it('refuses an HTML file named .pdf (415 unsupported_file_type) and stores nothing', async () => {
      const res = await upload(rep, 'ke-hoach.pdf', SAMPLE_FILES.html);
      expect([res.statusCode, res.json().error.code]).toEqual([415, 'unsupported_file_type']);
      const rows = await t.db
        .selectFrom('dossier_attachments')
        .select('id')
        .where('dossier_id', '=', dossierId)
        .execute();
      expect(rows).toHaveLength(1); // the factory's
    });

    it('refuses 11 MB (413 file_too_large)', async () => {
      const big = new Uint8Array(11 * 1024 * 1024);
      big.set(SAMPLE_FILES.pdf);
      const res = await upload(rep, 'lon.pdf', big);
      expect([res.statusCode, res.json().error.code]).toEqual([413, 'file_too_large']);
    });

    it('refuses a request without a file or not multipart', async () => {
      const json = await rep.post(`/api/v1/dossiers/${dossierId}/attachments`, { file: 'x' });
      expect(json.statusCode).toBe(415);
      const empty = await upload(rep, 'trong.pdf', new Uint8Array());
      expect([empty.statusCode, empty.json().error.code]).toEqual([400, 'file_missing']);
    });

    it('lets the business add files only while draft or returned; the desk at any time, never deleting once submitted', async () => {
      await rep.post(`/api/v1/dossiers/${dossierId}/submit`, { commitment: TEST_COMMITMENT });
      const late = await upload(rep, 'them.pdf', SAMPLE_FILES.pdf);
      expect([late.statusCode, late.json().error.code]).toEqual([409, 'dossier_locked']);
      const byDesk = await upload(desk, 'ban-co-dau.pdf', SAMPLE_FILES.jpeg);
      expect(byDesk.statusCode).toBe(201);
      expect(byDesk.json().contentType).toBe('image/jpeg');
      const del = await desk.delete(byDesk.json().url);
      expect([del.statusCode, del.json().error.code]).toEqual([409, 'attachment_immutable']);
      expect((await desk.get(byDesk.json().url)).statusCode).toBe(200);
    });

    it('hides another business’s files (404)', async () => {
      const other = await makeDossier(t.db, { business: await makeBusiness(t.db) });
      const res = await upload(rep, 'x.pdf', SAMPLE_FILES.pdf, 'application/pdf', other.id);
      expect(res.statusCode).toBe(404);
    });
  });
});

describe('attachments are evidence: no delete and no overwrite once submitted; a correction is a new version', () => {
  forEachApp((t) => {
    let desk: Agent;
    beforeEach(async () => {
      desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer' }));
    });
    const upload = (agent: Agent, url: string, name: string, bytes: Uint8Array, fields: Record<string, string> = {}) =>
      agent.request({ method: 'POST', url, ...multipartBody(name, bytes, 'application/octet-stream', fields) });
    const files = (id: string) => `/api/v1/dossiers/${id}/attachments`;
    const detailOf = async (agent: Agent, id: string) => (await agent.get(`/api/v1/dossiers/${id}`)).json();

    const STATES: DossierState[] = [
      'draft',
      'submitted',
      'health_confirmed',
      'returned',
      'approved',
      'rejected',
      'suspended',
    ];
    for (const state of STATES) {
      it(`${state}: ${state === 'draft' ? 'a file can still be deleted' : 'delete refused (409 attachment_immutable)'}; a new version keeps the old one, both in the timeline with who and when`, async () => {
        const business = await makeBusiness(t.db);
        const rep = await signIn(t.app, await makeBusinessRep(t.db, business));
        const d = await makeDossier(t.db, { business, state });
        const first = await upload(desk, files(d.id), 'ke-hoach.pdf', SAMPLE_FILES.pdf);
        expect(first.statusCode, first.body).toBe(201);
        const v1 = first.json();
        expect(v1).toMatchObject({ version: 1, replacesId: null, supersededById: null, uploadedById: desk.user.id });

        const del = await desk.delete(v1.url);
        if (state === 'draft') {
          expect(del.statusCode).toBe(200);
          expect((await desk.get(v1.url)).statusCode).toBe(404);
          const removed = (await detailOf(desk, d.id)).events.find(
            (e: { action: string }) => e.action === 'attachment_removed',
          );
          expect(removed).toMatchObject({
            actorId: desk.user.id,
            at: t.clock.now().toISOString(),
            attachment: { attachmentId: v1.id, fileName: 'ke-hoach.pdf', version: 1 },
          });
          return;
        }
        expect([del.statusCode, del.json().error.code]).toEqual([409, 'attachment_immutable']);
        expect(new Uint8Array((await desk.get(v1.url)).rawPayload)).toEqual(SAMPLE_FILES.pdf);

        t.clock.advance(60_000);
        const second = await upload(desk, `${v1.url}/versions`, 'ke-hoach-da-sua.png', SAMPLE_FILES.png, {
          note: 'Bản có dấu đỏ của UBND phường',
        });
        expect(second.statusCode, second.body).toBe(201);
        const v2 = second.json();
        expect(v2).toMatchObject({
          version: 2,
          replacesId: v1.id,
          supersededById: null,
          note: 'Bản có dấu đỏ của UBND phường',
          contentType: 'image/png',
          fileName: 'ke-hoach-da-sua.png',
        });

        // Both versions stay: the old one marked, still served byte for byte.
        const detail = await detailOf(desk, d.id);
        const listed = detail.attachments.filter((a: { id: string }) => a.id === v1.id || a.id === v2.id);
        expect(listed).toHaveLength(2);
        expect(listed.find((a: { id: string }) => a.id === v1.id)).toMatchObject({
          supersededById: v2.id,
          supersededAt: t.clock.now().toISOString(),
        });
        expect(new Uint8Array((await desk.get(v1.url)).rawPayload)).toEqual(SAMPLE_FILES.pdf);
        expect(new Uint8Array((await desk.get(v2.url)).rawPayload)).toEqual(SAMPLE_FILES.png);
        expect(detail.fileRights).toEqual({ upload: true, delete: false });

        // The timeline: who and when, for the first upload and for the correction.
        const events = detail.events.filter((e: { attachment: { attachmentId: string } | null }) =>
          [v1.id, v2.id].includes(e.attachment?.attachmentId ?? ''),
        );
        expect(events).toEqual([
          expect.objectContaining({
            action: 'attachment_added',
            actionLabel: 'Tải lên tệp',
            actorId: desk.user.id,
            actorName: desk.user.full_name,
            fromState: state,
            toState: state,
            at: new Date(t.clock.now().getTime() - 60_000).toISOString(),
            attachment: expect.objectContaining({ attachmentId: v1.id, version: 1, fileName: 'ke-hoach.pdf' }),
          }),
          expect.objectContaining({
            action: 'attachment_superseded',
            actorId: desk.user.id,
            note: 'Bản có dấu đỏ của UBND phường',
            at: t.clock.now().toISOString(),
            attachment: expect.objectContaining({
              attachmentId: v2.id,
              version: 2,
              replacesId: v1.id,
              replacedFileName: 'ke-hoach.pdf',
              replacedVersion: 1,
            }),
          }),
        ]);
        const audited = await t.db
          .selectFrom('audit_log')
          .select(['action', 'actor_id', 'detail'])
          .where('entity_id', '=', d.id)
          .where('action', '=', 'dossier.attachment_superseded')
          .executeTakeFirstOrThrow();
        expect(audited.actor_id).toBe(desk.user.id);
        expect(JSON.parse(audited.detail)).toMatchObject({ attachmentId: v2.id, replacesId: v1.id, version: 2 });

        // Only the newest version can be superseded; neither can be deleted.
        const stale = await upload(desk, `${v1.url}/versions`, 'lai.pdf', SAMPLE_FILES.pdf);
        expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'attachment_superseded']);
        expect((await desk.delete(v2.url)).json().error.code).toBe('attachment_immutable');

        // The business corrects its own files only while it may change the dossier.
        const byRep = await upload(rep, `${v2.url}/versions`, 'ke-hoach-3.pdf', SAMPLE_FILES.pdf);
        if (state === 'returned') expect(byRep.statusCode).toBe(201);
        else expect([byRep.statusCode, byRep.json().error.code]).toEqual([409, 'dossier_locked']);
      });
    }

    it('draft: deleting a new version makes the one it superseded current again; an old version cannot be deleted', async () => {
      const business = await makeBusiness(t.db);
      const rep = await signIn(t.app, await makeBusinessRep(t.db, business));
      const d = await makeDossier(t.db, { business });
      const v1 = (await upload(rep, files(d.id), 'a.pdf', SAMPLE_FILES.pdf)).json();
      const v2 = (await upload(rep, `${v1.url}/versions`, 'b.pdf', SAMPLE_FILES.pdf)).json();
      expect((await detailOf(rep, d.id)).fileRights).toEqual({ upload: true, delete: true });
      const old = await rep.delete(v1.url);
      expect([old.statusCode, old.json().error.code]).toEqual([409, 'attachment_superseded']);
      expect((await rep.delete(v2.url)).statusCode).toBe(200);
      const after = (await detailOf(rep, d.id)).attachments.find((a: { id: string }) => a.id === v1.id);
      expect(after).toMatchObject({ supersededById: null, supersededAt: null });
    });

    it('a new version of a file of another dossier is 404; an unsupported file stores nothing', async () => {
      const a = await makeDossier(t.db, { state: 'submitted' });
      const b = await makeDossier(t.db, { state: 'submitted' });
      const v1 = (await upload(desk, files(a.id), 'a.pdf', SAMPLE_FILES.pdf)).json();
      const cross = await upload(desk, `${files(b.id)}/${v1.id}/versions`, 'x.pdf', SAMPLE_FILES.pdf);
      expect(cross.statusCode).toBe(404);
      const bad = await upload(desk, `${v1.url}/versions`, 'x.pdf', SAMPLE_FILES.html);
      expect([bad.statusCode, bad.json().error.code]).toEqual([415, 'unsupported_file_type']);
      const rows = await t.db.selectFrom('dossier_attachments').select('id').where('replaces_id', '=', v1.id).execute();
      expect(rows).toEqual([]);
    });
  });
});
