import { beforeEach, describe, expect, it } from 'vitest';
import { type Agent, forEachApp, signIn } from '../../test/app.js';
import { makeBusiness, makeBusinessRep, makeDossier, makeUser } from '../../test/factories.js';
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

    it('lets the business change files only while draft or returned; the desk at any time', async () => {
      await rep.post(`/api/v1/dossiers/${dossierId}/submit`);
      const late = await upload(rep, 'them.pdf', SAMPLE_FILES.pdf);
      expect([late.statusCode, late.json().error.code]).toEqual([409, 'dossier_locked']);
      const byDesk = await upload(desk, 'ban-co-dau.pdf', SAMPLE_FILES.jpeg);
      expect(byDesk.statusCode).toBe(201);
      expect(byDesk.json().contentType).toBe('image/jpeg');
      expect((await desk.delete(byDesk.json().url)).statusCode).toBe(200);
      expect((await desk.get(byDesk.json().url)).statusCode).toBe(404);
    });

    it('hides another business’s files (404)', async () => {
      const other = await makeDossier(t.db, { business: await makeBusiness(t.db) });
      const res = await upload(rep, 'x.pdf', SAMPLE_FILES.pdf, 'application/pdf', other.id);
      expect(res.statusCode).toBe(404);
    });
  });
});
