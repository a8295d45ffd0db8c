import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLI_ACTOR } from '../audit/append-audit.js';
import { main } from '../cli/main.js';
import { makeTestBusiness, servedLists, verifyServed } from '../permits/test-support.js';
import { forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { databaseEnv } from '../test/databases.js';
import { makeUser } from '../test/factories.js';
import { loadMasterKey, MASTER_KEY_FILE } from './master-key.js';
import { openPrivateJwk, sealPrivateJwk } from './seal-private-key.js';
import { currentWardKey, listWardKeys } from './ward-keys.js';

forEachApp((t) => {
  describe('ward signing keys', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it('the first key is made on demand; the master key file is created 0600; no private key in the clear', async () => {
      const b = await makeTestBusiness(t.db, { staff: 1 });
      await (await signIn(t.app, b.rep)).post('/api/v1/permits', { staffIds: 'all' });
      const path = join(t.appConfig.keysDir, MASTER_KEY_FILE);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')).toHaveLength(32);

      const key = (await currentWardKey(t.db, WARDS.own))!;
      expect(key).toMatchObject({ alg: 'EdDSA', status: 'current', issuer: 'VN-01-004-00124' });
      const master = loadMasterKey(t.appConfig);
      expect(key.master_key_id).toBe(master.id);
      const jwk = openPrivateJwk(master, key.private_jwk_sealed, key.ward_code, key.kid);
      const d = (jwk as { d: string }).d;
      expect(d).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // The column holds ciphertext only, and no column of the table holds `d`.
      expect(key.private_jwk_sealed).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      for (const row of await t.db.selectFrom('ward_keys').selectAll().execute()) {
        expect(JSON.stringify(row)).not.toContain(d);
        expect(row.private_jwk_sealed).not.toContain('"d"');
      }
      if (t.kind === 'sqlite') {
        // …nor any byte of the database files (WAL included).
        for (const f of readdirSync(t.dir).filter((n) => n.startsWith('thonghanh.sqlite'))) {
          const bytes = readFileSync(join(t.dir, f));
          expect(bytes.includes(Buffer.from(d))).toBe(false);
          expect(bytes.includes(Buffer.from(d, 'base64url'))).toBe(false);
        }
      }
      // No route returns private material.
      const admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin', wardCode: WARDS.own }));
      const listed = await admin.get(`/api/v1/wards/${WARDS.own}/keys`);
      expect(listed.statusCode).toBe(200);
      expect(listed.body).not.toContain(d);
      expect(listed.body).not.toContain('sealed');
      expect(listed.body).not.toContain('"d"');
    });

    it('a sealed key opens only with its master key and for its own row', async () => {
      const master = loadMasterKey(t.appConfig);
      const other = loadMasterKey({ masterKey: randomBytes(32).toString('base64'), keysDir: '/nonexistent' });
      const jwk = { kty: 'OKP', crv: 'Ed25519', x: 'x', d: 'secret' } as const;
      const sealed = sealPrivateJwk(master, jwk, '00124', 'kid1');
      expect(openPrivateJwk(master, sealed, '00124', 'kid1')).toEqual(jwk);
      expect(() => openPrivateJwk(other, sealed, '00124', 'kid1')).toThrow();
      expect(() => openPrivateJwk(master, sealed, '00127', 'kid1')).toThrow();
      expect(() => openPrivateJwk(master, sealed, '00124', 'kid2')).toThrow();
      expect(sealed).not.toContain('secret');
    });

    it('rotation (ward admin route): new permits use the new kid, old ones stay valid; the old key leaves the list when they expire', async () => {
      const b = await makeTestBusiness(t.db, { staff: 2 });
      const rep = await signIn(t.app, b.rep);
      const old = (await rep.post('/api/v1/permits', { staffIds: [b.staffIds[0]], validTo: '2021-08-20' })).json()
        .items[0];
      const admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin', wardCode: WARDS.own }));
      const rotated = await admin.post(`/api/v1/wards/${WARDS.own}/keys/rotate`, { alg: 'ES256' });
      expect(rotated.statusCode, rotated.body).toBe(200);
      const { previous, current } = rotated.json();
      expect(previous.kid).toBe(old.kid);
      expect(previous).toMatchObject({ status: 'retired', notAfter: '2021-08-15T03:00:00.000Z' });
      expect(current).toMatchObject({ status: 'current', alg: 'ES256' });

      const fresh = (await rep.post('/api/v1/permits', { staffIds: [b.staffIds[1]] })).json().items[0];
      expect(fresh.kid).toBe(current.kid);
      expect((await verifyServed(t.app, old.qrText, t.clock.now())).verdict).toBe('valid');
      expect((await verifyServed(t.app, fresh.qrText, t.clock.now())).verdict).toBe('valid');
      const trust = (await t.app.inject({ method: 'GET', url: '/.well-known/thonghanh/trust.json' })).json();
      const own = trust.keys.filter((k: { issuer: string }) => k.issuer === 'VN-01-004-00124');
      const oldEntry = own.find((k: { kid: string }) => k.kid === old.kid);
      expect(oldEntry.notAfter).toBe('2021-08-15T03:00:00Z');
      expect(own.find((k: { kid: string }) => k.kid === current.kid)).toMatchObject({
        alg: 'ES256',
        jwk: { kty: 'EC' },
      });

      // The ward's other permits signed by the old key (other tests' businesses) may last until
      // 30/09: past that, the old key is dropped.
      const at = t.clock.now();
      t.clock.set('2021-10-01T00:00:00Z');
      try {
        const later = await servedLists(t.app);
        expect(later.trust.keys.some((k) => Buffer.from(k.kid).toString('base64url') === old.kid)).toBe(false);
        expect(later.trust.keys.some((k) => Buffer.from(k.kid).toString('base64url') === current.kid)).toBe(true);
      } finally {
        t.clock.set(at);
      }
      const keys = await listWardKeys(t.db, WARDS.own);
      expect(keys.filter((k) => k.status === 'current')).toHaveLength(1);
    });

    it('a ward admin rotates only their own ward; a supervisor reads keys of the area', async () => {
      const admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin', wardCode: WARDS.own }));
      expect((await admin.post(`/api/v1/wards/${WARDS.sameDistrict}/keys/rotate`, {})).statusCode).toBe(403);
      const sup = await signIn(t.app, await makeUser(t.db, { role: 'supervisor', districtCode: '004' }));
      expect((await sup.get(`/api/v1/wards/${WARDS.own}/keys`)).statusCode).toBe(200);
      expect((await sup.post(`/api/v1/wards/${WARDS.own}/keys/rotate`, {})).statusCode).toBe(403);
    });

    it('thonghanh keys rotate --ward rotates in the database, audited as the CLI; keys generate still works', async () => {
      for (const [k, v] of Object.entries({ ...databaseEnv(t), THONGHANH_MASTER_KEY: '' })) vi.stubEnv(k, v);
      const before = await currentWardKey(t.db, WARDS.sameDistrict);
      const out: string[] = [];
      const err: string[] = [];
      const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), cwd: t.dir };
      expect(await main(['keys', 'rotate', '--ward', WARDS.sameDistrict], io), err.join('\n')).toBe(0);
      const after = (await currentWardKey(t.db, WARDS.sameDistrict))!;
      expect(after.id).not.toBe(before?.id);
      expect(out.join('\n')).toContain(after.kid);
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['action', 'actor_role'])
        .where('entity_id', '=', after.id)
        .execute();
      expect(audit).toEqual([{ action: 'ward_key.rotated', actor_role: CLI_ACTOR.role }]);
      expect(await main(['keys', 'rotate', '--ward', '99999'], io)).toBe(1);
      expect(await main(['keys', 'rotate'], io)).toBe(2);
      expect(await main(['keys', 'generate', '--issuer', 'VN-01-004-00124', '--out', 'k.jwk.json'], io)).toBe(0);
    });
  });
});
