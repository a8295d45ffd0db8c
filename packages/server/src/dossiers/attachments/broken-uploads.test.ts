import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, forEachApp, signIn } from '../../test/app.js';
import { makeBusiness, makeBusinessRep, makeDossier } from '../../test/factories.js';
import { multipartBody, SAMPLE_FILES } from './test-multipart.js';

/** A plan file of 200 KB, so that a cut lands inside the file's bytes. */
const PLAN = new Uint8Array(200_000).fill(0x41);
PLAN.set(SAMPLE_FILES.pdf);
const FULL = multipartBody('Kế hoạch.pdf', PLAN, 'application/pdf');
const CUT = FULL.payload.subarray(0, 100_000);

/** Sends raw bytes on a real socket and returns everything the server answers before it closes. */
function rawRequest(port: number, bytes: Buffer, halfClose: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(bytes);
      if (halfClose) socket.end();
    });
    const chunks: Buffer[] = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

const statusAndCode = (raw: string) => {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  return [status, (JSON.parse(body) as { error: { code: string } }).error.code];
};

describe('broken uploads', () => {
  forEachApp((t) => {
    let rep: Agent;
    let url: string;
    let dossierId: string;
    let port: number;
    let before: number;
    const attachments = async () =>
      (await t.db.selectFrom('dossier_attachments').select('id').where('dossier_id', '=', dossierId).execute()).length;
    beforeAll(async () => {
      const b = await makeBusiness(t.db);
      rep = await signIn(t.app, await makeBusinessRep(t.db, b));
      dossierId = (await makeDossier(t.db, { business: b })).id;
      url = `/api/v1/dossiers/${dossierId}/attachments`;
      port = Number(new URL(await t.app.listen({ port: 0, host: '127.0.0.1' })).port);
      before = await attachments();
    });
    afterAll(async () => {
      // Nothing half-written: no attachment row came from a broken upload.
      expect(await attachments()).toBe(before);
    });

    const send = (payload: Buffer, contentType: string) =>
      rep.request({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
    const head = (extra: string) =>
      `POST ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: th_session=${rep.cookie}\r\n` +
      `x-csrf-token: ${rep.csrfToken}\r\nContent-Type: ${FULL.headers['content-type']}\r\nConnection: close\r\n${extra}\r\n`;

    it.each([
      ['cut in the middle of the file', () => CUT],
      ['cut inside the part’s headers', () => FULL.payload.subarray(0, 60)],
      ['with no multipart structure at all', () => Buffer.from('khong phai multipart\r\n\r\n')],
    ])('answers a body %s with 400 upload_incomplete', async (_what, body) => {
      const res = await send(body(), FULL.headers['content-type']!);
      expect([res.statusCode, res.json().error.code]).toEqual([400, 'upload_incomplete']);
    });

    it('answers a boundary that never comes, or none at all, with 400 upload_incomplete', async () => {
      for (const type of ['multipart/form-data; boundary=khongco', 'multipart/form-data']) {
        const res = await send(FULL.payload, type);
        expect([res.statusCode, res.json().error.code]).toEqual([400, 'upload_incomplete']);
      }
    });

    it('answers a form without a file part with 400 file_missing', async () => {
      const fieldOnly = Buffer.from(
        '--b\r\nContent-Disposition: form-data; name="ghichu"\r\n\r\nxin chao\r\n--b--\r\n',
      );
      const res = await send(fieldOnly, 'multipart/form-data; boundary=b');
      expect([res.statusCode, res.json().error.code]).toEqual([400, 'file_missing']);
    });

    it('on a real socket, answers a body cut before its Content-Length with 400 request_incomplete', async () => {
      const raw = await rawRequest(
        port,
        Buffer.concat([Buffer.from(head(`Content-Length: ${FULL.payload.length}\r\n`)), CUT]),
        true,
      );
      expect(statusAndCode(raw)).toEqual([400, 'request_incomplete']);
    });

    it('on a real socket, answers a chunked body whose multipart is cut with 400 upload_incomplete', async () => {
      const chunked = Buffer.concat([
        Buffer.from(head('Transfer-Encoding: chunked\r\n')),
        Buffer.from(`${CUT.length.toString(16)}\r\n`),
        CUT,
        Buffer.from('\r\n0\r\n\r\n'),
      ]);
      expect(statusAndCode(await rawRequest(port, chunked, false))).toEqual([400, 'upload_incomplete']);
    });

    it('still takes a whole upload on the same server', async () => {
      const res = await rep.request({ method: 'POST', url, ...multipartBody('Kế hoạch.pdf', SAMPLE_FILES.pdf) });
      expect(res.statusCode, res.body).toBe(201);
      await rep.delete(`${url}/${res.json().id}`);
    });
  });
});
