import { describe, expect, it } from 'vitest';
import { forEachApp, signIn } from '../test/app.js';
import { WARDS } from '../test/constants.js';
import { makeUser } from '../test/factories.js';

describe('ward settings routes', () => {
  forEachApp((t) => {
    it('start at the defaults (3 days) and keep what the ward admin saves', async () => {
      const admin = await signIn(t.app, await makeUser(t.db, { role: 'ward_admin' }));
      const officer = await signIn(t.app, await makeUser(t.db, { role: 'ward_officer' }));
      const url = `/api/v1/wards/${WARDS.own}/settings`;
      expect((await officer.get(url)).json()).toEqual({
        wardCode: WARDS.own,
        dueDays: 3,
        legalBasis: null,
        deskEmail: null,
        leaderApprovalRequired: true,
        updatedAt: null,
      });
      const saved = await admin.patch(url, { dueDays: 2, deskEmail: 'motcua@ducgiang.example.vn' });
      expect(saved.statusCode).toBe(200);
      expect((await officer.get(url)).json()).toMatchObject({ dueDays: 2, deskEmail: 'motcua@ducgiang.example.vn' });
      const bad = await admin.patch(url, { dueDays: 0, deskEmail: 'không phải email' });
      expect(
        bad
          .json()
          .error.issues.map((i: { path: string }) => i.path)
          .sort(),
      ).toEqual(['body.deskEmail', 'body.dueDays']);
    });
  });
});
