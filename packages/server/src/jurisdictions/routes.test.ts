import { describe, expect, it } from 'vitest';
import { forEachApp } from '../test/app.js';

describe('admin unit routes', () => {
  forEachApp((t) => {
    it('list the wards of Long Biên without signing in', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin-units?parent=004' });
      expect(res.statusCode).toBe(200);
      const items = res.json().items as Array<{ code: string; name: string }>;
      expect(items).toHaveLength(14);
      expect(items.find((u) => u.code === '00124')?.name).toBe('Phường Đức Giang');
    });

    it('list the provinces when no parent is given', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin-units' });
      expect(res.json().items.map((u: { code: string }) => u.code)).toEqual(['01']);
    });

    it('show a ward with its district and province', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin-units/00124' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        code: '00124',
        level: 'ward',
        parentCode: '004',
        ancestors: [
          { code: '01', name: 'Thành phố Hà Nội' },
          { code: '004', name: 'Quận Long Biên' },
        ],
      });
    });

    it('answer 404 not_found for an unknown code and 400 for a malformed one', async () => {
      const missing = await t.app.inject({ method: 'GET', url: '/api/v1/admin-units/99999' });
      expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'not_found']);
      const bad = await t.app.inject({ method: 'GET', url: '/api/v1/admin-units/abc' });
      expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'validation_failed']);
      expect(bad.json().error.issues[0].path).toBe('params.code');
    });
  });
});
