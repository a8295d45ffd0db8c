import { describe, expect, it } from 'vitest';
import { makeTestBusiness, servedLists, verifyServed } from '../permits/test-support.js';
import { forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { makeUser } from '../test/factories.js';

const TRUST = '/.well-known/thonghanh/trust.json';
const REVOKED = '/.well-known/thonghanh/revoked.json';

forEachApp((t) => {
  describe('trust.json and revoked.json', () => {
    it('are public, spec-shaped, with a strong ETag, 304 on If-None-Match, a one-minute cache and CORS *', async () => {
      const b = await makeTestBusiness(t.db, { staff: 1 });
      await (await signIn(t.app, b.rep)).post('/api/v1/permits', { staffIds: 'all' });
      for (const url of [TRUST, REVOKED]) {
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.headers['cache-control']).toBe('public, max-age=60');
        expect(res.headers['access-control-allow-origin']).toBe('*');
        const etag = res.headers.etag as string;
        expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
        const again = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
        expect(again.statusCode).toBe(304);
        expect(again.body).toBe('');
        expect(again.headers.etag).toBe(etag);
        const stale = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': '"autre"' } });
        expect(stale.statusCode).toBe(200);
      }
      const trust = (await t.app.inject({ method: 'GET', url: TRUST })).json();
      expect(trust.format).toBe('thonghanh-trust/1');
      expect(trust.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const entry = trust.keys.find((k: { issuer: string }) => k.issuer === 'VN-01-004-00124');
      expect(Object.keys(entry)).toEqual(['kid', 'alg', 'jwk', 'issuer', 'issuerName', 'notBefore', 'notAfter']);
      expect(entry).toMatchObject({ alg: 'EdDSA', issuerName: 'UBND phường Đức Giang' });
      expect(Object.keys(entry.jwk).sort()).toEqual(['crv', 'kty', 'x']);
      const revoked = (await t.app.inject({ method: 'GET', url: REVOKED })).json();
      expect(Object.keys(revoked)).toEqual(['format', 'updated', 'version', 'revoked']);
      expect(revoked.format).toBe('thonghanh-revoked/1');
    });

    it('answer a CORS preflight from any origin (a revalidation sends If-None-Match)', async () => {
      for (const url of [TRUST, REVOKED]) {
        const res = await t.app.inject({
          method: 'OPTIONS',
          url,
          headers: {
            origin: 'https://verifier.example',
            'access-control-request-method': 'GET',
            'access-control-request-headers': 'if-none-match',
          },
        });
        expect(res.statusCode).toBe(204);
        expect(res.headers['access-control-allow-origin']).toBe('*');
        expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toContain('if-none-match');
      }
    });

    it('a revocation is in the next revoked.json: version up, ETag changed, the permit verifies revoked', async () => {
      const b = await makeTestBusiness(t.db, { staff: 2 });
      const rep = await signIn(t.app, b.rep);
      const issued = (await rep.post('/api/v1/permits', { staffIds: 'all' })).json();
      const [p, q] = issued.items;
      expect((await verifyServed(t.app, p.qrText, t.clock.now())).verdict).toBe('valid');
      const before = await t.app.inject({ method: 'GET', url: REVOKED });
      const v0 = before.json().version;

      const res = await rep.post(`/api/v1/permits/${p.id}/revoke`, { reason: 'Người lao động nghỉ việc' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'revoked', revokedReason: 'Người lao động nghỉ việc' });

      const after = await t.app.inject({
        method: 'GET',
        url: REVOKED,
        headers: { 'if-none-match': before.headers.etag as string },
      });
      expect(after.statusCode).toBe(200);
      expect(after.json().version).toBe(v0 + 1);
      expect(after.json().revoked).toContain(p.cti);
      expect(after.json().updated).toBe('2021-08-15T03:00:00Z');
      expect((await verifyServed(t.app, p.qrText, t.clock.now())).verdict).toBe('revoked');
      expect((await verifyServed(t.app, q.qrText, t.clock.now())).verdict).toBe('valid');
      // Twice: 409, the version unchanged.
      const twice = await rep.post(`/api/v1/permits/${p.id}/revoke`, { reason: 'lần nữa' });
      expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'already_revoked']);
      expect((await servedLists(t.app)).revoked.version).toBe(v0 + 1);
    });

    it('the ward desk revokes permits of its businesses; another ward does not see them (404)', async () => {
      const b = await makeTestBusiness(t.db, { staff: 1 });
      const p = (await (await signIn(t.app, b.rep)).post('/api/v1/permits', { staffIds: 'all' })).json().items[0];
      const far = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.other }));
      expect((await far.post(`/api/v1/permits/${p.id}/revoke`, { reason: 'x' })).statusCode).toBe(404);
      const otherRep = await signIn(t.app, (await makeTestBusiness(t.db, { staff: 1 })).rep);
      expect((await otherRep.post(`/api/v1/permits/${p.id}/revoke`, { reason: 'x' })).statusCode).toBe(404);
      const desk = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer', wardCode: WARDS.own }));
      const res = await desk.post(`/api/v1/permits/${p.id}/revoke`, { reason: 'Kiểm tra phát hiện sai lộ trình' });
      expect(res.statusCode, res.body).toBe(200);
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['action', 'actor_role'])
        .where('entity_type', '=', 'permit')
        .where('entity_id', '=', p.id)
        .execute();
      expect(audit).toEqual([{ action: 'permit.revoked', actor_role: 'ward_officer' }]);
    });

    it('a revoked permit leaves revoked.json once it has expired', async () => {
      const b = await makeTestBusiness(t.db, { staff: 1 });
      const rep = await signIn(t.app, b.rep);
      const p = (await rep.post('/api/v1/permits', { staffIds: 'all', validTo: '2021-08-16' })).json().items[0];
      await rep.post(`/api/v1/permits/${p.id}/revoke`, { reason: 'x' });
      expect((await servedLists(t.app)).revoked.revoked.has(p.cti)).toBe(true);
      const at = t.clock.now();
      t.clock.set('2021-08-16T17:00:00Z'); // 00:00 on the 17th in Hà Nội: expired
      try {
        expect((await servedLists(t.app)).revoked.revoked.has(p.cti)).toBe(false);
      } finally {
        t.clock.set(at);
      }
    });
  });
});
